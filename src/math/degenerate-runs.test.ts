import { describe, expect, it } from 'vitest';
import { withoutDegenerateRuns } from './degenerate-runs.js';
import { verifyAnswer } from './verify.js';

const long = (text: string): string => `${'Some work. '.repeat(100)}${text}`;

describe('withoutDegenerateRuns', () => {
  it('leaves a text of at most 1,000 characters as it is', () => {
    const text = `The answer is 5.${' '.repeat(900)}`;
    expect(withoutDegenerateRuns(text)).toBe(text);
  });

  it('shortens a whitespace run to a paragraph break when it holds a newline, else to one space', () => {
    expect(withoutDegenerateRuns(long(`A${'\n'.repeat(5000)}B`))).toBe(long('A\n\nB'));
    expect(withoutDegenerateRuns(long(`A${' \t'.repeat(5000)}B`))).toBe(long('A B'));
    // 64 spaces are kept (an indented block is not a loop).
    expect(withoutDegenerateRuns(long(`A${' '.repeat(64)}B`))).toBe(long(`A${' '.repeat(64)}B`));
  });

  it('keeps 64 of a run of one symbol, and 32 of a repeated unit of symbols', () => {
    expect(withoutDegenerateRuns(long(`5${'.'.repeat(5000)}`))).toBe(long(`5${'.'.repeat(64)}`));
    expect(withoutDegenerateRuns(long(`5${'_'.repeat(5000)}`))).toBe(long(`5${'_'.repeat(64)}`));
    expect(withoutDegenerateRuns(long(`5${'. '.repeat(5000)}x`))).toBe(long(`5${'. '.repeat(32)}x`));
  });

  it('keeps the parity of a run, so that dollars and stars pair up after it as before', () => {
    expect(withoutDegenerateRuns(long(`${'$'.repeat(101)}5$`))).toBe(long(`${'$'.repeat(65)}5$`));
    expect(withoutDegenerateRuns(long(`${'$'.repeat(100)}5$`))).toBe(long(`${'$'.repeat(64)}5$`));
    expect(withoutDegenerateRuns(long(`5${'* '.repeat(101)}`))).toBe(long(`5${'* '.repeat(33)}`));
  });

  it('never touches letters or digits, however long their runs', () => {
    const digits = long(`${'0'.repeat(5000)}1 ${'ab'.repeat(3000)}`);
    expect(withoutDegenerateRuns(digits)).toBe(digits);
  });

  it('reads the answer before a loop of spaces, dots or newlines as before it', () => {
    expect(verifyAnswer('5', `The answer is 5.${' '.repeat(30_000)}`).verdict).toBe('equal');
    expect(verifyAnswer('5', `The answer is 5.${'\n'.repeat(30_000)}`).verdict).toBe('equal');
    expect(verifyAnswer('6', `The answer is 5.${'.'.repeat(30_000)}`).verdict).toBe('not_equal');
  });
});
