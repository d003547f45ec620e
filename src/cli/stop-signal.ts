import { RewardKitError } from '../core/errors.js';

/**
 * Resolves with the name of the first SIGTERM or SIGINT. Call it before a server starts listening,
 * so that a stop request that arrives during start-up is not lost; a second signal while stopping
 * gets the default action (the process ends at once).
 */
export function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}

/** A run that Ctrl-C or SIGTERM interrupts: its signal, and `dispose` to stop listening. */
export interface RunInterrupt {
  signal: AbortSignal;
  dispose(): void;
}

/**
 * For a run that stops cleanly on the first SIGINT or SIGTERM (`score`, `label`, `eval`): writes
 * `notice(signal)` to stderr and aborts `signal` with RK_UNAVAILABLE "the run was interrupted
 * (SIGINT)"; a second signal gets the default action (the process ends at once). Call `dispose`
 * when the run is over.
 */
export function interruptOnSignal(notice: (signal: NodeJS.Signals) => string): RunInterrupt {
  const controller = new AbortController();
  const interrupt = (signal: NodeJS.Signals): void => {
    process.stderr.write(notice(signal));
    controller.abort(new RewardKitError('RK_UNAVAILABLE', `the run was interrupted (${signal})`));
  };
  process.once('SIGINT', interrupt).once('SIGTERM', interrupt);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', interrupt).off('SIGTERM', interrupt);
    },
  };
}
