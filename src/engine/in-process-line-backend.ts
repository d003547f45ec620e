import type { Spec } from '../core/spec.js';
import {
  type BlockReply,
  type BlockScoreRequest,
  type LineChunkReply,
  type LineScoreRequest,
  type LineScoringBackend,
  scoreBlockWith,
  scoreLineChunk,
} from './line-chunk.js';
import { warmUpLinePath } from './line-warm-up.js';
import type { Pipeline, PipelineOptions } from './pipeline.js';
import { InProcessBackend } from './scoring-backend.js';

/** The in-process backend plus the raw-line paths used by `rewardkit score --threads 0`. */
export class InProcessLineBackend extends InProcessBackend implements LineScoringBackend {
  readonly #warmUp: boolean;
  readonly #warmed = new WeakSet<Pipeline>();

  /**
   * `warmUpLines`: `prepare` also warms the per-line path up with the spec's synthetic inputs
   * (line-warm-up.ts), once per pipeline: for `rewardkit score`, whose run is that path.
   */
  constructor(options: PipelineOptions = {}, { warmUpLines = false }: { warmUpLines?: boolean } = {}) {
    super(options);
    this.#warmUp = warmUpLines;
  }

  scoreLines(request: LineScoreRequest): Promise<LineChunkReply> {
    return scoreLineChunk(this.pipelineFor(request.spec), request.texts, request.lines, request.signal);
  }

  scoreBlock(request: BlockScoreRequest): Promise<BlockReply> {
    return scoreBlockWith(this.pipelineFor(request.spec), request.block, request.signal);
  }

  override async prepare(spec: Spec): Promise<void> {
    await super.prepare(spec);
    const pipeline = this.pipelineFor(spec);
    if (!this.#warmUp || this.#warmed.has(pipeline)) return;
    this.#warmed.add(pipeline);
    await warmUpLinePath(pipeline);
  }
}
