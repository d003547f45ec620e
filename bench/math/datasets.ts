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
import { GSM8K, locateDataset } from '../dataset-path.js';
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
