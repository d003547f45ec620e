import type { z } from 'zod';
import type { SampleSchema } from '../core/sample.js';

/** A sample as a client sends it (the input side of the sample contract). */
export type SampleInput = z.input<typeof SampleSchema>;
