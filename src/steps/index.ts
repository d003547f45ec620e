import { Registry } from '../core/registry.js';
import { confidenceSegmenter } from './confidence.js';
import { lineSegmenter } from './line.js';
import { markerSegmenter } from './marker.js';
import { noneSegmenter } from './none.js';
import { paragraphSegmenter } from './paragraph.js';
import { regexSegmenter } from './regex.js';
import type { Segmenter } from './segmenter.js';
import { sentenceSegmenter } from './sentence.js';

/** Every built-in segmenter, keyed by the spec's `steps.split`. */
export const segmenters = new Registry<Segmenter<unknown>>('step segmenter', [
  noneSegmenter,
  paragraphSegmenter,
  lineSegmenter,
  markerSegmenter,
  regexSegmenter,
  sentenceSegmenter,
  confidenceSegmenter,
]);

export type { Segmenter } from './segmenter.js';
