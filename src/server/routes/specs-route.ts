import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.js';
import { specJsonSchema } from '../spec-catalog.js';

/** `GET /v1/specs`: the named specs (the first is the default) and the spec JSON Schema. */
export function registerSpecsRoute(app: FastifyInstance, context: ServerContext): void {
  const schema = specJsonSchema();
  app.get('/v1/specs', async () => ({
    default: context.catalog.defaultSpec.name,
    specs: context.catalog.list(),
    schema,
  }));
}
