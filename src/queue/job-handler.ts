/**
 * What a `rewardkit worker` does with one kind of job: takes the job's data (validated by the
 * handler) and returns its result. A RewardKitError other than RK_INTERNAL is deterministic (the
 * job is failed for good, with that error); anything else is retried. `signal` fires when the job
 * is cancelled (job-cancellation.ts): the handler stops its work (no new model call or scoring).
 */
export type JobHandler = (data: unknown, signal?: AbortSignal) => Promise<unknown>;
