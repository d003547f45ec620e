import { availableParallelism } from 'node:os';
import { Option } from 'commander';
import { UsageError } from '../core/errors.js';
import { loadSpecFile } from '../core/spec.js';
import { composeBackend } from '../engine/backends/compose-backend.js';
import { loadRewardKinds } from '../engine/load-reward-kinds.js';
import { createServerApp } from '../server/app.js';
import { checkApiKeys } from '../server/auth.js';
import { isLoopbackHost } from '../server/server-options.js';
import type { CliCommand } from './command.js';
import { integerOption } from './integer-option.js';
import { addSandboxCeilingFlags, applySandboxCeilingFlags } from './sandbox-ceiling-flags.js';
import { openServeCaches } from './serve-caches.js';
import { stopSignal } from './stop-signal.js';

interface ServeFlags {
  spec: string[];
  host: string;
  port: number;
  apiKey: string[];
  redis?: string;
  cache?: 'sqlite' | 'redis' | 'none';
  cacheFile: string;
  threads?: number;
  concurrency: number;
  kinds?: string;
  maxBatch: number;
  maxBodyMb: number;
  requestTimeoutMs: number;
  maxInFlight: number;
  logLevel: 'silent' | 'error' | 'warn' | 'info';
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** API keys from --api-key and the REWARDKIT_API_KEYS environment variable (comma-separated). */
function apiKeysOf(flags: ServeFlags): string[] {
  const fromEnvironment = (process.env['REWARDKIT_API_KEYS'] ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  checkApiKeys(flags.apiKey, '--api-key');
  checkApiKeys(fromEnvironment, 'REWARDKIT_API_KEYS');
  return [...flags.apiKey, ...fromEnvironment];
}

async function serve(flags: ServeFlags): Promise<void> {
  applySandboxCeilingFlags(flags);
  const stopping = stopSignal();
  const apiKeys = apiKeysOf(flags);
  if (!isLoopbackHost(flags.host) && apiKeys.length === 0) {
    throw new UsageError(
      `binding ${flags.host} exposes the server beyond this machine; API keys are required`,
      'pass --api-key KEY or set REWARDKIT_API_KEYS=key1,key2 (keys of 16+ characters)',
    );
  }
  const specs = flags.spec.map((file) => loadSpecFile(file));
  const rewardKinds = await loadRewardKinds(flags.kinds);
  const cacheKind = flags.cache ?? (flags.redis === undefined ? 'sqlite' : 'redis');
  const caches = await openServeCaches({ kind: cacheKind, file: flags.cacheFile, redisUrl: flags.redis });
  // The queue (bullmq, ioredis) is loaded only in distributed mode.
  const queue =
    flags.redis === undefined
      ? undefined
      : new (await import('../queue/queue-backend.js')).QueueBackend({ redisUrl: flags.redis });
  const backend =
    queue ??
    composeBackend({
      concurrency: flags.concurrency,
      threads: flags.threads ?? availableParallelism(),
      rewardKinds,
      kindsModule: flags.kinds,
      componentCache: caches.components,
    });
  const server = createServerApp({
    specs,
    backend,
    ...(caches.results === undefined ? {} : { cache: caches.results }),
    apiKeys,
    pipelineOptions: { rewardKinds },
    limits: {
      maxBatchSize: flags.maxBatch,
      bodyLimitBytes: flags.maxBodyMb * 1024 * 1024,
      requestTimeoutMs: flags.requestTimeoutMs,
      maxInFlightSamples: flags.maxInFlight,
    },
    logLevel: flags.logLevel,
    ...(queue === undefined
      ? {}
      : { readiness: () => queue.readiness(), queueDepth: () => queue.queueDepth() }),
  });
  const address = await server.app.listen({ host: flags.host, port: flags.port });
  const names = server.context.catalog.names();
  process.stderr.write(
    `rewardkit serve: listening on ${address} (specs: ${names.join(', ')}; default ${names[0]}; ` +
      `${flags.redis === undefined ? 'local scoring' : `queue ${flags.redis}`}; cache ${cacheKind === 'none' ? 'off' : cacheKind})\n`,
  );
  const signal = await stopping;
  process.stderr.write(
    `rewardkit serve: ${signal}: stopping in-flight requests (answered 503, Retry-After), refusing new ones\n`,
  );
  await server.close();
  process.stderr.write('rewardkit serve: stopped\n');
}

export const serveCommand: CliCommand = {
  name: 'serve',
  register(program) {
    program
      .command('serve')
      .description(
        'HTTP reward server: POST /v1/score, POST /get_reward (OpenRLHF), GET /v1/specs, /healthz, /readyz, /metrics',
      )
      .requiredOption('--spec <file...>', 'reward spec files (YAML/JSON); the first is the default spec')
      .option('--host <host>', 'address to bind; API keys are required beyond loopback', '127.0.0.1')
      .option(
        '--port <port>',
        'port to listen on (0: any free port)',
        integerOption('--port', 0, 65_535),
        8000,
      )
      .option('--api-key <key>', 'a bearer API key (repeatable; also REWARDKIT_API_KEYS=k1,k2)', collect, [])
      .option(
        '--redis <url>',
        'distributed mode: fan work out as BullMQ jobs to `rewardkit worker` processes',
      )
      .addOption(
        new Option('--cache <kind>', 'result cache (default: sqlite, or redis with --redis)').choices([
          'sqlite',
          'redis',
          'none',
        ]),
      )
      .option('--cache-file <file>', 'SQLite cache file', '.rewardkit/cache.sqlite')
      .option(
        '--threads <n>',
        'worker threads for local scoring (0: score on the main thread)',
        integerOption('--threads', 0, 1024),
      )
      .option(
        '--concurrency <n>',
        'samples in flight per thread',
        integerOption('--concurrency', 1, 100_000),
        8,
      )
      .option('--kinds <module>', 'a module exporting extra reward kinds')
      .option('--max-batch <n>', 'most samples per request', integerOption('--max-batch', 1), 16_384)
      .option('--max-body-mb <n>', 'largest request body in MiB', integerOption('--max-body-mb', 1, 4096), 64)
      .option(
        '--request-timeout-ms <ms>',
        'time limit of one request',
        integerOption('--request-timeout-ms', 1),
        60_000,
      )
      .option(
        '--max-in-flight <n>',
        'samples scored at once before answering 429',
        integerOption('--max-in-flight', 1),
        8192,
      )
      .addOption(
        new Option('--log-level <level>', 'server log level')
          .choices(['silent', 'error', 'warn', 'info'])
          .default('warn'),
      )
      .addHelpText(
        'after',
        '\nExample:\n  rewardkit serve --spec examples/gsm8k-grpo.yaml --port 8000\n' +
          '  curl -s localhost:8000/v1/score -H "content-type: application/json" \\\n' +
          '    -d \'{"samples":[{"id":"a","response":"<answer>18</answer>","reference":{"answer":"18"}}]}\'\n',
      )
      .action((flags: ServeFlags) => serve(flags));
    addSandboxCeilingFlags(program.commands.find((command) => command.name() === 'serve')!);
  },
};
