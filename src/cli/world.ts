import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { createWorldApp, problemSample, WorldConfigSchema } from '../world/index.js';
import type { CliCommand } from './command.js';
import { integerOption } from './integer-option.js';
import { stopSignal } from './stop-signal.js';

function numberOption(name: string, minimum: number, maximum = Number.POSITIVE_INFINITY) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isFinite(value) || value < minimum || value > maximum) {
      throw new UsageError(`${name} must be a number from ${minimum} to ${maximum}, got '${text}'`);
    }
    return value;
  };
}

interface WorldServeFlags {
  host: string;
  port: number;
  seed: number;
  skill: number;
  latencyMs: number;
  latencyPerTokenMs: number;
  prmConfidence: number;
  prmNoise: number;
  prmTemperature: number;
  judgeAccuracy: number;
  verifierConfidence: number;
  fault429: number;
  retryAfterS: number;
  fault500: number;
  faultHang: number;
  hangS: number;
  faultTruncate: number;
  faultMalformed: number;
  faultDropStep: number;
}

async function serveWorld(flags: WorldServeFlags): Promise<void> {
  const stopping = stopSignal();
  const parsed = WorldConfigSchema.safeParse({
    seed: flags.seed,
    default_skill: flags.skill,
    latency_ms: flags.latencyMs,
    latency_per_token_ms: flags.latencyPerTokenMs,
    prm_confidence: flags.prmConfidence,
    prm_noise: flags.prmNoise,
    prm_temperature: flags.prmTemperature,
    judge_accuracy: flags.judgeAccuracy,
    verifier_confidence: flags.verifierConfidence,
    faults: {
      rate_429: flags.fault429,
      retry_after_s: flags.retryAfterS,
      rate_500: flags.fault500,
      rate_hang: flags.faultHang,
      hang_s: flags.hangS,
      rate_truncate: flags.faultTruncate,
      rate_malformed: flags.faultMalformed,
      rate_drop_step: flags.faultDropStep,
    },
  });
  if (!parsed.success)
    throw new UsageError(
      `invalid world settings: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  const { app } = createWorldApp(parsed.data);
  const address = await app.listen({ host: flags.host, port: flags.port });
  process.stdout.write(`rewardkit world: listening on ${address}/v1 (seed ${flags.seed})\n`);
  const signal = await stopping;
  process.stderr.write(`rewardkit world: ${signal}: stopping\n`);
  await app.close();
}

async function writeProblems(flags: {
  n: number;
  seed: number;
  offset: number;
  out?: string;
}): Promise<void> {
  const output = flags.out === undefined ? process.stdout : createWriteStream(flags.out);
  for (let index = 0; index < flags.n; index += 1) {
    if (!output.write(`${JSON.stringify(problemSample(flags.seed, flags.offset + index))}\n`))
      await once(output, 'drain');
  }
  if (output !== process.stdout) {
    output.end();
    await once(output, 'finish');
  }
}

function registerServe(world: Command): void {
  const rate = (name: string) => numberOption(name, 0, 1);
  world
    .command('serve')
    .description(
      'serve the reference world: a policy, a PRM, an ORM, a judge and a generative verifier over synthetic word problems',
    )
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <port>', 'port (0: any free port)', integerOption('--port', 0, 65_535), 8100)
    .option('--seed <n>', 'world seed (answers are deterministic per seed)', integerOption('--seed', 0), 0)
    .option('--skill <p>', 'skill of a policy whose model name carries none', rate('--skill'), 0.8)
    .option('--latency-ms <ms>', 'latency of every request', numberOption('--latency-ms', 0), 0)
    .option(
      '--latency-per-token-ms <ms>',
      'extra latency per prompt+completion token',
      numberOption('--latency-per-token-ms', 0),
      0,
    )
    .option(
      '--prm-confidence <p>',
      "the PRM's probability for a correct step before noise",
      numberOption('--prm-confidence', 0.5, 1),
      0.9,
    )
    .option('--prm-noise <sd>', 'Gaussian noise on PRM/ORM logits', numberOption('--prm-noise', 0), 0)
    .option(
      '--prm-temperature <t>',
      'logit scale: <1 under-confident, >1 over-confident',
      numberOption('--prm-temperature', 0.01),
      1,
    )
    .option('--judge-accuracy <p>', 'chance a judge/verifier verdict is right', rate('--judge-accuracy'), 0.9)
    .option(
      '--verifier-confidence <p>',
      "probability on the verifier's yes/no token",
      numberOption('--verifier-confidence', 0.5, 1),
      0.85,
    )
    .option('--fault-429 <rate>', 'share of requests answered 429', rate('--fault-429'), 0)
    .option('--retry-after-s <s>', 'Retry-After sent with a 429', numberOption('--retry-after-s', 0), 0.05)
    .option('--fault-500 <rate>', 'share of requests answered 500', rate('--fault-500'), 0)
    .option('--fault-hang <rate>', 'share of requests that hang --hang-s first', rate('--fault-hang'), 0)
    .option('--hang-s <s>', 'how long a hanging request hangs', numberOption('--hang-s', 0), 30)
    .option('--fault-truncate <rate>', 'share of replies cut in half', rate('--fault-truncate'), 0)
    .option('--fault-malformed <rate>', 'share of replies that are not JSON', rate('--fault-malformed'), 0)
    .option(
      '--fault-drop-step <rate>',
      'share of PRM replies missing the last step score',
      rate('--fault-drop-step'),
      0,
    )
    .addHelpText(
      'after',
      '\nExample:\n  rewardkit world serve --port 8100 --latency-ms 20 --judge-accuracy 0.8\n' +
        '  curl -s localhost:8100/pooling -H "content-type: application/json" \\\n' +
        '    -d \'{"model":"world-prm","input":"Ada has 3 apples. Then Ada gets 2 more. How many apples does Ada have now? Getting 2 more: 3 + 2 = 5.<extra_0>"}\'\n',
    )
    .action((flags: WorldServeFlags) => serveWorld(flags));
}

function registerProblems(world: Command): void {
  world
    .command('problems')
    .description('write world problems as JSONL samples (prompt, reference.answer, reference.step_values)')
    .option('--n <n>', 'how many problems', integerOption('--n', 1, 10_000_000), 100)
    .option('--seed <n>', 'world seed', integerOption('--seed', 0), 0)
    .option('--offset <n>', 'index of the first problem', integerOption('--offset', 0), 0)
    .option('--out <file>', 'output file (default: stdout)')
    .addHelpText('after', '\nExample:\n  rewardkit world problems --n 500 --seed 7 --out problems.jsonl\n')
    .action((flags: { n: number; seed: number; offset: number; out?: string }) => writeProblems(flags));
}

export const worldCommand: CliCommand = {
  name: 'world',
  register(program) {
    const world = program
      .command('world')
      .description(
        'the reference world: an OpenAI-compatible server with known ground truth, for tests, CI and dry runs',
      );
    registerServe(world);
    registerProblems(world);
  },
};
