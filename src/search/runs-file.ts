import { existsSync, readFileSync, truncateSync } from 'node:fs';
import { type SearchRunLine, unitKey } from './run-problems.js';

/**
 * Reads a runs file for `--resume`: the finished units' keys and lines. A last line cut short by
 * a killed run (no trailing newline) is cut off the file so appending starts on a clean line.
 */
export function readRunsForResume(file: string): { done: Set<string>; lines: SearchRunLine[] } {
  const done = new Set<string>();
  const lines: SearchRunLine[] = [];
  if (!existsSync(file)) return { done, lines };
  const text = readFileSync(file, 'utf8');
  const complete = text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  if (complete.length !== text.length) truncateSync(file, Buffer.byteLength(complete));
  for (const raw of complete.split('\n')) {
    if (raw.trim() === '') continue;
    try {
      const line = JSON.parse(raw) as SearchRunLine;
      lines.push(line);
      // Error lines are retried on resume; finished units are not.
      if (line.status === 'ok' && line.problem_id !== null && line.budget !== null && line.seed !== null) {
        done.add(unitKey(line.problem_id, line.budget, line.seed));
      }
    } catch {
      // A corrupt line is left in place and its unit searched again.
    }
  }
  return { done, lines };
}

/** Reads every line of one or more runs files (for reports). */
export function readRunLines(files: readonly string[]): SearchRunLine[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((raw) => raw.trim() !== '')
      .map((raw) => JSON.parse(raw) as SearchRunLine),
  );
}
