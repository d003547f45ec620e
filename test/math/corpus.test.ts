/**
 * The labelled math-equivalence corpus run through the real engine: each case is scored by a
 * one-reward spec `{name: correct, type: math}` and must get reward 1 when the response's final
 * answer equals the gold and 0 when it does not. Labels come from mathematics, not from any
 * implementation; see docs/math.md for the classes and conventions.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ComponentResult } from '../../src/core/result.js';
import { parseSpec } from '../../src/core/spec.js';
import { Pipeline } from '../../src/engine/pipeline.js';
import { type CorpusCase, loadCorpus } from './load-corpus.js';

const cases = loadCorpus();
const classes = [...new Set(cases.map((corpusCase) => corpusCase.class))].sort();

/** One compiled pipeline per distinct options object (most cases use the kind's defaults). */
const pipelines = new Map<string, Pipeline>();
function pipelineFor(options: Record<string, unknown> | undefined): Pipeline {
  const key = JSON.stringify(options ?? {});
  let pipeline = pipelines.get(key);
  if (pipeline === undefined) {
    const reward = { name: 'correct', type: 'math', ...(options === undefined ? {} : { options }) };
    pipeline = Pipeline.compile(parseSpec({ name: 't', rewards: [reward] }));
    pipelines.set(key, pipeline);
  }
  return pipeline;
}

afterAll(async () => {
  await Promise.all([...pipelines.values()].map((pipeline) => pipeline.close()));
});

function shorten(text: string, length = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
}

/** Explains a mismatch; says distinctly when the component could not decide (score null). */
function describeMismatch(
  corpusCase: CorpusCase,
  reward: number | null,
  component?: ComponentResult,
): string {
  const expected = corpusCase.equal ? 'equal (reward 1)' : 'not equal (reward 0)';
  const head = `${corpusCase.id} expected ${expected}, got reward ${reward}`;
  if (component === undefined) return `${head}; no 'correct' component in the result`;
  const undecided = component.score === null ? ' UNDECIDED (score null, counted as 0 by on_error: zero)' : '';
  const details = JSON.stringify({
    status: component.status,
    score: component.score,
    extracted: component.details['extracted'],
    gold: component.details['gold'],
    verdict: component.details['verdict'],
    reason: component.details['reason'],
    error: component.error,
  });
  const options =
    corpusCase.options === undefined ? '' : `\n  options: ${JSON.stringify(corpusCase.options)}`;
  return `${head}${undecided}${options}\n  gold: ${corpusCase.gold}\n  response: ${shorten(corpusCase.response, 200)}\n  note: ${corpusCase.note}\n  component: ${details}`;
}

describe('math corpus', () => {
  it('has at least 300 cases with unique ids', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(new Set(cases.map((corpusCase) => corpusCase.id)).size).toBe(cases.length);
  });

  it.each(classes)('class %s has both equal and not-equal cases', (className) => {
    const labels = new Set(cases.filter((corpusCase) => corpusCase.class === className).map((c) => c.equal));
    expect([...labels].sort()).toEqual([false, true]);
  });

  describe.each(classes)('%s', (className) => {
    const ofClass = cases.filter((corpusCase) => corpusCase.class === className);
    const rows = ofClass.map((corpusCase) => ({
      ...corpusCase,
      label: corpusCase.equal ? 'equal' : 'not equal',
      title: shorten(corpusCase.gold, 40),
    }));
    it.each(rows)('$id $label: gold $title', async (corpusCase) => {
      const result = await pipelineFor(corpusCase.options).scoreSample({
        id: corpusCase.id,
        response: corpusCase.response,
        reference: { answer: corpusCase.gold },
      });
      const component = result.components['correct'];
      const expected = corpusCase.equal ? 1 : 0;
      expect(result.reward, describeMismatch(corpusCase, result.reward, component)).toBe(expected);
    });
  });
});
