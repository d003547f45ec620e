/**
 * What a `rewardkit worker` does with one kind of job: takes the job's data (validated by the
 * handler) and returns its result. A RewardKitError other than RK_INTERNAL is deterministic (the
 * job is failed for good, with that error); anything else is retried.
 */
export type JobHandler = (data: unknown) => Promise<unknown>;
