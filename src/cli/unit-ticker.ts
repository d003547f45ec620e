/** A one-line progress report on stderr, refreshed twice a second (only when stderr is a terminal). */
export interface UnitTicker {
  done(failed: boolean): void;
  stop(): void;
}

export function unitTicker(what: string, stream: NodeJS.WriteStream = process.stderr): UnitTicker {
  let finished = 0;
  let errors = 0;
  const started = performance.now();
  const timer =
    stream.isTTY === true
      ? setInterval(() => {
          const rate = finished / ((performance.now() - started) / 1000);
          stream.write(`\r\x1b[K${what}: ${finished} done, ${errors} errors, ${rate.toFixed(2)}/s`);
        }, 500)
      : undefined;
  return {
    done(failed) {
      finished += 1;
      if (failed) errors += 1;
    },
    stop() {
      if (timer === undefined) return;
      clearInterval(timer);
      stream.write('\r\x1b[K');
    },
  };
}
