import { afterEach, describe, expect, it } from 'vitest';
import { CEILINGS_VARIABLE, clampToCeilings, operatorCeilings, setOperatorCeilings } from './ceilings.js';

describe('operator ceilings', () => {
  afterEach(() => {
    delete process.env[CEILINGS_VARIABLE];
  });

  it('has safe defaults and clamps only what exceeds them, saying so', () => {
    const ceilings = operatorCeilings();
    expect(ceilings).toEqual({
      timeout_s: 30,
      memory_mb: 1024,
      processes: 128,
      tmp_size_mb: 256,
      output_bytes: 8_388_608,
    });
    const { applied, clamped } = clampToCeilings(
      { timeout_s: 3600, memory_mb: 512, processes: 4096, tmp_size_mb: 64, output_bytes: 1024 },
      ceilings,
    );
    expect(applied).toEqual({
      timeout_s: 30,
      memory_mb: 512,
      processes: 128,
      tmp_size_mb: 64,
      output_bytes: 1024,
    });
    expect(clamped).toEqual({
      timeout_s: { requested: 3600, applied: 30, ceiling: 30 },
      processes: { requested: 4096, applied: 128, ceiling: 128 },
    });
  });

  it('travels to worker threads in the environment, and refuses a malformed one', () => {
    setOperatorCeilings({ memory_mb: 4096 });
    expect(JSON.parse(process.env[CEILINGS_VARIABLE]!)).toMatchObject({ memory_mb: 4096, timeout_s: 30 });
    expect(operatorCeilings().memory_mb).toBe(4096);
    process.env[CEILINGS_VARIABLE] = '{"memory_mb": "lots"}';
    expect(() => operatorCeilings()).toThrow(/memory_mb/);
  });
});
