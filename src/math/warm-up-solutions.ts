/**
 * Word-problem solutions composed for the verifier's start-up warm-up (warm-up.ts): working lines
 * and closing lines of the kinds model solutions to GSM8K-style problems hold, combined from a
 * seed. V8 compiles the verifier for the paths its warm-up takes; a path the warm-up never took
 * (a hedge word such as "would" in the working, a percent, a calculator note with a negative
 * decimal, a decimal gold, trailing spaces, a difference of amounts written `$30-$12`, a last
 * number after "and" or "as", a fraction glyph, a count in words after the last number) throws
 * the compiled code away at the first real response that takes it, and the recompilation lands in
 * the run. Fixed templates cover a few shapes each; combinations drawn from a seed cover the
 * mixtures real responses are.
 */
import { seededRandom } from '../core/seeded-random.js';

/** Lines of working, from two small numbers `a` and `b`. */
const WORKING: readonly ((a: number, b: number) => string)[] = [
  (a, b) => `If each box holds ${a} cups, then ${b} boxes would need ${a}*${b}=${a * b} cups.`,
  (a, b) => `There are ${b * 100} x ${a}/100 = ${a * b} students who signed up for dance.`,
  (a) => `20% of ${5 * a} oranges is (20/100)*${5 * a} = ${a} oranges`,
  (a, b) => `He makes ${a} x $${b} = $<<${a}*${b}=${a * b}>>${a * b} per hour.`,
  (a) => `Each child eats half of that, or ${2 * a}/2=<<${2 * a}/2=${a}.0>>${a}.0 lbs of salad.`,
  (a) => `She sold 1/3 * ${a} = <<1/3*${a}=${a / 3}>>${a / 3} boxes at the green house.`,
  (a, b) => `The rest, ${a + b} - ${b} = ${a} pens, are good.`,
  (a) => `Let x be the number of cards. Then 2 * x = ${2 * a}, so x = ${a}.`,
  (a) =>
    `Now we know that 2/3 * x = ${2 * a}, where x is the number she began with, which gives x = ${3 * a}`,
  (a) => `Therefore, the team won ${a + 5} – 5 = ${a} games.`,
  (a, b) => `That leaves ${a + b}-${b} = ${a} people who think horse #${(a % 9) + 1} will win.`,
  (a) => `20% of ${5 * a} people pick the red car, so that's .20*${5 * a} = ${a} people`,
  (a) => `The change is $1.50 - $${a}.25 = $<<1.5-${a}.25=${1.25 - a}>>${1.25 - a}`,
  (a) =>
    `Since each pair is two microphones, there are ${2 * a} / 2 = <<${2 * a}/2=${a}.0>>${a} pairs that won't fit.`,
  (a) => `On days one to three, Mack saw ${a}+0=${a} birds.`,
  (a) => `First find what percentage is left: 100% - ${(a % 90) + 5}% = ${95 - (a % 90)}%`,
  (a, b) => `It could take ${a} minutes or it might take ${b}, so we use the first: ${a} + 0 = ${a}.`,
  (a, b) => `Janet’s ${b} ducks lay ${a * b} eggs a week — she eats ${b}.`,
  (a, b) => `The cost of the house and repairs came out to ${a},000+${b},000=$${a + b},000`,
  (a) => `The price rises by ${a} * 1.5 = ${a * 1.5} dollars.`,
  (a, b) =>
    `Let's let x be the number of notes she bought.\nThen she had ${b}+x when she left.\nAnd if she used ${a + b} notes and had ${a} left, then ${b}+x=${a + b}+${a}\nSubtracting ${b} from each side, we see that x=${a + b}+${a}-${b}=${2 * a} notes.`,
  (a) =>
    `If on Monday she slept ${a + 2} hours, then she slept ${a + 2}-2 = ${a} hours on each of the next two days.`,
  (a) => `He spends ${2 * a}/2=${a} minutes in turtle mode`,
  (a) => `Her paycheck is $${a}00.00 and she saves 50% of it, so that’s ${a}00*.50 = $${a * 50}.00`,
  (a) => `The price will increase by 20/100*${a} = $<<20/100*${a}=${(20 / 100) * a}>>${(a / 5).toFixed(1)}.`,
  (a) => `He has 2 lessons at a rate of ${4 * a}*.25 = <<${4 * a}*.25=${a}.0>>${a} dollars per hour`,
  (a, b) => `There were ${a}*${b}=${a * b} donated boxes.`,
  (a) =>
    `The difference is $1.50 - $${a}.168028004667445 = $<<1.5-${a}.168028004667445=${1.5 - a - 0.168028004667445}>>${1.5 - a - 0.168028004667445}`,
  (a) => `If each cup costs $${12 * a}, then one cup is $${12 * a}/12 = $<<${12 * a}/12=${a}.0>>${a}.`,
  (a, b) =>
    `There were ${a} guests that checked in early + ${b} guests that checked out = <<${a}+${b}=${a + b}>>${a + b} guests.`,
  (a) => `Thus, there were ${a + 3} - 3 = <<${a + 3}-3=${a}>>${a} meatballs in the sandwiches that remained.`,
  (a) =>
    `Each piece is ${a} feet / 3 = <<${a}/3=${a / 3}>>${Math.floor(a / 3)}.${'3'.repeat(100 + (a % 200))}`,
  (a, b) => `Check-ins after dinner were ${a} + ${b} = <<${a}+${b}=${a + b}>>${a + b} guests.`,
  (a, b) =>
    `A year has twelve months, so half of it is 12/2 = 6 months,\nShe paid $${a}${b}0+$${b}${a}0 = $${Number(`${a}${b}0`) + Number(`${b}${a}0`)} in total,`,
  (a) => `About ${a}.5% of the candles explode, so 100% - ${a}.5% = ${99.5 - a}% are left.`,
  (a, b) => `After lunch she had $${a + b}-$${b} = $${a} left.`,
  (a, b) => `He needs twice as much as ${a}, so 2*${a}=${2 * a} and ${b} more.`,
  (a) => `Each jar holds ${a}½ cups, so two jars hold ${2 * a + 1} cups.`,
];

/** Closing lines, from the value the response gives as its answer. */
const CLOSING: readonly ((value: string) => string)[] = [
  (value) => `So the answer is ${value} dollars.`,
  (value) => `The answer is ${value}.`,
  (value) => `Therefore, the answer is $\\boxed{${value}}$.`,
  (value) => `#### ${value}`,
  (value) => `A: ${value}`,
  (value) => `\n**Answer:** ${value}`,
  (value) => `Therefore the total is \\(${value}\\).`,
  (value) => `So, in total, the result is ${value}.`,
  (value) => `Final answer: $${value}`,
  () => 'I am not sure how to finish this problem.',
  (value) => `So Tom reads ${value} pages in total.`,
  (value) => `The final answer is ${value}`,
  () => 'The answer is 0.00.',
  (value) => `A: ${value}.33333333333333200`,
  (value) => `The answer is ${value}%.`,
  (value) => `The answer is -${value}.`,
  (value) => `So the price will be $${value}+$8 = $<<${value}+8.`,
  () => `Each piece is 1/3 = <<1/3=0.3333333333333333>>0.${'3'.repeat(320)}`,
  (value) => `So the two numbers are 1 and ${value}.`,
  (value) => `That is as many as ${value}.`,
  (value) => `So the total is ${value}. She keeps three cups.`,
];

const TRAILING = ['', ' ', '  ', '\n', ' \n'];
/** Zeros after a composed gold or answer (`18`, `18.0`, `18.00`), a plain integer twice as often. */
const ZEROS = ['', '', '.0', '.00'];

function pick<Item>(items: readonly Item[], random: () => number): Item {
  return items[Math.floor(random() * items.length)] as Item;
}

/** The answer a response gives: `answer`, or one more (a wrong answer) two times in five. */
function givenAnswer(answer: number, random: () => number): number {
  return answer + (random() < 0.4 ? 1 : 0);
}

/**
 * "There were 6*2=12 boxes\n...\nSo, in total, the result is 6.", with the gold's zeros and
 * trailing spaces.
 */
function statedCountSolution(random: () => number): [gold: string, response: string] {
  const a = 2 + Math.floor(random() * 60);
  const zeros = pick(['', '.0', '.00'], random);
  const given = `${givenAnswer(a, random)}${zeros}`;
  const response = `There were ${a}*2=${2 * a} donated boxes\nSo they need ${2 * a}/2=${a} tables\nSo, in total, the result is ${given}.`;
  return [`${a}${zeros}`, `${response}${pick(TRAILING, random)}`];
}

/**
 * A (gold, response) pair composed from `seed`: two to four lines of working and a closing line;
 * the gold an integer or a decimal with zeros (`18`, `18.0`, `18.00`), the answer right, off by
 * one or written with other zeros.
 */
export function composedSolution(seed: number): [gold: string, response: string] {
  const random = seededRandom(seed);
  // One in four opens with a stated count ("There were 12*3=36 boxes") and has no full stop but
  // its last: the reading of an answer stated first (answer-first.ts) runs to the text's end.
  if (random() < 0.25) return statedCountSolution(random);
  const a = 2 + Math.floor(random() * 60);
  const b = 2 + Math.floor(random() * 40);
  const lines: string[] = [];
  const count = 2 + Math.floor(random() * 3);
  for (let line = 0; line < count; line++) lines.push(pick(WORKING, random)(a, b));
  const answer = a * b;
  const gold = `${answer}${pick(ZEROS, random)}`;
  const given = `${givenAnswer(answer, random)}${pick(ZEROS, random)}`;
  lines.push(pick(CLOSING, random)(given));
  return [gold, `${lines.join('\n')}${pick(TRAILING, random)}`];
}
