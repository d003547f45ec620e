import { z } from 'zod';
import { AggregateModeSchema } from '../process/index.js';
import { FinalSelectionSchema } from './select-final.js';

/** How step scores become one number per candidate: search-and-learn's default is `last`. */
export const SearchAggregateSchema = AggregateModeSchema.exclude(['first_error', 'sum', 'max']).default(
  'last',
);

/** Step-level search caps its depth: search-and-learn's `num_iterations` is 40. */
export const MaxStepsSchema = z.number().int().min(1).max(1000).default(40);

export const SelectionOptionSchema = FinalSelectionSchema.default('best');
