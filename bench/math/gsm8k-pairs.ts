/**
 * Model-style outputs synthesized from GSM8K gold solutions, labelled by construction: for every
 * problem one right output (rotating through fourteen answer styles, all after the worked solution with
 * its other numbers) and one wrong output (off by one, another number of the solution stated as
 * the answer, or no answer at all).
 */
import type { LabelledPair } from './labelled-pair.js';

export interface Gsm8kProblem {
  question: string;
  /** Worked solution with `<<a*b=c>>` calculator notes, ending in `#### N`. */
  answer: string;
}

type Style = { name: string; render: (work: string, answer: string) => string };

const rightStyles: readonly Style[] = [
  { name: 'boxed', render: (work, n) => `${work}\nTherefore, the answer is $\\boxed{${n}}$.` },
  { name: 'answer-is', render: (work, n) => `${work}\nThe answer is ${n}.` },
  { name: 'hashes', render: (work, n) => `${work}\n#### ${n}` },
  { name: 'dollar-sign', render: (work, n) => `${work}\nFinal answer: $${n}` },
  { name: 'unit-word', render: (work, n) => `${work}\nSo the answer is ${n} dollars.` },
  { name: 'thousands', render: (work, n) => `${work}\nThe answer is ${withThousands(n)}.` },
  {
    name: 'final-answer',
    render: (work, n) => `${work}\nFinal Answer: The final answer is $${n}$. I hope it is correct.`,
  },
  { name: 'bold', render: (work, n) => `${work}\n\n**Answer:** ${n}` },
  { name: 'display-boxed', render: (work, n) => `${work}\n\\[\n\\boxed{${n}}\n\\]` },
  { name: 'sentence', render: (work, n) => `${work}\nSo, in total, the result is ${n}.` },
  {
    name: 'trailing-zeros',
    render: (work, n) => `${work}\nThe answer is ${n.includes('.') ? n : `${n}.00`}.`,
  },
  { name: 'bold-number', render: (work, n) => `${work}\nSo the answer is **${n}**.` },
  { name: 'answer-then-chatter', render: (work, n) => `${work}\nAnswer: ${n}\nI hope this helps!` },
  { name: 'inline-latex', render: (work, n) => `${work}\nTherefore the total is \\(${n}\\).` },
];

/** How many right-answer styles the synthesis rotates through. */
export const RIGHT_STYLE_COUNT = rightStyles.length;

const NUMBER = /-?\d[\d,]*(?:\.\d+)?/g;

/** `1234567` -> `1,234,567`; decimals and small numbers unchanged apart from the integer part. */
export function withThousands(answer: string): string {
  const [integer = '', fraction] = answer.split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function numbersIn(text: string): number[] {
  return [...text.matchAll(NUMBER)].map((match) => Number(match[0].replace(/,/g, '')));
}

function plusOne(answer: string): string {
  const decimals = answer.split('.')[1]?.length ?? 0;
  return (Number(answer) + 1).toFixed(decimals);
}

/** Splits a GSM8K solution into the worked text (calculator notes removed) and the gold answer. */
export function splitSolution(solution: string): { work: string; gold: string } | undefined {
  const marker = solution.lastIndexOf('####');
  if (marker < 0) return undefined;
  const gold = solution
    .slice(marker + 4)
    .trim()
    .replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(gold)) return undefined;
  const work = solution
    .slice(0, marker)
    .replace(/<<[^>]*>>/g, '')
    .trim();
  return { work, gold };
}

/** Two labelled outputs per problem (one right, one wrong); problems without a numeric gold are skipped. */
export function synthesizeGsm8kPairs(problems: readonly Gsm8kProblem[]): LabelledPair[] {
  const pairs: LabelledPair[] = [];
  problems.forEach((problem, index) => {
    const split = splitSolution(problem.answer);
    if (split === undefined) return;
    const { work, gold } = split;
    const goldValue = Number(gold);
    const right = rightStyles[index % rightStyles.length]!;
    pairs.push({
      id: `gsm8k-${index}-right`,
      gold,
      response: right.render(work, gold),
      equal: true,
      group: `right:${right.name}`,
    });

    const wrongStyle = rightStyles[(index * 3 + 1) % rightStyles.length]!;
    const kind = index % 3;
    if (kind === 0) {
      pairs.push({
        id: `gsm8k-${index}-wrong`,
        gold,
        response: wrongStyle.render(work, plusOne(gold)),
        equal: false,
        group: 'wrong:off-by-one',
      });
      return;
    }
    if (kind === 1) {
      const others = numbersIn(work).filter((value) => Number.isFinite(value) && value !== goldValue);
      if (others.length > 0) {
        const other = String(others[index % others.length]);
        pairs.push({
          id: `gsm8k-${index}-wrong`,
          gold,
          response: wrongStyle.render(work, other),
          equal: false,
          group: 'wrong:other-number',
        });
        return;
      }
    }
    const firstLine = work.split('\n')[0] ?? '';
    const partial = numbersIn(firstLine).includes(goldValue) ? '' : `${firstLine}\n`;
    pairs.push({
      id: `gsm8k-${index}-wrong`,
      gold,
      response: `${partial}I am not sure how to finish this problem.`,
      equal: false,
      group: 'wrong:no-answer',
    });
  });
  return pairs;
}
