import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { type ModelEndpoint, ModelEndpointSchema } from '../core/model-endpoint.js';
import {
  DEFAULT_POLICY_TEMPLATE,
  type EndpointPolicy,
  endpointPolicyOf,
  type PolicySettings,
} from '../search/index.js';
import { integerOption } from './integer-option.js';

/** The flags that name a policy endpoint and how to sample it (`search`, `search serve`, `label`). */
export interface PolicyFlags {
  policy: string;
  policyModel?: string | undefined;
  policyKeyEnv?: string | undefined;
  api: string;
  template?: string | undefined;
  temperature: string;
  maxTokens: number;
}

/** Adds the policy flags to a command. */
export function withPolicyFlags(command: Command, policyRequired = true): Command {
  const describe = "the policy: a base URL (http://127.0.0.1:8000/v1) or a name in the spec's models:";
  (policyRequired
    ? command.requiredOption('--policy <endpoint>', describe)
    : command.option('--policy <endpoint>', describe)
  )
    .option('--policy-model <name>', 'the model name sent to a --policy URL', 'policy')
    .option('--policy-key-env <var>', 'environment variable holding the policy API key')
    .option('--api <api>', 'completions (prefix-cache friendly) or chat', 'completions')
    .option('--template <file>', 'completions prompt template with {problem}')
    .option('--temperature <t>', 'sampling temperature', '0.8')
    .option(
      '--max-tokens <n>',
      'max generated tokens per request',
      integerOption('--max-tokens', 1, 1_000_000),
      1024,
    );
  return command;
}

/** `--policy` is an endpoint of a spec's models: section, or a base URL. */
function policyEndpoint(
  flags: PolicyFlags,
  models: Readonly<Record<string, ModelEndpoint>>,
  concurrency: number,
): ModelEndpoint {
  const named = models[flags.policy];
  if (named !== undefined) return named;
  const parsed = ModelEndpointSchema.safeParse({
    base_url: flags.policy,
    model: flags.policyModel ?? 'policy',
    ...(flags.policyKeyEnv === undefined ? {} : { api_key_env: flags.policyKeyEnv }),
    max_concurrency: Math.max(16, concurrency),
  });
  if (!parsed.success) {
    throw new UsageError(
      `--policy must name an endpoint of the spec's models: section (${Object.keys(models).join(', ') || 'none'}) or be a base URL like http://127.0.0.1:8000/v1, got '${flags.policy}'`,
    );
  }
  return parsed.data;
}

/** The policy the flags describe, as data (what a search or label job carries to a worker). */
export function policySettingsFromFlags(
  flags: PolicyFlags,
  models: Readonly<Record<string, ModelEndpoint>>,
  concurrency: number,
): PolicySettings {
  if (flags.api !== 'completions' && flags.api !== 'chat') {
    throw new UsageError(`--api must be completions or chat, got '${flags.api}'`);
  }
  const temperature = Number(flags.temperature);
  if (!Number.isFinite(temperature) || temperature < 0) {
    throw new UsageError(`--temperature must be a number >= 0, got '${flags.temperature}'`);
  }
  return {
    endpoint: policyEndpoint(flags, models, concurrency),
    api: flags.api,
    template: flags.template === undefined ? DEFAULT_POLICY_TEMPLATE : readFileSync(flags.template, 'utf8'),
    temperature,
    maxTokens: flags.maxTokens,
    topP: 1,
  };
}

/** Builds the policy the flags describe. */
export function policyFromFlags(
  flags: PolicyFlags,
  models: Readonly<Record<string, ModelEndpoint>>,
  concurrency: number,
): EndpointPolicy {
  return endpointPolicyOf(policySettingsFromFlags(flags, models, concurrency));
}
