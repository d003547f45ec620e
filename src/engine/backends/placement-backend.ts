import type { Spec } from '../../core/spec.js';
import type { EngineResources } from '../engine-resources.js';
import type { InProcessLineBackend } from '../in-process-line-backend.js';
import type {
  BlockReply,
  BlockScoreRequest,
  LineChunkReply,
  LineScoreRequest,
  LineScoringBackend,
} from '../line-chunk.js';
import type { ScoreRequest } from '../scoring-backend.js';

/**
 * Places each spec: a spec with `io` components (or components to look up in the component cache)
 * is scored by a pipeline on this thread's event loop, whose CPU components go to the worker pool
 * when there is one; any other spec goes whole to the CPU backend (in-process, worker threads or
 * adaptive), where a chunk of lines is parsed, scored and serialized in one place.
 */
export class PlacementBackend implements LineScoringBackend {
  readonly #onMainThread = new WeakMap<Spec, boolean>();

  constructor(
    private readonly main: InProcessLineBackend,
    private readonly cpu: LineScoringBackend,
    private readonly needsMainThread: (spec: Spec) => boolean,
    private readonly resources: EngineResources,
  ) {}

  #for(spec: Spec): LineScoringBackend {
    let main = this.#onMainThread.get(spec);
    if (main === undefined) {
      main = this.needsMainThread(spec);
      this.#onMainThread.set(spec, main);
    }
    return main ? this.main : this.cpu;
  }

  score(request: ScoreRequest) {
    return this.#for(request.spec).score(request);
  }

  scoreLines(request: LineScoreRequest): Promise<LineChunkReply> {
    return this.#for(request.spec).scoreLines(request);
  }

  scoreBlock(request: BlockScoreRequest): Promise<BlockReply> {
    return this.#for(request.spec).scoreBlock(request);
  }

  /**
   * Builds the scorers this thread will use for the spec (an async `create` runs here, once), so
   * that a kind that cannot start fails before the first sample.
   */
  async prepare(spec: Spec): Promise<void> {
    const backend = this.#for(spec);
    if (backend === this.main || 'prepare' in backend) await (backend as InProcessLineBackend).prepare(spec);
  }

  describe(): string {
    const cpu = this.cpu as { describe?: () => string };
    return cpu.describe?.() ?? '';
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.main.close(), this.cpu.close()]);
    await this.resources.close();
  }
}
