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
