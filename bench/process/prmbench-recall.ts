/**
 * How far exact checking can reach on PRMBench's error steps, and what the candidate rules that
 * would reach further cost:
 *
 *   npx tsx bench/process/prmbench-recall.ts FILE.jsonl [FILE.jsonl ...]
 *
 * (and section "Recall" of docs/eval-prmbench-step-check.md, written by prmbench-report.ts).
 *
 * The ceiling: of the error steps, how many hold an equation at all, how many an equation whose
 * sides are both constants (the only kind `step_check` can decide), and how many it flags. What the
 * injected error changed: each error step is paired with the step of PRMBench's `original_process`
 * (data the checker never sees) that shares most of its tokens; when they share at least half, the
 * pair is compared token by token (numbers, operators and LaTeX symbols, words), otherwise the step
 * is new or rewritten beyond recognition.
 *
 * The candidates (prmbench-recall-rules.ts): for each, the steps it would flag that `step_check`
 * does not flag already, on error steps and on steps labelled correct.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { PrmBenchRecordSchema, prmBenchProcesses } from '../../src/eval/prmbench-format.js';
import { checkEquations } from '../../src/rewards/equation-check.js';
import { CANDIDATE_RULES, droppedByRoundingIntervals } from './prmbench-recall-rules.js';
import { percent } from './prmbench-steps.js';

/** What an injected error changed, from the error step and its original counterpart. */
export const CHANGE_KINDS = [
  'numbers changed',
  'operators or symbols changed, numbers kept',
  'words only changed',
  'text unchanged',
  'new or rewritten step',
] as const;
type ChangeKind = (typeof CHANGE_KINDS)[number];

interface Counts {
  /** Error steps by change kind: all, with a decided equation, flagged by step_check. */
  steps: number;
  decided: number;
  flagged: number;
}

export interface RecallResult {
  errorSteps: number;
  withEquation: number;
  withDecided: number;
  /** Decided equations (both sides constant) on error steps, and those called wrong. */
  decidedEquationsOnError: number;
  wrongEquationsOnError: number;
  flaggedError: number;
  flaggedCorrect: number;
  byChange: Map<ChangeKind, Counts>;
  /** Per candidate rule: new flagged steps (not flagged by step_check) on error / correct steps. */
  candidates: { name: string; onError: number; onCorrect: number; examplesOnCorrect: string[] }[];
  rounding: { droppedOnError: number; droppedOnCorrect: number; examples: string[] };
  /** Steps holding a word PRMBench's generator leaves in injected steps (not a rule: a measure of the labels). */
  generatorWords: { onError: number; onCorrect: number };
}

/** Words PRMBench's generator writes into the steps it corrupts (`Mistakenly calculate ...`). */
const GENERATOR_WORDS =
  /\b(?:incorrect(?:ly)?|mistaken(?:ly)?|erroneous(?:ly)?|falsely|wrongly|misinterpret\w*|confus(?:e|es|ing)|assume|assuming)\b/i;

const TOKEN = /\d+(?:\.\d+)?|\\[A-Za-z]+|[A-Za-z]+|[+\-*/^=<>]|\S/g;
const OPERATORS = new Set(['+', '-', '*', '/', '^', '=', '<', '>', '\\cdot', '\\times', '\\div', '\\frac']);

function tokenKind(token: string): 'number' | 'operator' | 'word' | 'other' {
  if (/^\d/.test(token)) return 'number';
  if (OPERATORS.has(token) || token.startsWith('\\') || /^[A-Za-z]$/.test(token)) return 'operator';
  if (/^[A-Za-z]+$/.test(token)) return 'word';
  return 'other';
}

const withoutStepNumber = (step: string) => step.replace(/^\s*Step\s*\d+\s*[.:]\s*/i, '').trim();

function bag(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** Tokens in one bag and not the other (both ways). */
function changedTokens(a: Map<string, number>, b: Map<string, number>): string[] {
  const changed: string[] = [];
  for (const token of new Set([...a.keys(), ...b.keys()]))
    if ((a.get(token) ?? 0) !== (b.get(token) ?? 0)) changed.push(token);
  return changed;
}

/** Dice overlap of two token bags. */
function overlap(a: Map<string, number>, b: Map<string, number>, sizeA: number, sizeB: number): number {
  let shared = 0;
  for (const [token, count] of a) shared += Math.min(count, b.get(token) ?? 0);
  return sizeA + sizeB === 0 ? 0 : (2 * shared) / (sizeA + sizeB);
}

function changeKind(step: string, original: readonly string[]): ChangeKind {
  const tokens = withoutStepNumber(step).match(TOKEN) ?? [];
  const mine = bag(tokens);
  let best: { bag: Map<string, number>; score: number } | undefined;
  for (const candidate of original) {
    const theirs = withoutStepNumber(candidate).match(TOKEN) ?? [];
    const theirBag = bag(theirs);
    const score = overlap(mine, theirBag, tokens.length, theirs.length);
    if (best === undefined || score > best.score) best = { bag: theirBag, score };
  }
  if (best === undefined || best.score < 0.5) return 'new or rewritten step';
  const kinds = new Set(changedTokens(mine, best.bag).map(tokenKind));
  if (kinds.has('number')) return 'numbers changed';
  if (kinds.has('operator')) return 'operators or symbols changed, numbers kept';
  if (kinds.has('word')) return 'words only changed';
  return 'text unchanged';
}

export function measureRecall(file: string): RecallResult {
  const result: RecallResult = {
    errorSteps: 0,
    withEquation: 0,
    withDecided: 0,
    decidedEquationsOnError: 0,
    wrongEquationsOnError: 0,
    flaggedError: 0,
    flaggedCorrect: 0,
    byChange: new Map(CHANGE_KINDS.map((kind) => [kind, { steps: 0, decided: 0, flagged: 0 }])),
    candidates: CANDIDATE_RULES.map((rule) => ({
      name: rule.name,
      onError: 0,
      onCorrect: 0,
      examplesOnCorrect: [],
    })),
    rounding: { droppedOnError: 0, droppedOnCorrect: 0, examples: [] },
    generatorWords: { onError: 0, onCorrect: 0 },
  };
  const seen = new Set<string>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, lineIndex) => {
      if (line.trim() === '') return;
      const parsed = PrmBenchRecordSchema.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`${file} line ${lineIndex + 1}: ${parsed.error.issues[0]?.message}`);
      for (const process of prmBenchProcesses(parsed.data)) {
        if (seen.has(process.id)) continue;
        seen.add(process.id);
        process.steps.forEach((step, index) => {
          const verdicts = checkEquations(step, true);
          const flagged = verdicts.some((verdict) => verdict.verdict === 'wrong');
          const decided = verdicts.some(
            (verdict) => verdict.verdict === 'correct' || verdict.verdict === 'wrong',
          );
          const isError = process.errorSteps.includes(index);
          if (GENERATOR_WORDS.test(step)) {
            if (isError) result.generatorWords.onError++;
            else result.generatorWords.onCorrect++;
          }
          if (isError) {
            result.errorSteps++;
            if (verdicts.length > 0) result.withEquation++;
            if (decided) result.withDecided++;
            for (const verdict of verdicts) {
              if (verdict.verdict === 'correct' || verdict.verdict === 'wrong')
                result.decidedEquationsOnError++;
              if (verdict.verdict === 'wrong') result.wrongEquationsOnError++;
            }
            if (flagged) result.flaggedError++;
            const counts = result.byChange.get(changeKind(step, parsed.data.original_process)) as Counts;
            counts.steps++;
            if (decided) counts.decided++;
            if (flagged) counts.flagged++;
          } else if (flagged) result.flaggedCorrect++;
          const context = { question: process.question, steps: process.steps, index, verdicts };
          CANDIDATE_RULES.forEach((rule, ruleIndex) => {
            if (flagged) return;
            const found = rule.flag(context);
            if (found === undefined) return;
            const tally = result.candidates[ruleIndex] as RecallResult['candidates'][number];
            if (isError) tally.onError++;
            else {
              tally.onCorrect++;
              if (tally.examplesOnCorrect.length < 3)
                tally.examplesOnCorrect.push(`${process.id} step ${index + 1}: ${found}`);
            }
          });
          if (flagged) {
            const dropped = droppedByRoundingIntervals(step);
            if (isError) result.rounding.droppedOnError += dropped.length;
            else result.rounding.droppedOnCorrect += dropped.length;
            for (const text of dropped)
              result.rounding.examples.push(
                `${isError ? 'error' : 'correct'}: ${process.id} step ${index + 1}: ${text}`,
              );
          }
        });
      }
    });
  return result;
}

/** Flags on error steps needed for `flaggedCorrect` to be at most 5% of all flags. */
export const neededForFivePercent = (flaggedCorrect: number) => 19 * flaggedCorrect;

/** The markdown of the measurements, one block per labelled file. */
export function recallSection(results: { label: string; result: RecallResult }[]): string[] {
  const lines: string[] = [
    '| data | error steps | holding an equation | holding a decided equation (both sides constant) | flagged by step_check | steps flagged on correct-labelled steps | error-step flags needed for 5% |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const { label, result: r } of results)
    lines.push(
      `| ${label} | ${r.errorSteps} | ${r.withEquation} (${percent(r.withEquation, r.errorSteps)}) | ${r.withDecided} (${percent(
        r.withDecided,
        r.errorSteps,
      )}) | ${r.flaggedError} (${percent(r.flaggedError, r.errorSteps)}) | ${r.flaggedCorrect} | ${neededForFivePercent(r.flaggedCorrect)} |`,
    );
  lines.push(
    '',
    "What the injected error changed (each error step against the most similar step of PRMBench's",
    '`original_process`, data the checker never sees; error steps, those holding a decided equation, those flagged):',
    '',
    `| data | ${CHANGE_KINDS.join(' | ')} |`,
    `|---|${CHANGE_KINDS.map(() => '---').join('|')}|`,
  );
  for (const { label, result: r } of results)
    lines.push(
      `| ${label} | ${CHANGE_KINDS.map((kind) => {
        const c = r.byChange.get(kind) as Counts;
        return `${c.steps} (${percent(c.steps, r.errorSteps)}); ${c.decided}; ${c.flagged}`;
      }).join(' | ')} |`,
    );
  lines.push(
    '',
    'Candidate rules (prmbench-recall-rules.ts): steps each would flag that step_check does not flag already.',
    '',
    `| rule | ${results.map(({ label }) => `${label}: on error steps / on correct-labelled / share on error`).join(' | ')} |`,
    `|---|${results.map(() => '---').join('|')}|`,
  );
  CANDIDATE_RULES.forEach((rule, index) => {
    lines.push(
      `| ${rule.name} | ${results
        .map(({ result }) => {
          const c = result.candidates[index] as RecallResult['candidates'][number];
          return `${c.onError} / ${c.onCorrect} / ${percent(c.onError, c.onError + c.onCorrect)}`;
        })
        .join(' | ')} |`,
    );
  });
  lines.push(
    `| rounding intervals (removes flags: a decimal input stands for what rounds to it) | ${results
      .map(
        ({ result }) => `${result.rounding.droppedOnError} / ${result.rounding.droppedOnCorrect} removed / -`,
      )
      .join(' | ')} |`,
  );
  return lines;
}

function main(): void {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: prmbench-recall.ts FILE.jsonl [FILE.jsonl ...]');
    process.exit(2);
  }
  const results = files.map((file) => ({ label: file, result: measureRecall(file) }));
  for (const line of recallSection(results)) console.log(line);
  for (const { label, result } of results) {
    console.log(`\n${label}: flags the candidates raise on correct-labelled steps (first 3 each)`);
    result.candidates.forEach((c) => {
      for (const example of c.examplesOnCorrect) console.log(`  [${c.name.slice(0, 40)}] ${example}`);
    });
    for (const example of result.rounding.examples) console.log(`  [rounding] ${example}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
