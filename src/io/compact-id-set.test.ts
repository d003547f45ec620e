import { describe, expect, it } from 'vitest';
import { CompactIdSet } from './compact-id-set.js';

describe('CompactIdSet', () => {
  it('tells new ids from repeated ones across growth', () => {
    const ids = new CompactIdSet();
    for (let index = 0; index < 50_000; index++) expect(ids.add(`sample-${index}`)).toBe(true);
    expect(ids.size).toBe(50_000);
    expect(ids.add('sample-0')).toBe(false);
    expect(ids.add('sample-49999')).toBe(false);
    expect(ids.add('sample-50000')).toBe(true);
    expect(ids.add('')).toBe(true);
    expect(ids.add('')).toBe(false);
    expect(ids.has('sample-123')).toBe(true);
    expect(ids.has('sample-50001')).toBe(false);
    expect(ids.has('')).toBe(true);
  });

  it('keeps its ids when room is reserved after some were added', () => {
    const ids = new CompactIdSet();
    for (let index = 0; index < 1000; index++) ids.add(`a-${index}`);
    ids.reserve(100_000);
    expect(ids.size).toBe(1000);
    expect(ids.add('a-999')).toBe(false);
    expect(ids.add('a-1000')).toBe(true);
    ids.reserve(10);
    expect(ids.has('a-0')).toBe(true);
  });
});
