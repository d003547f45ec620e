import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import type { RewardKind } from '../src/core/reward-kind.js';
import { rewardKinds } from '../src/rewards/index.js';
import { repositoryRoot } from './helpers/cli-process.js';
import {
  contractSamples,
  MARGIN_MS,
  MAX_CONTRACT_DEADLINE_MS,
  optionSetsOf,
} from './helpers/hostile-samples.js';

/**
 * The contract every registered reward kind must keep, whatever a policy under RL or a hostile
 * client sends (hono runs one router suite over every router; this runs one kind suite over every
 * kind of the registry, so a kind added later is covered without touching this file):
 *
 * - `score` never throws (a bad sample is a result, not an exception);
 * - every result has a known status; a result that could not decide has `score: null`, an
 *   undecided status and an error with an RK code and a message (the reason); a decided score is
 *   a finite number;
 * - it finishes within its deadline plus a margin (measured here; a contract, not a benchmark:
 *   the margin is generous because the machine is shared).
 *
 * Kinds that need the sandbox are built with `allowUnsandboxed: false` and run for real.
 *
 * Each kind runs in a child process with a 1 GiB heap (test/helpers/kind-contract-runner.ts): a
 * sample that hangs past its deadline plus the margin is killed and reported, one that exhausts
 * the heap is reported as a crash, and the run goes on with the next sample, so one failure
 * lists every offending sample instead of taking the suite down.
 */

const samples = contractSamples();

describe('reward kind contract: every registered kind, hostile samples', () => {
  it('covers every registered kind with options it accepts', () => {
    for (const kind of rewardKinds.values()) {
      const optionSets = optionSetsOf(kind);
      expect(optionSets, `add contract options for the reward kind '${kind.name}'`).toBeDefined();
      for (const options of optionSets ?? []) {
        expect(kind.optionsSchema.safeParse(options).success, `${kind.name} ${JSON.stringify(options)}`).toBe(
          true,
        );
      }
    }
    expect(samples.length).toBeGreaterThan(40);
  });

  for (const kind of rewardKinds.values()) {
    for (const options of optionSetsOf(kind) ?? []) {
      const deadlineMs = Math.min(kind.defaultTimeoutSeconds * 1000, MAX_CONTRACT_DEADLINE_MS);
      it(
        `${kind.name} ${JSON.stringify(options)}: never throws or crashes, always a status and a reason, within its deadline`,
        async (context) => {
          const outcome = await runContract(kind, options, deadlineMs);
          if (outcome.unavailable !== undefined)
            context.skip(`the sandbox is unavailable: ${outcome.unavailable}`);
          expect(outcome.scored).toBe(samples.length);
          expect(outcome.breaches).toEqual([]);
        },
        // Bounded by what it checks: every sample at its deadline plus the margin, plus start-ups.
        samples.length * (deadlineMs + MARGIN_MS + 2_000),
      );
    }
  }
});

interface ContractOutcome {
  /** Samples accounted for: scored, or reported as hung or crashed. */
  scored: number;
  breaches: string[];
  unavailable?: string;
}

/** Runs a kind over every sample in child processes, restarting after a hang or a crash. */
async function runContract(
  kind: RewardKind<unknown>,
  options: unknown,
  deadlineMs: number,
): Promise<ContractOutcome> {
  const outcome: ContractOutcome = { scored: 0, breaches: [] };
  let next = 0;
  while (next < samples.length) {
    const child = spawn(
      process.execPath,
      [
        '--max-old-space-size=1024',
        '--import',
        'tsx',
        'test/helpers/kind-contract-runner.ts',
        kind.name,
        JSON.stringify(options),
        String(next),
        String(deadlineMs),
      ],
      { cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    const exited = new Promise<string>((resolve) =>
      child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)),
    );
    let current: { index: number; name: string } | undefined;
    let timer: NodeJS.Timeout | undefined;
    let killedForDeadline = false;
    let done = false;
    for await (const line of createInterface({ input: child.stdout })) {
      const event = JSON.parse(line) as {
        start?: number;
        index?: number;
        name?: string;
        elapsed?: number;
        breaches?: string[];
        unavailable?: string;
        done?: boolean;
      };
      if (event.unavailable !== undefined) {
        outcome.unavailable = event.unavailable;
        return outcome;
      }
      if (event.start !== undefined) {
        current = { index: event.start, name: event.name ?? '' };
        clearTimeout(timer);
        timer = setTimeout(() => {
          killedForDeadline = true;
          child.kill('SIGKILL');
        }, deadlineMs + MARGIN_MS);
      } else if (event.index !== undefined) {
        clearTimeout(timer);
        current = undefined;
        outcome.scored++;
        next = event.index + 1;
        if ((event.elapsed ?? 0) > deadlineMs + MARGIN_MS) {
          outcome.breaches.push(`${event.name}: took ${event.elapsed} ms, deadline ${deadlineMs} ms`);
        }
        for (const breach of event.breaches ?? []) outcome.breaches.push(`${event.name}: ${breach}`);
      } else if (event.done === true) {
        done = true;
      }
    }
    clearTimeout(timer);
    const how = await exited;
    if (done) break;
    if (current === undefined) throw new Error(`the contract runner failed to start: ${how}\n${stderr}`);
    outcome.scored++;
    next = current.index + 1;
    outcome.breaches.push(
      killedForDeadline
        ? `${current.name}: still running ${deadlineMs + MARGIN_MS} ms after it started (deadline ${deadlineMs} ms); killed`
        : `${current.name}: crashed the process (${how}): ${lastLine(stderr)}`,
    );
  }
  return outcome;
}

function lastLine(text: string): string {
  const fatal = /FATAL ERROR: [^\n]*/.exec(text);
  return fatal?.[0] ?? text.trim().split('\n').at(-1) ?? '';
}
