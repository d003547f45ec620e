import { createHash } from 'node:crypto';
import { seededRandom } from '../core/seeded-random.js';

/** A number in [0, 1) that depends only on its parts: the world's only source of randomness. */
export function unitHash(...parts: readonly (string | number)[]): number {
  const digest = createHash('sha256').update(parts.join('\u0001')).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** A seeded stream of numbers in [0, 1): core's `seededRandom` (mulberry32) over the hashed parts. */
export function seededStream(...parts: readonly (string | number)[]): () => number {
  return seededRandom(Math.floor(unitHash(...parts) * 2 ** 32));
}

/** A standard normal draw from two uniforms (Box-Muller). */
export function normalFrom(first: number, second: number): number {
  return Math.sqrt(-2 * Math.log(Math.max(first, 1e-12))) * Math.cos(2 * Math.PI * second);
}
