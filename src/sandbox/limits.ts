import { z } from 'zod';

/**
 * Resource limits of one sandboxed run. Every field has a documented default; the code reward
 * fills `timeoutMs` and `memoryMb` from the sample's reference (`timeout_s`, `memory_mb`).
 */
export const SandboxLimitsSchema = z
  .object({
    /** Wall-clock budget of the whole run; past it the whole process tree is killed. */
    timeoutMs: z.number().int().positive().max(600_000).default(5_000),
    /** Address space per process (RLIMIT_AS), plus the language's own slack (Node reserves more). */
    memoryMb: z.number().int().min(16).max(65_536).default(512),
    /** Largest file a process may write (RLIMIT_FSIZE), in MiB. */
    fileSizeMb: z.number().int().positive().max(4096).default(16),
    /** Size of the private tmpfs mounted at /tmp (the working directory), in MiB. */
    tmpSizeMb: z.number().int().positive().max(4096).default(64),
    /** Open file descriptors per process (RLIMIT_NOFILE). */
    openFiles: z.number().int().min(16).max(65_536).default(128),
    /** Processes and threads of the sandbox user (RLIMIT_NPROC); caps fork bombs. */
    processes: z.number().int().min(4).max(4096).default(64),
    /** Bytes kept from stdout and from stderr each; a run that writes more is killed (output_limit). */
    outputBytes: z
      .number()
      .int()
      .positive()
      .max(64 * 1024 * 1024)
      .default(1024 * 1024),
  })
  .strict();

export type SandboxLimits = z.output<typeof SandboxLimitsSchema>;
export type SandboxLimitsInput = z.input<typeof SandboxLimitsSchema>;

/** CPU seconds (RLIMIT_CPU) for a wall-clock budget: the budget rounded up plus one second. */
export function cpuSecondsFor(limits: SandboxLimits): number {
  return Math.ceil(limits.timeoutMs / 1000) + 1;
}
