import { z } from 'zod';
import { canonicalJson } from '../core/canonical-json.js';
import { RewardKitError, UnknownNameError } from '../core/errors.js';
import { parseSpec, type Spec, SpecSchema } from '../core/spec.js';
import type { PipelineOptions } from '../engine/pipeline.js';
import { validateSpec } from '../engine/validate-spec.js';

const INLINE_MEMO_SIZE = 64;

/**
 * The specs a server knows: the named ones loaded at start (the first is the default, used by
 * `/get_reward`) and inline specs sent with requests. Every spec is validated before any sample
 * is scored (without building scorers); equal inline specs map to one Spec object, so that backends keep
 * one compiled pipeline for them.
 */
export class SpecCatalog {
  readonly #named = new Map<string, Spec>();
  readonly #inline = new Map<string, Spec>();

  constructor(
    specs: readonly Spec[],
    private readonly pipelineOptions: PipelineOptions = {},
  ) {
    if (specs.length === 0) {
      throw new RewardKitError('RK_USAGE', 'the server needs at least one spec', {
        hint: 'pass --spec FILE (several may be given; the first is the default)',
      });
    }
    for (const spec of specs) {
      if (this.#named.has(spec.name)) {
        throw new RewardKitError('RK_DUPLICATE_NAME', `two specs are named '${spec.name}'`, {
          hint: 'give each spec file its own name',
        });
      }
      this.#validate(spec);
      this.#named.set(spec.name, spec);
    }
  }

  get defaultSpec(): Spec {
    return this.#named.values().next().value as Spec;
  }

  names(): string[] {
    return [...this.#named.keys()];
  }

  list(): Spec[] {
    return [...this.#named.values()];
  }

  /** A named spec, or an inline spec object validated (and compiled once) here. */
  resolve(reference: string | Record<string, unknown> | undefined): Spec {
    if (reference === undefined) return this.defaultSpec;
    if (typeof reference === 'string') {
      const spec = this.#named.get(reference);
      if (spec === undefined) throw new UnknownNameError('spec', reference, this.names(), 'spec');
      return spec;
    }
    const key = canonicalJson(reference);
    const known = this.#inline.get(key);
    if (known !== undefined) return known;
    const spec = parseSpec(reference, 'inline spec');
    this.#validate(spec);
    if (this.#inline.size >= INLINE_MEMO_SIZE)
      this.#inline.delete(this.#inline.keys().next().value as string);
    this.#inline.set(key, spec);
    return spec;
  }

  /** Validation only: no scorer is built here (the backend builds each once, when it scores). */
  #validate(spec: Spec): void {
    validateSpec(spec, this.pipelineOptions);
  }
}

/** The spec contract as JSON Schema, published by `GET /v1/specs`. */
export function specJsonSchema(): unknown {
  return z.toJSONSchema(SpecSchema, { io: 'input', unrepresentable: 'any' });
}
