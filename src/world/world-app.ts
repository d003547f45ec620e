import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { judgeReply, type VerifierReply, verifierReply } from './chat-replies.js';
import { continueSolution, type ScoredToken, scoreTokens, skillOf } from './policy-model.js';
import { generateProblem } from './problems.js';
import { seededStream, unitHash } from './seeded-random.js';
import { judgeSteps } from './step-truth.js';
import { outcomeLogit, poolSteps, stepProbability } from './verifier-replies.js';
import { type FaultConfig, FaultConfigSchema, type WorldConfig } from './world-config.js';
import { tokenId, tokenize, type WorldToken } from './world-tokenizer.js';

type Fault = 'truncate' | 'malformed' | 'drop_step' | undefined;
type Body = Record<string, unknown>;

/** The world's request counters, for tests and the benchmark. */
export interface WorldStats {
  requests: number;
  faults: Record<string, number>;
}

const sigmoid = (value: number): number => 1 / (1 + Math.exp(-value));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The reference world as a Fastify app: an OpenAI-compatible server (vLLM flavour) over the
 * synthetic word problems. Roles by route and model name: `/v1/completions` and
 * `/v1/chat/completions` serve a policy (a model name with `judge` serves the judge, `genprm` or
 * `verifier` the generative verifier, `prm` on completions a generative-label PRM);
 * `/pooling` a PRM (STEP rows), `/classify`, `/v1/classify` and `/v1/embeddings` an ORM.
 */
export function createWorldApp(config: WorldConfig): { app: FastifyInstance; stats: WorldStats } {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 });
  const stats: WorldStats = { requests: 0, faults: {} };
  let faults: FaultConfig = config.faults;
  const faultOf = new WeakMap<FastifyRequest, Fault>();
  const promptCounters = new Map<string, number>();

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || request.url.startsWith('/_world')) return;
    const number = stats.requests++;
    const roll = (kind: string) => unitHash(config.seed, 'fault', kind, number);
    const count = (kind: string) => {
      stats.faults[kind] = (stats.faults[kind] ?? 0) + 1;
    };
    if (roll('429') < faults.rate_429) {
      count('429');
      return reply
        .code(429)
        .header('retry-after', String(faults.retry_after_s))
        .send({ error: { message: 'rate limited', type: 'rate_limit' } });
    }
    if (roll('500') < faults.rate_500) {
      count('500');
      return reply.code(500).send({ error: { message: 'internal server error', type: 'server_error' } });
    }
    if (roll('hang') < faults.rate_hang) {
      count('hang');
      await sleep(faults.hang_s * 1000);
    }
    if (roll('truncate') < faults.rate_truncate) {
      count('truncate');
      faultOf.set(request, 'truncate');
    } else if (roll('malformed') < faults.rate_malformed) {
      count('malformed');
      faultOf.set(request, 'malformed');
    } else if (roll('drop_step') < faults.rate_drop_step) {
      faultOf.set(request, 'drop_step');
    }
    return undefined;
  });

  app.addHook('onSend', async (request, _reply, payload) => {
    const fault = faultOf.get(request);
    if (typeof payload !== 'string') return payload;
    if (fault === 'truncate') return payload.slice(0, Math.floor(payload.length / 2));
    if (fault === 'malformed') return `<html><body>502 Bad Gateway</body></html>`;
    return payload;
  });

  const delay = async (tokens: number) => {
    const ms = config.latency_ms + config.latency_per_token_ms * tokens;
    if (ms > 0) await sleep(ms);
  };
  const usage = (prompt: number, completion: number) => ({
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
  });
  const inputsOf = (body: Body): string[] => {
    if (Array.isArray(body['messages'])) return [messagesText(body['messages'])];
    const input = body['input'] ?? body['prompt'] ?? body['text'];
    if (typeof input === 'string') return [input];
    if (Array.isArray(input) && input.every((entry) => typeof entry === 'string')) return input as string[];
    throw Object.assign(new Error("'input' must be a string or a list of strings"), { statusCode: 400 });
  };
  const sampleKey = (body: Body, prompt: string, index: number): string => {
    if (typeof body['seed'] === 'number') return `seed:${body['seed']}:${index}`;
    if (body['temperature'] === 0) return `greedy:${index}`;
    const seen = promptCounters.get(prompt) ?? 0;
    promptCounters.set(prompt, seen + 1);
    return `draw:${seen}:${index}`;
  };
  const modelOf = (body: Body): string =>
    typeof body['model'] === 'string' ? body['model'] : 'world-policy';

  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/v1/models', async () => ({
    object: 'list',
    data: ['world-policy', 'world-prm', 'world-orm', 'world-judge', 'world-genprm'].map((id) => ({
      id,
      object: 'model',
      owned_by: 'rewardkit-world',
    })),
  }));
  app.get('/problems', async (request) => {
    const query = request.query as { n?: string; seed?: string; offset?: string };
    const n = Math.min(10_000, Math.max(1, Number(query.n ?? 10)));
    const seed = Number(query.seed ?? config.seed);
    const offset = Math.max(0, Number(query.offset ?? 0));
    return {
      seed,
      problems: Array.from({ length: n }, (_value, index) => generateProblem(seed, offset + index)),
    };
  });
  app.get('/_world/stats', async () => stats);
  app.post('/_world/faults', async (request) => {
    faults = FaultConfigSchema.parse({ ...faults, ...(request.body as object) });
    return faults;
  });

  /** A list API (pooling, classify, embeddings): one entry per input, usage, latency by tokens. */
  const listApi =
    (prefix: string, entryOf: (text: string, index: number, request: FastifyRequest, body: Body) => object) =>
    async (request: FastifyRequest) => {
      const body = request.body as Body;
      const inputs = inputsOf(body);
      const data = inputs.map((text, index) => entryOf(text, index, request, body));
      const tokens = inputs.reduce((sum, text) => sum + tokenize(text).length, 0);
      await delay(tokens);
      return {
        id: `${prefix}-${stats.requests}`,
        object: 'list',
        created: 0,
        model: modelOf(body),
        data,
        usage: usage(tokens, 0),
      };
    };

  const pooling = listApi('pool', (text, index, request) => {
    const rows = poolSteps(config, text).rows;
    if (faultOf.get(request) === 'drop_step' && rows.length > 0) rows.pop();
    return { index, object: 'pooling', data: rows };
  });
  app.post('/pooling', pooling);
  app.post('/v1/pooling', pooling);

  const classify = listApi('classify', (text, index, _request, body) => {
    const activation = body['use_activation'] ?? body['activation'] ?? true;
    const score = outcomeLogit(config, text);
    return {
      index,
      label: 'LABEL_0',
      probs: [activation === false ? score : sigmoid(score)],
      num_classes: 1,
    };
  });
  app.post('/classify', classify);
  app.post('/v1/classify', classify);

  app.post(
    '/v1/embeddings',
    listApi('embd', (text, index) => ({
      index,
      object: 'embedding',
      embedding: [outcomeLogit(config, text)],
    })),
  );

  app.post('/v1/completions', async (request) => {
    const body = request.body as Body;
    const model = modelOf(body);
    const prompts = inputsOf({ input: body['prompt'] });
    const n = typeof body['n'] === 'number' ? body['n'] : 1;
    const temperature = typeof body['temperature'] === 'number' ? body['temperature'] : 1;
    const maxTokens = typeof body['max_tokens'] === 'number' ? body['max_tokens'] : 1024;
    const stops =
      typeof body['stop'] === 'string'
        ? [body['stop']]
        : Array.isArray(body['stop'])
          ? (body['stop'] as string[])
          : [];
    const logprobCount = typeof body['logprobs'] === 'number' ? body['logprobs'] : undefined;
    const promptLogprobCount =
      typeof body['prompt_logprobs'] === 'number' ? body['prompt_logprobs'] : undefined;
    const echo = body['echo'] === true;
    const skill = skillOf(model, config.default_skill);
    let promptTokens = 0;
    let completionTokens = 0;
    const choices = prompts.flatMap((prompt, promptIndex) =>
      Array.from({ length: n }, (_value, sampleIndex) => {
        const key = sampleKey(body, prompt, sampleIndex);
        const random = seededStream(config.seed, prompt, key);
        let text: string;
        let scored: ScoredToken[];
        const promptPieces = tokenize(prompt);
        if (/prm/i.test(model)) {
          const afterQuestion = prompt.split('?').slice(1).join('?') || prompt;
          const correct = judgeSteps(prompt, [afterQuestion]).stepCorrect[0] ?? false;
          const good = stepProbability(config, correct, 'genlabel', prompt);
          text = temperature <= 0 ? (good >= 0.5 ? '+' : '-') : random() < good ? '+' : '-';
          scored = [
            ...scoreTokens(prompt, promptPieces, skill),
            {
              text,
              offset: prompt.length,
              logprob: Math.log(text === '+' ? good : 1 - good),
              top: [
                { text: '+', logprob: Math.log(good) },
                { text: '-', logprob: Math.log(1 - good) },
              ].sort((l, r) => r.logprob - l.logprob),
            },
          ];
        } else {
          text = continueSolution(prompt, { skill, temperature, random });
          scored = [];
        }
        let finish = 'stop';
        const stopAt = Math.min(...stops.map((stop) => text.indexOf(stop)).filter((at) => at >= 0));
        // vLLM names the stop string that ended a sample in `stop_reason` (null at EOS).
        const matchedStop = Number.isFinite(stopAt)
          ? stops.find((stop) => text.indexOf(stop) === stopAt)
          : undefined;
        if (Number.isFinite(stopAt)) text = text.slice(0, stopAt);
        let completionPieces = tokenize(text, prompt.length);
        if (completionPieces.length > maxTokens) {
          completionPieces = completionPieces.slice(0, maxTokens);
          text = completionPieces.map((piece) => piece.text).join('');
          finish = 'length';
        }
        if (scored.length === 0 || scored.length !== promptPieces.length + completionPieces.length) {
          scored = scoreTokens(prompt + text, [...promptPieces, ...completionPieces], skill);
        }
        promptTokens += promptPieces.length;
        completionTokens += completionPieces.length;
        const shown = echo ? scored : scored.slice(promptPieces.length);
        return {
          index: promptIndex * n + sampleIndex,
          text: echo ? prompt + text : text,
          logprobs:
            logprobCount === undefined ? null : legacyLogprobs(shown, logprobCount, echo ? 0 : prompt.length),
          finish_reason: finish,
          stop_reason: finish === 'length' ? null : (matchedStop ?? null),
          prompt_logprobs:
            promptLogprobCount === undefined
              ? null
              : promptLogprobs(scored.slice(0, promptPieces.length), promptLogprobCount),
          ...(body['return_token_ids'] === true
            ? {
                prompt_token_ids: promptPieces.map((piece) => tokenId(piece.text)),
                token_ids: completionPieces.map((piece) => tokenId(piece.text)),
              }
            : {}),
        };
      }),
    );
    await delay(promptTokens + completionTokens);
    return {
      id: `cmpl-${stats.requests}`,
      object: 'text_completion',
      created: 0,
      model,
      choices,
      usage: usage(promptTokens, completionTokens),
    };
  });

  app.post('/v1/chat/completions', async (request) => {
    const body = request.body as Body;
    const model = modelOf(body);
    if (!Array.isArray(body['messages']))
      throw Object.assign(new Error("'messages' is required"), { statusCode: 400 });
    const prompt = messagesText(body['messages']);
    const n = typeof body['n'] === 'number' ? body['n'] : 1;
    const temperature = typeof body['temperature'] === 'number' ? body['temperature'] : 1;
    const wantLogprobs = body['logprobs'] === true;
    const topCount = typeof body['top_logprobs'] === 'number' ? body['top_logprobs'] : 0;
    const skill = skillOf(model, config.default_skill);
    const promptTokens = tokenize(prompt).length;
    let completionTokens = 0;
    // The text a policy's reply continues, tokenized once per request (every choice shares it).
    const full = `${prompt}\n`;
    let fullPieces: WorldToken[] | undefined;
    const choices = Array.from({ length: n }, (_value, index) => {
      const key = sampleKey(body, prompt, index);
      let reply: VerifierReply;
      let scored: ScoredToken[] | undefined;
      if (/judge/i.test(model)) reply = judgeReply(config, prompt, key);
      else if (/genprm|verifier/i.test(model)) reply = verifierReply(config, prompt, key);
      else {
        const content = continueSolution(prompt, {
          skill,
          temperature,
          random: seededStream(config.seed, prompt, key),
        }).trimStart();
        reply = { content, verdicts: [] };
        fullPieces ??= tokenize(full);
        const pieces = [...fullPieces, ...tokenize(content, full.length)];
        scored = scoreTokens(full + content, pieces, skill).slice(fullPieces.length);
      }
      const pieces = tokenize(reply.content);
      completionTokens += pieces.length;
      return {
        index,
        message: { role: 'assistant', content: reply.content },
        logprobs: wantLogprobs ? { content: chatLogprobs(reply, pieces, scored, topCount) } : null,
        finish_reason: 'stop',
      };
    });
    await delay(promptTokens + completionTokens);
    return {
      id: `chatcmpl-${stats.requests}`,
      object: 'chat.completion',
      created: 0,
      model,
      choices,
      usage: usage(promptTokens, completionTokens),
    };
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply: FastifyReply) => {
    const status = error.statusCode ?? 500;
    void reply.code(status).send({
      error: {
        message: error.message,
        type: status < 500 ? 'BadRequestError' : 'InternalServerError',
        code: status,
      },
    });
  });

  return { app, stats };
}

function messagesText(messages: unknown[]): string {
  return messages
    .map((message) => {
      const content = (message as { content?: unknown }).content;
      if (typeof content === 'string') return content;
      if (Array.isArray(content))
        return content.map((part) => (part as { text?: string }).text ?? '').join('');
      return '';
    })
    .join('\n');
}

function legacyLogprobs(tokens: readonly ScoredToken[], count: number, offsetBase: number) {
  return {
    tokens: tokens.map((token) => token.text),
    token_logprobs: tokens.map((token) => token.logprob),
    text_offset: tokens.map((token) => token.offset - offsetBase),
    top_logprobs: tokens.map((token) => {
      if (token.logprob === null) return null;
      const top: Record<string, number> = {};
      top[token.text] = token.logprob;
      for (const option of token.top.slice(0, count)) top[option.text] ??= option.logprob;
      return top;
    }),
  };
}

function promptLogprobs(tokens: readonly ScoredToken[], count: number) {
  return tokens.map((token) => {
    if (token.logprob === null) return null;
    const entries: Record<string, { logprob: number; rank: number; decoded_token: string }> = {};
    const rank = token.top.findIndex((option) => option.text === token.text);
    entries[String(tokenId(token.text))] = {
      logprob: token.logprob,
      rank: rank === -1 ? token.top.length + 1 : rank + 1,
      decoded_token: token.text,
    };
    token.top.slice(0, count).forEach((option, index) => {
      entries[String(tokenId(option.text))] ??= {
        logprob: option.logprob,
        rank: index + 1,
        decoded_token: option.text,
      };
    });
    return entries;
  });
}

function chatLogprobs(
  reply: VerifierReply,
  pieces: readonly { text: string; offset: number }[],
  scored: readonly ScoredToken[] | undefined,
  topCount: number,
) {
  const bytes = (text: string) => [...Buffer.from(text, 'utf8')];
  return pieces.map((piece, index) => {
    const verdict = reply.verdicts.find((entry) => entry.start === piece.offset);
    if (verdict !== undefined) {
      const options = [
        { token: verdict.chosen, logprob: Math.log(verdict.probability), bytes: bytes(verdict.chosen) },
        { token: verdict.other, logprob: Math.log(1 - verdict.probability), bytes: bytes(verdict.other) },
      ];
      return {
        token: piece.text,
        logprob: options[0]!.logprob,
        bytes: bytes(piece.text),
        top_logprobs: options.slice(0, topCount),
      };
    }
    const token = scored?.[index];
    const logprob = token?.logprob ?? 0;
    const top = (token?.top ?? [{ text: piece.text, logprob }])
      .slice(0, topCount)
      .map((option) => ({ token: option.text, logprob: option.logprob, bytes: bytes(option.text) }));
    return { token: piece.text, logprob, bytes: bytes(piece.text), top_logprobs: top };
  });
}
