import { Gauge, type Registry } from 'prom-client';
import { modelUsage } from './endpoint-option.js';
import type { EndpointUsage } from './usage-meter.js';

const SERIES: readonly { field: keyof EndpointUsage; name: string; help: string }[] = [
  { field: 'requests', name: 'rewardkit_model_requests_total', help: 'Requests sent to a model endpoint' },
  {
    field: 'cache_hits',
    name: 'rewardkit_model_cache_hits_total',
    help: 'Model requests answered from the response cache',
  },
  {
    field: 'retries',
    name: 'rewardkit_model_retries_total',
    help: 'Model requests retried (429, 5xx, network, timeout)',
  },
  { field: 'failures', name: 'rewardkit_model_failures_total', help: 'Model request attempts that failed' },
  {
    field: 'prompt_tokens',
    name: 'rewardkit_model_prompt_tokens_total',
    help: 'Prompt tokens reported by model endpoints',
  },
  {
    field: 'completion_tokens',
    name: 'rewardkit_model_completion_tokens_total',
    help: 'Completion tokens reported by model endpoints',
  },
  {
    field: 'latency_seconds',
    name: 'rewardkit_model_latency_seconds_total',
    help: 'Wall-clock seconds spent in model requests',
  },
  {
    field: 'cost',
    name: 'rewardkit_model_cost_total',
    help: 'Cost of model requests at the endpoint prices',
  },
];

/** Publishes every endpoint's usage on a Prometheus registry (the server's `/metrics`). */
export function registerModelMetrics(registry: Registry): void {
  for (const series of SERIES) {
    new Gauge({
      name: series.name,
      help: series.help,
      labelNames: ['endpoint', 'model'],
      registers: [registry],
      collect() {
        this.reset();
        for (const usage of modelUsage()) {
          const value = usage[series.field];
          if (typeof value === 'number') this.set({ endpoint: usage.endpoint, model: usage.model }, value);
        }
      },
    });
  }
}
