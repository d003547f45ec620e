import { describe, expect, it } from 'vitest';
import { SpecSchema } from '../core/spec.js';
import { Pipeline } from '../engine/pipeline.js';
import { sandboxAvailability } from '../sandbox/availability.js';

/** Small HumanEval-like problems (our own, not the dataset): prompt, canonical body, check(). */
const problems = [
  {
    entry_point: 'running_max',
    prompt: 'def running_max(xs):\n    """The running maximum of a list."""\n',
    body: '    out, best = [], None\n    for x in xs:\n        best = x if best is None else max(best, x)\n        out.append(best)\n    return out\n',
    test: 'def check(candidate):\n    assert candidate([]) == []\n    assert candidate([1, 3, 2, 5]) == [1, 3, 3, 5]\n',
  },
  {
    entry_point: 'is_palindrome',
    prompt: 'def is_palindrome(text: str) -> bool:\n',
    body: '    return text == text[::-1]\n',
    test: "METADATA = {}\n\n\ndef check(candidate):\n    assert candidate('abba')\n    assert not candidate('ab')\n",
  },
  {
    entry_point: 'digit_sum',
    prompt: 'import math\n\ndef digit_sum(n):\n',
    body: '    return sum(int(d) for d in str(abs(n)))\n',
    test: 'def check(candidate):\n    assert candidate(0) == 0\n    assert candidate(-123) == 6\n',
  },
];

const fence = (code: string) => `Here is my solution:\n\`\`\`python\n${code}\n\`\`\`\n`;

function specWith(options: Record<string, unknown> = {}) {
  return SpecSchema.parse({ name: 'code-test', rewards: [{ name: 'tests', type: 'code', options }] });
}

describe.skipIf(!sandboxAvailability().available)('type: code', () => {
  it('gives canonical solutions 1 and broken variants 0 (HumanEval style)', async () => {
    const pipeline = Pipeline.compile(specWith());
    const samples = problems.flatMap((problem) => [
      {
        id: `${problem.entry_point}/canonical`,
        response: fence(problem.prompt + problem.body),
        reference: { language: 'python', tests: problem.test, entry_point: problem.entry_point },
      },
      {
        id: `${problem.entry_point}/return-none`,
        response: fence(`${problem.prompt}    return None\n`),
        reference: { language: 'python', tests: problem.test, entry_point: problem.entry_point },
      },
    ]);
    const results = await pipeline.scoreBatch(samples);
    await pipeline.close();
    expect(results.map((result) => [result.id, result.reward])).toEqual(
      samples.map((sample) => [sample.id, sample.id.endsWith('canonical') ? 1 : 0]),
    );
    const component = results[0]?.components['tests'];
    expect(component?.status).toBe('correct');
    expect(component?.details).toMatchObject({ language: 'python', passed: 1, total: 1 });
  });

  it('scores the fraction of asserts passed, or all-or-nothing when asked', async () => {
    const sample = {
      id: 'partial',
      response: 'def sq(x):\n    return x * x if x < 3 else 0\n',
      reference: {
        language: 'python',
        tests: 'assert sq(1) == 1\nassert sq(2) == 4\nassert sq(3) == 9\nassert sq(4) == 16',
      },
    };
    const fraction = Pipeline.compile(specWith());
    const [partial] = await fraction.scoreBatch([sample]);
    expect(partial?.reward).toBe(0.5);
    expect(partial?.components['tests']?.status).toBe('partial');
    const strict = Pipeline.compile(specWith({ scoring: 'all_or_nothing' }));
    const [none] = await strict.scoreBatch([sample]);
    expect(none?.reward).toBe(0);
  });

  it('runs stdin/stdout cases and JavaScript', async () => {
    const pipeline = Pipeline.compile(specWith());
    const results = await pipeline.scoreBatch([
      {
        id: 'io',
        response: fence('print(sum(map(int, input().split())))'),
        reference: {
          language: 'python',
          io: [
            { stdin: '1 2', stdout: '3' },
            { stdin: '5 5', stdout: '10\n' },
          ],
        },
      },
      {
        id: 'js',
        response: '```js\nconst double = (x) => 2 * x;\n```',
        reference: { language: 'javascript', tests: 'assert.strictEqual(double(4), 8);' },
      },
    ]);
    expect(results.map((result) => result.reward)).toEqual([1, 1]);
  });

  it('does not turn a bad reference or an empty response into a silent zero', async () => {
    const pipeline = Pipeline.compile(specWith());
    const [badReference, empty] = await pipeline.scoreBatch([
      { id: 'bad', response: 'x = 1', reference: { language: 'cobol', tests: 'assert True' } },
      { id: 'empty', response: '```python\n\n```', reference: { language: 'python', tests: 'assert True' } },
    ]);
    expect(badReference?.components['tests']).toMatchObject({ score: null, status: 'error' });
    expect(badReference?.components['tests']?.error?.code).toBe('RK_INPUT_INVALID');
    expect(empty?.components['tests']).toMatchObject({ score: null, status: 'unparseable' });
  });

  it('rejects unknown options when the spec is compiled', () => {
    expect(() => Pipeline.compile(specWith({ scoring: 'most' }))).toThrow(/scoring/);
  });
});
