import type { z } from 'zod';
import type { Sample } from '../core/sample.js';

/**
 * A segmenter splits a response into steps. One file per segmenter, registered by `name`
 * (the spec's `steps.split`). Its options come from the rest of the spec's `steps` object.
 */
export interface Segmenter<Options = unknown> {
  readonly name: string;
  readonly description: string;
  readonly optionsSchema: z.ZodType<Options>;
  /** Builds the split function once per spec; it must be total (never throws). */
  create(options: Options): (sample: Sample) => string[];
}

export function defineSegmenter<Options>(segmenter: Segmenter<Options>): Segmenter<unknown> {
  return segmenter as unknown as Segmenter<unknown>;
}

/** Trims pieces and drops empty ones. */
export function cleanSteps(pieces: readonly string[]): string[] {
  return pieces.map((piece) => piece.trim()).filter((piece) => piece.length > 0);
}
