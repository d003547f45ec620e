import { z } from 'zod';

/**
 * Differences between server versions, named instead of guessed. Defaults follow current
 * releases (vLLM >= 0.11.2, SGLang >= 0.4); older servers are reached by setting the option.
 */
export const ServerQuirksSchema = z
  .object({
    /**
     * The request field that switches the pooler's activation (softmax/sigmoid) on or off:
     * `use_activation` (vLLM >= 0.11.2), `activation` (vLLM 0.10-0.11.1), `softmax` (older
     * /pooling). Sent only when the kind's `activation` option is set.
     */
    activation_field: z.enum(['use_activation', 'activation', 'softmax']).default('use_activation'),
    /** Where `/classify` lives: `root` (vLLM: `/classify`) or `v1` (SGLang: `/v1/classify`). */
    classify_route: z.enum(['root', 'v1']).default('root'),
    /**
     * The `task` sent to `/pooling` for per-token scores: `token_classify` (vLLM >= 0.11), or
     * `none` to send no task (older servers that infer it from the model).
     */
    pooling_task: z.enum(['token_classify', 'reward', 'encode', 'none']).default('token_classify'),
  })
  .strict()
  .default({ activation_field: 'use_activation', classify_route: 'root', pooling_task: 'token_classify' });

export type ServerQuirks = z.output<typeof ServerQuirksSchema>;

/** The activation switch as the server's version spells it (nothing when the kind leaves it default). */
export function activationField(
  quirks: ServerQuirks,
  activation: boolean | undefined,
): Record<string, boolean> {
  return activation === undefined ? {} : { [quirks.activation_field]: activation };
}
