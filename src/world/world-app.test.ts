import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSample } from './problem-samples.js';
import { createWorldApp } from './world-app.js';
import { WorldConfigSchema } from './world-config.js';

const { app } = createWorldApp(WorldConfigSchema.parse({}));
let address: string;

beforeAll(async () => {
  address = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app.close();
});

interface ChatReply {
  choices: {
    message: { content: string };
    logprobs: { content: { token: string; logprob: number }[] } | null;
  }[];
}

async function chat(n: number): Promise<ChatReply> {
  const response = await fetch(`${address}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'policy-0.7',
      messages: [{ role: 'user', content: problemSample(0, 1).prompt }],
      n,
      seed: 7,
      logprobs: true,
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as ChatReply;
}

describe('world chat completions', () => {
  it("gives each choice the logprobs of its own tokens, the same whatever the request's n", async () => {
    const three = await chat(3);
    expect(three.choices).toHaveLength(3);
    for (const choice of three.choices) {
      const tokens = choice.logprobs?.content ?? [];
      expect(tokens.map((token) => token.token).join('')).toBe(choice.message.content);
      expect(tokens.every((token) => token.logprob <= 0)).toBe(true);
      expect(tokens.some((token) => token.logprob < 0)).toBe(true);
    }
    const one = await chat(1);
    expect(one.choices[0]).toEqual(three.choices[0]);
  });
});
