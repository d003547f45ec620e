import { z } from 'zod';

/**
 * One line of PRMBench's data (`mr_eval/tasks/prmtest_classified_subset400/data/target_data.jsonl` in
 * github.com/ssmisya/PRMBench): a MATH problem, its correct `original_process`, a
 * `modified_process` with injected errors at the 1-based `error_steps`, and the error
 * `classification`.
 */
export const PrmBenchRecordSchema = z.object({
  idx: z.union([z.string().min(1), z.number().int()]).transform(String),
  classification: z.string().min(1),
  /** Only the redundency class's original process is evaluated (as the `correct` sample). */
  original_question: z.string().default(''),
  modified_question: z.string(),
  original_process: z.array(z.string()).default([]),
  modified_process: z.array(z.string()).min(1),
  error_steps: z.array(z.number().int().min(1)),
});
export type PrmBenchRecord = z.infer<typeof PrmBenchRecordSchema>;

/** The classification PRMBench gives the untouched solutions it adds to the test set. */
export const CORRECT_CLASSIFICATION = 'correct';
/** The class whose records contribute their `original_process` as a "correct" process. */
const CORRECT_SOURCE_CLASSIFICATION = 'redundency';

/** A process PRMBench scores: steps and which of them (0-based) are wrong. */
export interface PrmBenchProcess {
  /** `<classification>_<idx>`, or `correct_<idx>` for an untouched solution, as PRMBench names them. */
  id: string;
  classification: string;
  question: string;
  steps: string[];
  /** 0-based indices of the erroneous steps. */
  errorSteps: number[];
  /** 1-based error steps that lie beyond the process (PRMBench's scorer never reaches them). */
  errorStepsOutside: number[];
}

/**
 * The processes PRMBench evaluates for one record, as its loader builds them
 * (`mr_eval/tasks/prmtest_classified/task.py`, `load_data_function`): the modified process of
 * every record, and for records of the `redundency` class also the original process as a
 * `correct` sample with no error steps. Error steps beyond the process are kept aside in
 * `errorStepsOutside` (PRMBench's scorer loops over the steps and never sees them; the public
 * data has such lines) so that the caller can warn.
 */
export function prmBenchProcesses(record: PrmBenchRecord): PrmBenchProcess[] {
  const length = record.modified_process.length;
  const outside = record.error_steps.filter((step) => step > length);
  const processes: PrmBenchProcess[] = [];
  if (record.classification === CORRECT_SOURCE_CLASSIFICATION && record.original_process.length > 0) {
    processes.push({
      id: `${CORRECT_CLASSIFICATION}_${record.idx}`,
      classification: CORRECT_CLASSIFICATION,
      question: record.original_question,
      steps: record.original_process,
      errorSteps: [],
      errorStepsOutside: [],
    });
  }
  processes.push({
    id: `${record.classification}_${record.idx}`,
    classification: record.classification,
    question: record.modified_question,
    steps: record.modified_process,
    errorSteps: [
      ...new Set(record.error_steps.filter((step) => step <= length).map((step) => step - 1)),
    ].sort((a, b) => a - b),
    errorStepsOutside: outside,
  });
  return processes;
}
