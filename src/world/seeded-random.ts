import { createHash } from 'node:crypto';

/** A number in [0, 1) that depends only on its parts: the world's only source of randomness. */
export function unitHash(...parts: readonly (string | number)[]): number {
  const digest = createHash('sha256').update(parts.join('\u0001')).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** A seeded stream of numbers in [0, 1) (mulberry32 over a hashed seed). */
export function seededStream(...parts: readonly (string | number)[]): () => number {
  let state = Math.floor(unitHash(...parts) * 2 ** 32) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw from two uniforms (Box-Muller). */
export function normalFrom(first: number, second: number): number {
  return Math.sqrt(-2 * Math.log(Math.max(first, 1e-12))) * Math.cos(2 * Math.PI * second);
}
