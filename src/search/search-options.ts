import { z } from 'zod';
import { AggregateModeSchema } from '../process/index.js';
import { FinalSelectionSchema } from './select-final.js';

/**
 * How step scores become one number per candidate: `last`, `min`, `product` (`prod`, as
 * search-and-learn spells it, is accepted) or `mean`. search-and-learn's default is `last`.
 */
export const SearchAggregateSchema = z
  .preprocess(
    (value) => (value === 'prod' ? 'product' : value),
    AggregateModeSchema.exclude(['first_error', 'sum', 'max']),
  )
  .default('last');

/** Step-level search caps its depth: search-and-learn's `num_iterations` is 40. */
export const MaxStepsSchema = z.number().int().min(1).max(1000).default(40);

/**
 * The final pick of beam search and DVTS. search-and-learn scores every run's N completions with
 * `pred_weighted` (sum of last-step PRM scores per answer, answers grouped by equivalence), and
 * its published curves for beam search and DVTS use that weighted vote; the argmax (`best`, its
 * `pred_naive`) is kept as an option.
 */
export const TreeSelectionSchema = FinalSelectionSchema.default('weighted_vote');
