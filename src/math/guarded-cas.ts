import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as threads from 'node:worker_threads';
import type { MathJson } from './value.js';

/**
 * compute-engine (the computer-algebra fallback) behind a guard. It runs in a worker thread with
 * V8 heap limits, and the caller waits for it synchronously (Atomics.wait on a SharedArrayBuffer,
 * allowed on Node's main thread) up to a deadline. A blow-up it was never meant to see (a huge
 * power, a sum of a billion terms, a runaway simplification) ends in the worker: out of memory
 * kills only the worker, an overrun terminates it, and the caller gets `timeout`, never a verdict
 * and never a dead process. The worker starts on first use, so answers the fast parser and the
 * exact evaluators handle never load compute-engine at all.
 */

/** Heap of the worker: compute-engine needs tens of MB; a bomb stops here. */
const WORKER_HEAP_MB = 192;
/** Longest wait for one call, whatever the caller's deadline (the first call also starts the worker). */
const MAX_CALL_MS = 5_000;
const MAX_FIRST_CALL_MS = 10_000;

export type CasRequest =
  | { op: 'parse'; latex: string }
  | { op: 'isEqual'; gold: MathJson; pred: MathJson }
  | { op: 'simplifiesToZero'; gold: MathJson; pred: MathJson };

export type CasAnswer =
  | { ok: true; value: MathJson | boolean | null }
  | { ok: false; reason: 'timeout' | 'crashed' | 'error'; message: string };

/**
 * The worker's code (plain JavaScript, so it runs the same from sources, tests and dist). Its one
 * import is dynamic, which a script and a module both allow: the worker inherits the process's
 * node flags, and under `node --input-type=module` (a library one-liner) a `require` ended it at its
 * first line, so that every call waited its whole limit for nothing.
 */
const WORKER_SOURCE = `
import('node:worker_threads').then(({ workerData }) => {
const { port, signal, engineUrl } = workerData;
const flag = new Int32Array(signal);
let enginePromise;
function engine() {
  enginePromise ??= import(engineUrl).then((module) => {
    const ce = new module.ComputeEngine();
    // Load the libraries now (the first box and comparison load them), not in the first request.
    try {
      ce.box(['Add', 'x', 1]).isEqual(ce.box(['Add', 1, 'x']));
      ce.box(['Subtract', ['Power', 'x', 2], ['Multiply', 'x', 'x']]).expand().simplify();
      ce.parse('\\frac{x}{2}', { canonical: false });
    } catch {}
    Atomics.store(flag, 1, 1);
    return ce;
  });
  return enginePromise;
}
engine();
function answer(id, payload) {
  port.postMessage({ id, ...payload });
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
port.on('message', async ({ id, request }) => {
  try {
    const ce = await engine();
    if (request.op === 'parse') {
      answer(id, { ok: true, value: ce.parse(request.latex, { canonical: false }).json });
    } else if (request.op === 'isEqual') {
      const same = ce.box(request.gold).isEqual(ce.box(request.pred));
      answer(id, { ok: true, value: same === undefined ? null : same });
    } else {
      const difference = () => ce.box(['Subtract', request.gold, request.pred]);
      const zero = difference().simplify().is(0) || difference().expand().simplify().is(0);
      answer(id, { ok: true, value: zero === true });
    }
  } catch (error) {
    answer(id, { ok: false, reason: 'error', message: String(error && error.message || error) });
  }
});
});
`;

interface Guard {
  worker: threads.Worker;
  port: threads.MessagePort;
  flag: Int32Array;
  calls: number;
}

let guard: Guard | undefined;
let nextId = 0;

function engineUrl(): string {
  // The CommonJS entry sits beside the ES module build; the worker imports the ES module.
  const entry = createRequire(import.meta.url).resolve('@cortex-js/compute-engine');
  return pathToFileURL(join(dirname(entry), 'compute-engine.min.esm.js')).href;
}

function startGuard(): Guard {
  const { port1, port2 } = new threads.MessageChannel();
  // [0]: an answer is waiting; [1]: compute-engine is loaded.
  const signal = new SharedArrayBuffer(8);
  const worker = new threads.Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { port: port2, signal, engineUrl: engineUrl() },
    transferList: [port2],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
    stdout: true,
    stderr: true,
  });
  worker.on('error', () => stopGuard(worker));
  worker.on('exit', () => stopGuard(worker));
  worker.unref();
  port1.unref();
  return { worker, port: port1, flag: new Int32Array(signal), calls: 0 };
}

function stopGuard(worker: threads.Worker): void {
  if (guard?.worker !== worker) return;
  guard.port.close();
  void worker.terminate();
  guard = undefined;
}

/** Starts the worker (and compute-engine's loading) without waiting for it. */
export function startGuardedCas(): void {
  guard ??= startGuard();
}

/**
 * Runs one compute-engine request, waiting at most `budgetMs` (and never more than the guard's
 * own cap). Blocks the calling thread; safe on the main thread and in worker threads.
 */
export function runGuardedCas(request: CasRequest, budgetMs: number): CasAnswer {
  if (budgetMs <= 0) return { ok: false, reason: 'timeout', message: 'no time left for compute-engine' };
  guard ??= startGuard();
  const current = guard;
  const loaded = Atomics.load(current.flag, 1) === 1;
  const limit = Math.min(budgetMs, loaded ? MAX_CALL_MS : MAX_FIRST_CALL_MS);
  const id = nextId++;
  const end = performance.now() + limit;
  current.calls++;
  Atomics.store(current.flag, 0, 0);
  current.port.postMessage({ id, request });
  for (;;) {
    const remaining = end - performance.now();
    if (remaining <= 0) break;
    Atomics.wait(current.flag, 0, 0, remaining);
    const received = threads.receiveMessageOnPort(current.port);
    if (received !== undefined) {
      const message = received.message as { id: number } & CasAnswer;
      if (message.id !== id) continue;
      const { id: _, ...answer } = message;
      return answer as CasAnswer;
    }
    if (Atomics.load(current.flag, 0) === 1) Atomics.store(current.flag, 0, 0);
  }
  // Out of memory or an endless computation: the worker is discarded; the next call starts anew.
  // A worker still loading compute-engine (a slow, busy machine) is kept for the next call.
  if (Atomics.load(current.flag, 1) === 1) stopGuard(current.worker);
  return {
    ok: false,
    reason: 'timeout',
    message: `compute-engine gave no answer within ${Math.round(limit)} ms`,
  };
}
