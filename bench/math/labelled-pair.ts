/** One benchmark item: a gold answer, a model-style response and whether they agree. */
export interface LabelledPair {
  id: string;
  gold: string;
  response: string;
  /** True when the response's final answer equals the gold. */
  equal: boolean;
  /** What the item exercises (a corpus class or an output style), for per-group agreement. */
  group: string;
  /** Options of the math kind for this pair; the kind's defaults when absent. */
  options?: Record<string, unknown>;
}
