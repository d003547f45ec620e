import { RewardKitError, UnknownNameError } from './errors.js';

/**
 * A typed map of named implementations built from an explicit list. Duplicate names are
 * refused when the registry is built; an unknown name throws and lists the valid ones.
 */
export class Registry<Entry extends { readonly name: string }> {
  readonly #entries = new Map<string, Entry>();

  constructor(
    readonly what: string,
    entries: readonly Entry[],
  ) {
    for (const entry of entries) this.#add(entry);
  }

  #add(entry: Entry): void {
    if (this.#entries.has(entry.name)) {
      throw new RewardKitError('RK_DUPLICATE_NAME', `${this.what} '${entry.name}' is registered twice`);
    }
    this.#entries.set(entry.name, entry);
  }

  /** A new registry with the extra entries (library users add their own kinds this way). */
  extend(entries: readonly Entry[]): Registry<Entry> {
    return new Registry(this.what, [...this.#entries.values(), ...entries]);
  }

  get(name: string, where?: string): Entry {
    const entry = this.#entries.get(name);
    if (entry === undefined) throw new UnknownNameError(this.what, name, this.names(), where);
    return entry;
  }

  has(name: string): boolean {
    return this.#entries.has(name);
  }

  names(): string[] {
    return [...this.#entries.keys()];
  }

  values(): Entry[] {
    return [...this.#entries.values()];
  }
}
