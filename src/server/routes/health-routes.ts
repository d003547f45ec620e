import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.js';

/**
 * `GET /healthz`: the process answers (liveness). `GET /readyz`: it can take work now (not
 * shutting down, the backend reachable); 503 with the reason otherwise.
 */
export function registerHealthRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const reason = context.admission.closed ? 'shutting down' : await context.readiness();
    if (reason === undefined) return { status: 'ready' };
    void reply.header('retry-after', String(context.limits.retryAfterSeconds));
    return reply.code(503).send({ status: 'not ready', reason });
  });
}
