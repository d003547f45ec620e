import cliProgress from 'cli-progress';

/** What the score loop reports as it goes. */
export interface ScoreProgress {
  update(bytesRead: number, samplesDone: number): void;
  stop(): void;
}

/**
 * A progress bar on stderr (only when stderr is a terminal): fraction of the input's bytes read,
 * samples (or `words.items`) per second, and an ETA from the byte rate (`rewardkit score`, `eval`,
 * `label`). Otherwise a no-op, so pipes and logs stay clean.
 */
export function createScoreProgress(
  totalBytes: number,
  stream: NodeJS.WriteStream = process.stderr,
  words: { task: string; items: string } = { task: 'scoring', items: 'samples' },
): ScoreProgress {
  if (!stream.isTTY || totalBytes <= 0) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${words.task} [{bar}] {percentage}% | {samples} ${words.items} | {rate}/s | ETA {remaining}`,
      fps: 5,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(totalBytes, 0, { samples: 0, rate: 0, remaining: '-' });
  return {
    update(bytesRead, samplesDone) {
      const seconds = (performance.now() - started) / 1000;
      const read = Math.min(bytesRead, totalBytes);
      // ETA from the average byte rate since the start: steadier than a short window of updates.
      const remaining = read > 0 && seconds > 0 ? ((totalBytes - read) * seconds) / read : undefined;
      bar.update(read, {
        samples: samplesDone,
        rate: seconds > 0 ? Math.round(samplesDone / seconds) : 0,
        remaining: remaining === undefined ? '-' : formatSeconds(remaining),
      });
    },
    stop() {
      bar.stop();
    },
  };
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  if (seconds < 3600)
    return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}
