/**
 * The labelled corpora of the math benchmark: model-style GSM8K solutions synthesized from the
 * GSM8K test split (located with `bench/dataset-path.ts`), and each file of the LaTeX-heavy
 * corpus of `test/math/corpus/` (plus `corpus-pending/`, cases the verifier does not reach yet).
 */
import { readFileSync } from 'node:fs';
import {
  type CorpusCase,
  corpusDirectory,
  loadCorpusFiles,
  pendingDirectory,
} from '../../test/math/load-corpus.js';
import { GSM8K, GSM8K_SOLUTIONS, locateDataset } from '../dataset-path.js';
import { type Gsm8kProblem, synthesizeGsm8kPairs } from './gsm8k-pairs.js';
import type { LabelledPair } from './labelled-pair.js';

/** One corpus as the tables show it; `kind` groups corpora for the speed figures. */
export interface BenchCorpus {
  name: string;
  kind: 'gsm8k' | 'latex' | 'pending';
  pairs: LabelledPair[];
}

function fromCase(corpusCase: CorpusCase): LabelledPair {
  return {
    id: corpusCase.id,
    gold: corpusCase.gold,
    response: corpusCase.response,
    equal: corpusCase.equal,
    group: corpusCase.class,
    ...(corpusCase.options === undefined ? {} : { options: corpusCase.options }),
  };
}

/** GSM8K model-style pairs, or a message saying where the dataset was looked for. */
export function loadGsm8kCorpus(): BenchCorpus | string {
  const location = locateDataset(GSM8K.variable, GSM8K.path);
  if (location.file === undefined) return `skipping gsm8k: not found (tried ${location.tried.join(', ')})`;
  const problems = readFileSync(location.file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Gsm8kProblem);
  return { name: 'gsm8k-model-style', kind: 'gsm8k', pairs: synthesizeGsm8kPairs(problems) };
}

/** One line of openai/grade-school-math `example_model_solutions.jsonl`. */
interface Gsm8kSolutionsLine {
  ground_truth: string;
  [model: string]: string | { is_correct: boolean; solution: string };
}

/**
 * Real model solutions to GSM8K: openai/grade-school-math `data/example_model_solutions.jsonl`
 * (GPT-3 6B and 175B, fine-tuned and verifier-selected: 4 x 1,319 = 5,276 solutions, each with the
 * dataset's `is_correct` label). The gold is the number on the ground truth's last line `A: N`.
 */
export function loadGsm8kSolutions(): BenchCorpus | string {
  const location = locateDataset(GSM8K_SOLUTIONS.variable, GSM8K_SOLUTIONS.path);
  if (location.file === undefined)
    return `skipping gsm8k-model-solutions: not found (tried ${location.tried.join(', ')})`;
  const pairs: LabelledPair[] = [];
  const lines = readFileSync(location.file, 'utf8').split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const problem = JSON.parse(line) as Gsm8kSolutionsLine;
    const gold = /A:\s*(\S+)\s*$/.exec(problem.ground_truth)?.[1];
    if (gold === undefined)
      throw new Error(`${location.file}:${index + 1}: ground_truth has no final "A: N" line`);
    for (const [model, sample] of Object.entries(problem)) {
      if (typeof sample !== 'object') continue;
      pairs.push({
        id: `gsm8k-solutions-${index}-${model}`,
        gold: gold.replace(/,/g, ''),
        response: sample.solution,
        equal: sample.is_correct,
        group: 'gsm8k-model-solutions',
      });
    }
  }
  return { name: 'gsm8k-model-solutions', kind: 'gsm8k', pairs };
}

/** Every file of the LaTeX corpus, and of the pending corpus, as its own corpus. */
export function loadLatexCorpora(): BenchCorpus[] {
  const committed = loadCorpusFiles(corpusDirectory).map(({ file, cases }) => ({
    name: file.replace(/\.jsonl$/, ''),
    kind: 'latex' as const,
    pairs: cases.map(fromCase),
  }));
  const pending = loadCorpusFiles(pendingDirectory).map(({ file, cases }) => ({
    name: `pending/${file.replace(/\.jsonl$/, '')}`,
    kind: 'pending' as const,
    pairs: cases.map(fromCase),
  }));
  return [...committed, ...pending];
}
