import { readFileSync, rmSync } from 'node:fs';
import type { RewardResult } from '../core/result.js';
import type { Spec } from '../core/spec.js';
import { applyBatchStageToInputs } from '../engine/batch-stage.js';
import { readJsonlFile } from '../io/jsonl-reader.js';
import { JsonlWriter } from '../io/jsonl-writer.js';

/**
 * The batch stage for `rewardkit score` (specs with `advantages`, `process.length_shaping` or
 * `process.hybrid`): groups and batch statistics need every result, so the per-sample results
 * streamed to `partialFile` are read back with their inputs, the stage runs once over the whole
 * file, and the final lines go to `outFile` (stdout when undefined). Memory grows with the file
 * here, unlike plain scoring; split very large files into batches.
 */
export async function applyBatchStageToFiles(
  spec: Spec,
  inputFile: string,
  partialFile: string,
  outFile: string | undefined,
): Promise<void> {
  const inputs: unknown[] = [];
  for await (const batch of readJsonlFile(inputFile)) {
    for (const record of batch) inputs.push('value' in record ? record.value : undefined);
  }
  const text = readFileSync(partialFile, 'utf8');
  const results =
    text === ''
      ? []
      : text
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line) as RewardResult);
  const staged = applyBatchStageToInputs(spec, inputs, results);
  const writer = JsonlWriter.open(outFile);
  const chunk = 1000;
  for (let start = 0; start < staged.length; start += chunk) {
    await writer.writeLines(staged.slice(start, start + chunk).map((result) => JSON.stringify(result)));
  }
  await writer.close();
  rmSync(partialFile, { force: true });
}
