import { scoreBlockWith } from './line-chunk.js';
import type { Pipeline } from './pipeline.js';

/**
 * Lines scored by the warm-up. More lines move more of V8's compiling out of the run, but the
 * warm-up lines cost their own scoring too: on GSM8K `math` (docs/engine.md) 2,048 lines cut the
 * first pass by about 11 µs a line for about 0.15 s more start-up, 8,192 by about 18 µs for 0.45 s.
 */
const WARM_UP_LINES = 2_048;
/** Lines per block, as a run reads them (a block of the input file). */
const BLOCK_LINES = 64;

/**
 * Start-up warm-up of `rewardkit score`'s per-line path (once per pipeline): the pipeline's
 * synthetic inputs (Pipeline.warmUpInputs) are written as JSONL lines and scored through the same
 * path a run's blocks take (decode, parse, validate, score, assemble, tally, serialize), and the
 * results are dropped. A fresh process otherwise runs that path unoptimized for the run's first
 * thousands of lines while V8 compiles it (on another core: CPU the run pays for), and a function
 * compiled on the first lines is compiled again when a later line takes another branch. Nothing
 * is written, stored or counted; a pipeline whose kinds offer no inputs is left as it is.
 */
export async function warmUpLinePath(pipeline: Pipeline, lines = WARM_UP_LINES): Promise<void> {
  const inputs = pipeline.warmUpInputs();
  if (inputs.length === 0) return;
  // ASCII lines first: a block of them is decoded by another branch than a block holding one
  // character beyond ASCII (forEachBlockLine), and a run meets both.
  const ascii: string[] = [];
  const beyondAscii: string[] = [];
  const count = Math.ceil(Math.min(lines, inputs.length * 4) / BLOCK_LINES) * BLOCK_LINES;
  for (let index = 0; index < count; index++) {
    const input = inputs[index % inputs.length] as Record<string, unknown>;
    // The id first, as input lines have it: the parsed objects get the same hidden class.
    const text = JSON.stringify({ id: `warm-up-${index}`, ...input });
    (Buffer.byteLength(text) === text.length ? ascii : beyondAscii).push(text);
  }
  const ordered = [...ascii, ...beyondAscii];
  const blocks: Uint8Array[] = [];
  for (let first = 0; first < ordered.length; first += BLOCK_LINES) {
    blocks.push(Buffer.from(ordered.slice(first, first + BLOCK_LINES).join('\n')));
  }
  for (let scored = 0; scored < lines; ) {
    for (const bytes of blocks) {
      await scoreBlockWith(pipeline, { firstLine: 1, count: BLOCK_LINES, bytes });
      scored += BLOCK_LINES;
      if (scored >= lines) return;
    }
  }
}
