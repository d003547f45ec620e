import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.js';

/** `GET /metrics`: Prometheus text format. */
export function registerMetricsRoute(app: FastifyInstance, context: ServerContext): void {
  app.get('/metrics', async (_request, reply) => {
    let depth = context.admission.samplesInFlight;
    if (context.queueDepth !== undefined) depth = await context.queueDepth().catch(() => depth);
    context.metrics.queueDepth.set(depth);
    void reply.type(context.metrics.registry.contentType);
    return context.metrics.registry.metrics();
  });
}
