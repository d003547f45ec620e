import { CompactIdSet } from '../io/compact-id-set.js';
import { readJsonlTextFile } from '../io/jsonl-reader.js';
import type { UnitScore } from './evaluator.js';

/** One usable line of a scores file: its id and its score (or the reason the score is bad). */
export interface ScoreLine {
  id: string;
  score: UnitScore;
}

/** One line of a scores file may carry several ids (a RewardBench pair, a list of answers). */
export type ParseScoreLine = (text: string, line: number) => { entries: ScoreLine[] } | { error: string };

/** How many recently used scores stay at hand for an id the data asks for again. */
const RECENTLY_USED = 1024;

/**
 * Precomputed scores looked up by id while the benchmark file streams, without reading the
 * scores file into memory. A first pass keeps only a compact set of the ids present (8 bytes an
 * id, see CompactIdSet) and reports bad and duplicate lines; then the file is read again, in
 * step with the lookups: a wanted id is read up to, and the lines passed on the way wait in a
 * buffer until they are asked for. Scores written in the data's order (as `rewardkit score`
 * writes them) therefore stream with a near-empty buffer; scores in another order are held only
 * until their line comes; an id the file lacks is known from the first pass without reading on.
 */
export class StreamedScores {
  readonly #file: string;
  readonly #parse: ParseScoreLine;
  readonly #present: CompactIdSet;
  readonly #waiting = new Map<string, UnitScore>();
  readonly #taken = new CompactIdSet();
  readonly #recent = new Map<string, UnitScore>();
  #lines: AsyncIterator<ScoreLine> | undefined;

  private constructor(file: string, parse: ParseScoreLine, present: CompactIdSet) {
    this.#file = file;
    this.#parse = parse;
    this.#present = present;
  }

  /** The first pass: which ids the file holds; bad lines and repeated ids are reported. */
  static async open(
    file: string,
    parse: ParseScoreLine,
    warn: (message: string) => void,
  ): Promise<StreamedScores> {
    const present = new CompactIdSet();
    for await (const batch of readJsonlTextFile(file)) {
      for (const record of batch) {
        if ('error' in record) {
          warn(`scores ${record.error.message}`);
          continue;
        }
        const parsed = parse(record.text, record.line);
        if ('error' in parsed) {
          warn(parsed.error);
          continue;
        }
        for (const entry of parsed.entries) {
          if (!present.add(entry.id))
            warn(`scores line ${record.line}: id '${entry.id}' occurs twice; the first is used`);
        }
      }
    }
    return new StreamedScores(file, parse, present);
  }

  /** Scores waiting in the buffer (read ahead of the data), for tests and benchmarks. */
  get buffered(): number {
    return this.#waiting.size;
  }

  /** Whether the file holds a line for `id`. */
  has(id: string): boolean {
    return this.#present.has(id);
  }

  /** The score of `id`, or why there is none. */
  async get(id: string): Promise<UnitScore> {
    if (!this.#present.has(id)) return { error: `no score for id '${id}' in ${this.#file}` };
    const waiting = this.#waiting.get(id);
    if (waiting !== undefined) return this.#use(id, waiting);
    const recent = this.#recent.get(id);
    if (recent !== undefined) return recent;
    if (this.#taken.has(id)) {
      return { error: `the score for id '${id}' was used by an earlier line (the id repeats in the data)` };
    }
    this.#lines ??= this.#read();
    for (;;) {
      const next = await this.#lines.next();
      if (next.done === true) return { error: `no score for id '${id}' in ${this.#file}` };
      if (next.value.id === id) return this.#use(id, next.value.score);
      this.#waiting.set(next.value.id, next.value.score);
    }
  }

  #use(id: string, score: UnitScore): UnitScore {
    this.#waiting.delete(id);
    this.#recent.set(id, score);
    if (this.#recent.size > RECENTLY_USED) {
      const oldest = this.#recent.keys().next().value;
      if (oldest !== undefined) this.#recent.delete(oldest);
    }
    return score;
  }

  /** The second pass: usable lines in file order, the first of each id only. */
  async *#read(): AsyncGenerator<ScoreLine> {
    for await (const batch of readJsonlTextFile(this.#file)) {
      for (const record of batch) {
        if ('error' in record) continue;
        const parsed = this.#parse(record.text, record.line);
        if ('error' in parsed) continue;
        for (const entry of parsed.entries) if (this.#taken.add(entry.id)) yield entry;
      }
    }
  }
}
