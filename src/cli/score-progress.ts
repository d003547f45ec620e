import cliProgress from 'cli-progress';

/** What the score loop reports as it goes. */
export interface ScoreProgress {
  update(bytesRead: number, samplesDone: number): void;
  stop(): void;
}

/**
 * A progress bar on stderr (only when stderr is a terminal): fraction of the input's bytes read,
 * samples per second, and an ETA from the byte rate. Otherwise a no-op, so pipes and logs stay clean.
 */
export function createScoreProgress(
  totalBytes: number,
  stream: NodeJS.WriteStream = process.stderr,
): ScoreProgress {
  if (!stream.isTTY || totalBytes <= 0) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'scoring [{bar}] {percentage}% | {samples} samples | {rate}/s | ETA {eta_formatted}',
      fps: 5,
      etaBuffer: 50,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(totalBytes, 0, { samples: 0, rate: 0 });
  return {
    update(bytesRead, samplesDone) {
      const seconds = (performance.now() - started) / 1000;
      bar.update(Math.min(bytesRead, totalBytes), {
        samples: samplesDone,
        rate: seconds > 0 ? Math.round(samplesDone / seconds) : 0,
      });
    },
    stop() {
      bar.stop();
    },
  };
}
