import { z } from 'zod';

/**
 * The operator's ceilings on every sandbox limit a client can state (a spec's `code` options, a
 * sample's `reference`). Requests above a ceiling are clamped to it, and the clamping is reported
 * in the result's details; nothing a request says can raise a limit past what the operator set
 * (`--sandbox-max-*` flags of `serve` and `score`, or REWARDKIT_SANDBOX_CEILINGS as JSON).
 */
export const SandboxCeilingsSchema = z
  .object({
    timeout_s: z.number().positive().max(600).default(30),
    memory_mb: z.number().int().min(16).max(65_536).default(1024),
    processes: z.number().int().min(4).max(4096).default(128),
    tmp_size_mb: z.number().int().positive().max(4096).default(256),
    output_bytes: z
      .number()
      .int()
      .positive()
      .max(64 * 1024 * 1024)
      .default(8 * 1024 * 1024),
  })
  .strict();

export type SandboxCeilings = z.output<typeof SandboxCeilingsSchema>;
export type SandboxCeilingsInput = z.input<typeof SandboxCeilingsSchema>;
export type CeilingName = keyof SandboxCeilings;

/** The environment variable that carries the ceilings to worker threads and `rewardkit worker`. */
export const CEILINGS_VARIABLE = 'REWARDKIT_SANDBOX_CEILINGS';

/**
 * The process-wide ceilings: those set by `setOperatorCeilings`, else REWARDKIT_SANDBOX_CEILINGS,
 * else the defaults. A malformed variable throws (an operator's mistake must not pass silently).
 */
export function operatorCeilings(): SandboxCeilings {
  const raw = process.env[CEILINGS_VARIABLE];
  if (raw === undefined || raw.trim() === '') return SandboxCeilingsSchema.parse({});
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`${CEILINGS_VARIABLE} is not JSON: ${raw.slice(0, 100)}`);
  }
  const result = SandboxCeilingsSchema.safeParse(parsed);
  if (!result.success) {
    throw new Error(
      `${CEILINGS_VARIABLE}: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  return result.data;
}

/**
 * Sets the process-wide ceilings. They travel in REWARDKIT_SANDBOX_CEILINGS, so worker threads
 * started afterwards (and child processes) apply the same ones.
 */
export function setOperatorCeilings(ceilings: SandboxCeilingsInput): SandboxCeilings {
  const parsed = SandboxCeilingsSchema.parse(ceilings);
  process.env[CEILINGS_VARIABLE] = JSON.stringify(parsed);
  return parsed;
}

export interface Clamped {
  requested: number;
  applied: number;
  ceiling: number;
}

/** Each requested limit, capped at its ceiling; `clamped` lists the ones that were lowered. */
export function clampToCeilings(
  requested: Readonly<Record<CeilingName, number>>,
  ceilings: SandboxCeilings,
): { applied: Record<CeilingName, number>; clamped: Partial<Record<CeilingName, Clamped>> } {
  const applied = { ...requested };
  const clamped: Partial<Record<CeilingName, Clamped>> = {};
  for (const name of Object.keys(requested) as CeilingName[]) {
    if (requested[name] > ceilings[name]) {
      applied[name] = ceilings[name];
      clamped[name] = { requested: requested[name], applied: ceilings[name], ceiling: ceilings[name] };
    }
  }
  return { applied, clamped };
}
