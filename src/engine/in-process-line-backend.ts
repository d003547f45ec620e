import {
  type BlockReply,
  type BlockScoreRequest,
  type LineChunkReply,
  type LineScoreRequest,
  type LineScoringBackend,
  scoreBlockWith,
  scoreLineChunk,
} from './line-chunk.js';
import { InProcessBackend } from './scoring-backend.js';

/** The in-process backend plus the raw-line paths used by `rewardkit score --threads 0`. */
export class InProcessLineBackend extends InProcessBackend implements LineScoringBackend {
  scoreLines(request: LineScoreRequest): Promise<LineChunkReply> {
    return scoreLineChunk(this.pipelineFor(request.spec), request.texts, request.lines, request.signal);
  }

  scoreBlock(request: BlockScoreRequest): Promise<BlockReply> {
    return scoreBlockWith(this.pipelineFor(request.spec), request.block, request.signal);
  }
}
