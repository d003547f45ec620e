import { describe, expect, it } from 'vitest';
import { scoreEntriesOfLine, unitScoreFromFields } from './score-fields.js';
import { parseScoreLine } from './unit-scorer.js';

describe('prediction lines in the benchmarks own formats', () => {
  it("reads PRMBench's mr_eval result line: scores, labels, redundancy labels", () => {
    const parsed = parseScoreLine(
      JSON.stringify({
        idx: 'circular_7',
        scores: {
          step_level_validity_scores: [0.9, 0.2],
          step_level_validity_labels: [true, false],
          step_level_redundancy_labels: [0, 1],
        },
      }),
      3,
    );
    expect(parsed).toEqual({
      entries: [
        {
          id: 'circular_7',
          score: {
            score: 0.2,
            stepScores: [0.9, 0.2],
            stepLabels: [true, false],
            redundancyLabels: [false, true],
          },
        },
      ],
    });
  });

  it("keeps ProcessBench's null prediction apart from a missing one", () => {
    expect(unitScoreFromFields({ prediction: null }, 'x')).toEqual({ score: null, prediction: null });
    expect(unitScoreFromFields({ step_scores: [0.5] }, 'x')).toEqual({ score: 0.5, stepScores: [0.5] });
    expect(unitScoreFromFields({ prediction: 1.5 }, 'scores line 2')).toEqual({
      error: "scores line 2: field 'prediction' is 1.5, not an integer step index (-1 for none) or null",
    });
  });

  it('names bad labels, NaN and invalid outputs', () => {
    expect(unitScoreFromFields({ step_labels: [true, 'yes'] }, 'w')).toEqual({
      error: `w: field 'step_labels[1]' is "yes", not a boolean (or 0/1)`,
    });
    expect(parseScoreLine('{"id": "a", "scores": {"step_level_validity_scores": [1, NaN]}}', 4)).toEqual({
      entries: [
        {
          id: 'a',
          score: {
            error: "scores line 4: field 'scores.step_level_validity_scores[1]' is NaN, not a finite number",
          },
        },
      ],
    });
    expect(unitScoreFromFields({ validity: false, scores: {} }, 'w')).toEqual({
      error: "w: field 'validity' is false (the model's output was invalid); PRMBench leaves it out",
    });
  });

  it('expands RewardBench pair and answer-list lines into one score per answer', () => {
    expect(scoreEntriesOfLine('5', { scores_chosen: [1.5], scores_rejected: 0.5 }, 'w')).toEqual([
      { id: '5:chosen', score: { score: 1.5 } },
      { id: '5:rejected', score: { score: 0.5 } },
    ]);
    expect(scoreEntriesOfLine('ref:2', { scores: [3, [1], 'NaN'] }, 'w')).toEqual([
      { id: 'ref:2:0', score: { score: 3 } },
      { id: 'ref:2:1', score: { score: 1 } },
      { id: 'ref:2:2', score: { error: "w: field 'scores[2]' is NaN, not a finite number" } },
    ]);
  });
});
