import type { JsonlRecord } from '../io/jsonl-reader.js';

/** One input line as the drivers read their files: how a worker runs one unit through the same driver code. */
export async function* oneRecord(value: unknown, line: number): AsyncIterable<JsonlRecord[]> {
  yield [{ line, value }];
}
