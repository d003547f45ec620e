import { RewardKitError } from '../core/errors.js';
import type { ModelEndpoint } from '../core/model-endpoint.js';
import { describeNetworkError, ModelClient } from './model-client.js';

/**
 * Checks that every endpoint answers before the first sample is scored ("fail at start, not
 * mid-run"): one `GET {base_url}/models` each, in parallel. Throws one error naming every
 * endpoint that is down or refuses the key; resolves when all answer.
 */
export async function probeEndpoints(
  models: Readonly<Record<string, ModelEndpoint>>,
  timeoutMs = 10_000,
): Promise<void> {
  const problems = await Promise.all(
    Object.entries(models).map(async ([name, endpoint]) => {
      const client = new ModelClient({ name, endpoint });
      try {
        const { status } = await client.get('models', AbortSignal.timeout(timeoutMs));
        if (status === 401 || status === 403)
          return `${name} (${endpoint.base_url}) refused the API key (HTTP ${status})`;
        if (status >= 500) return `${name} (${endpoint.base_url}) answered HTTP ${status}`;
        return undefined;
      } catch (error) {
        return `${name} (${endpoint.base_url}) is unreachable: ${describeNetworkError(error)}`;
      }
    }),
  );
  const down = problems.filter((problem): problem is string => problem !== undefined);
  if (down.length > 0) {
    throw new RewardKitError('RK_UNAVAILABLE', `model endpoint check failed: ${down.join('; ')}`, {
      hint: 'start the model server (or `rewardkit world serve` for a dry run) and check base_url',
    });
  }
}
