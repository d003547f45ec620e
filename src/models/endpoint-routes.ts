/**
 * Where each API lives on an OpenAI-compatible server. The endpoint's `base_url` carries the
 * `/v1` prefix (`http://host:8000/v1`); vLLM serves its pooling APIs at the server root
 * (`/pooling`, `/classify`), SGLang serves `/v1/classify`, and every server serves the OpenAI
 * routes under `/v1`.
 */
export type ModelRoute =
  | 'chat'
  | 'completions'
  | 'embeddings'
  | 'pooling'
  | 'classify_root'
  | 'classify_v1'
  | 'models';

const ROUTE_PATHS: Record<ModelRoute, { under: 'base' | 'root'; path: string }> = {
  chat: { under: 'base', path: '/chat/completions' },
  completions: { under: 'base', path: '/completions' },
  embeddings: { under: 'base', path: '/embeddings' },
  models: { under: 'base', path: '/models' },
  pooling: { under: 'root', path: '/pooling' },
  classify_root: { under: 'root', path: '/classify' },
  classify_v1: { under: 'base', path: '/classify' },
};

/** The server root: the base URL without its trailing `/v1`. */
export function rootUrlOf(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return trimmed.replace(/\/v1$/, '');
}

/** The absolute URL of a route (or of an explicit path from the server root, `/v2/pooling`). */
export function routeUrl(baseUrl: string, route: ModelRoute | { path: string }): string {
  if (typeof route === 'object')
    return `${rootUrlOf(baseUrl)}${route.path.startsWith('/') ? '' : '/'}${route.path}`;
  const { under, path } = ROUTE_PATHS[route];
  return `${under === 'base' ? baseUrl.replace(/\/+$/, '') : rootUrlOf(baseUrl)}${path}`;
}
