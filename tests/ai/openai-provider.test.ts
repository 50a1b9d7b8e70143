import { beforeEach, describe, expect, it } from 'vitest';
import { AiError } from '../../src/ai/errors.ts';
import { createAiProvider } from '../../src/ai/provider.ts';
import { fakeVector, startFakeOpenAi } from '../helpers/fake-openai.ts';
import { fakeOpenAiPerFile } from '../helpers/fake-openai-per-file.ts';
import { memoryLogger, openAiConfig } from './support.ts';

const fake = fakeOpenAiPerFile();
beforeEach(() => {
  fake.onChat({ content: 'OK' });
});

const prompt = { system: 'You are terse.', user: 'Say OK' };

async function failureOf(promise: Promise<unknown>): Promise<AiError> {
  const e = await promise.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AiError);
  return e as AiError;
}

describe('openai provider against an OpenAI-compatible server', () => {
  it('sends the configured model, key and both messages, and returns the reply text', async () => {
    const ai = createAiProvider(openAiConfig(fake.baseURL), memoryLogger().logger);
    fake.onChat({ content: '  Hello there  ' });

    expect(ai.mode).toBe('openai');
    expect(await ai.chat(prompt)).toBe('Hello there');
    const [request] = fake.chatRequests();
    expect(request?.model).toBe('fake-chat');
    expect(request?.messages).toEqual([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Say OK' },
    ]);
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-test');
  });

  it('retries once a server that failed, within the one deadline', async () => {
    const ai = createAiProvider(openAiConfig(fake.baseURL), memoryLogger().logger);
    let calls = 0;
    fake.onChat(() => (++calls === 1 ? { status: 500 } : { content: 'second time' }));

    expect(await ai.chat(prompt)).toBe('second time');
    expect(fake.chatRequests()).toHaveLength(2);
  });

  // OPENAI_TIMEOUT_MS is the whole call's limit, retries included: not per attempt, and not only until the headers.
  it.each([
    ['answers too late', { delayMs: 10_000 }],
    ['sends headers and then nothing', { stallAfterHeaders: true }],
    ['trickles a byte at a time', { trickleEveryMs: 50 }],
  ] as const)('gives up on a server that %s within OPENAI_TIMEOUT_MS, as kind "timeout"', async (_, reply) => {
    const ai = createAiProvider(openAiConfig(fake.baseURL, { timeoutMs: 400 }), memoryLogger().logger);
    fake.onChat(reply);

    const started = Date.now();
    const e = await failureOf(ai.chat(prompt));
    expect(e.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  describe('streamed (onText)', () => {
    it('asks for a stream, reports the text as it grows, and returns the whole reply', async () => {
      const ai = createAiProvider(openAiConfig(fake.baseURL), memoryLogger().logger);
      fake.onChat({ chunks: ['Pay ', 'through ', 'an exchange house.  '], everyMs: 20 });
      const seen: string[] = [];
      expect(await ai.chat(prompt, { onText: (t) => seen.push(t) })).toBe('Pay through an exchange house.');
      expect(seen).toEqual(['Pay ', 'Pay through ', 'Pay through an exchange house.  ']);
      expect(fake.chatRequests()[0]?.stream).toBe(true);
    });

    it.each([
      ["the question's budget", { timeoutMs: 60_000 }, () => AbortSignal.timeout(400)],
      ['OPENAI_TIMEOUT_MS', { timeoutMs: 400 }, undefined],
    ] as const)('fails as "timeout", never with half an answer, when a stream stalls past %s', async (_, config, signal) => {
      const ai = createAiProvider(openAiConfig(fake.baseURL, config), memoryLogger().logger);
      fake.onChat({ chunks: ['Pay ', 'through ', 'an exchange house.'], everyMs: 20, stallAfter: 2 });
      const seen: string[] = [];
      const e = await failureOf(ai.chat(prompt, { onText: (t) => seen.push(t), ...(signal ? { signal: signal() } : {}) }));
      expect(e.kind).toBe('timeout');
      expect(seen.at(-1)).toBe('Pay through ');
    });
  });

  it('gives up on embeddings that stall after the headers, too', async () => {
    const ai = createAiProvider(openAiConfig(fake.baseURL, { timeoutMs: 400 }), memoryLogger().logger);
    fake.onEmbeddings({ stallAfterHeaders: true });
    try {
      const started = Date.now();
      const e = await failureOf(ai.embedder!.embed(['customs']));
      expect(e.kind).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      fake.onEmbeddings((r) => ({ vectors: (Array.isArray(r.input) ? r.input : [r.input]).map((t) => fakeVector(t, r.dimensions)) }));
    }
  });

  it("ends a call when the caller's signal fires (the question's budget), before OPENAI_TIMEOUT_MS", async () => {
    const ai = createAiProvider(openAiConfig(fake.baseURL, { timeoutMs: 60_000 }), memoryLogger().logger);
    fake.onChat({ trickleEveryMs: 50 });

    const started = Date.now();
    const e = await failureOf(ai.chat(prompt, { signal: AbortSignal.timeout(300) }));
    expect(e.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('ends every call in flight at once when the process stops, as kind "cancelled"', async () => {
    const stopping = new AbortController();
    const ai = createAiProvider(openAiConfig(fake.baseURL, { timeoutMs: 60_000 }), memoryLogger().logger, { stopping: stopping.signal });
    fake.onChat({ stallAfterHeaders: true });

    const calls = [ai.chat(prompt), ai.chat(prompt)].map(failureOf);
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    stopping.abort();
    const errors = await Promise.all(calls);
    expect(errors.map((e) => e.kind)).toEqual(['cancelled', 'cancelled']);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it.each([
    ['rate_limit', { status: 429 }],
    ['server', { status: 500 }],
    ['server', { status: 503 }],
    ['refused', { status: 401 }],
    ['malformed', { raw: '{"choices": [' }],
    ['malformed', { raw: '<html>gateway</html>', contentType: 'text/html' }],
    ['malformed', { json: { choices: [] } }],
    ['malformed', { json: { object: 'chat.completion' } }],
    ['malformed', { content: '   ' }],
  ] as const)('reports %s for %j', async (kind, reply) => {
    const ai = createAiProvider(openAiConfig(fake.baseURL), memoryLogger().logger);
    fake.onChat(reply);

    const e = await failureOf(ai.chat(prompt));
    expect(e.kind).toBe(kind);
    if (kind !== 'malformed') expect(e.cause).toBeDefined();
  });

  it('reports "connection" when nothing listens at the base URL', async () => {
    const closed = await startFakeOpenAi();
    await closed.close();
    const ai = createAiProvider(openAiConfig(closed.baseURL), memoryLogger().logger);

    expect((await failureOf(ai.chat(prompt))).kind).toBe('connection');
  });
});

describe('embeddings', () => {
  it('decodes the base64 float32 vectors the SDK asks for, in input order', async () => {
    const ai = createAiProvider(openAiConfig(fake.baseURL, { dimensions: 8 }), memoryLogger().logger);
    const texts = ['letter of credit', '信用证', 'اعتبار اسنادی'];

    const vectors = await ai.embedder!.embed(texts);

    expect(ai.embedder!.model).toBe('fake-embed');
    expect(vectors).toEqual(texts.map((t) => fakeVector(t, 8)));
    const [request] = fake.embeddingRequests();
    expect(request).toMatchObject({ model: 'fake-embed', input: texts, dimensions: 8, encoding_format: 'base64' });
  });

  it('rejects a reply with fewer vectors than texts as malformed', async () => {
    const ai = createAiProvider(openAiConfig(fake.baseURL), memoryLogger().logger);
    fake.onEmbeddings({ vectors: [[0.1, 0.2]] });

    expect((await failureOf(ai.embedder!.embed(['a', 'b']))).kind).toBe('malformed');
    fake.onEmbeddings((r) => ({ vectors: (r.input as string[]).map((t) => fakeVector(t, 8)) }));
  });

  it('has no embedder when no embedding model is configured', () => {
    const config = openAiConfig(fake.baseURL);
    if (config.mode === 'openai') delete config.embeddingModel;
    expect(createAiProvider(config, memoryLogger().logger).embedder).toBeUndefined();
  });
});

describe('offline provider', () => {
  it('has no model: chat fails as "unavailable" and there is no embedder', async () => {
    const ai = createAiProvider({ mode: 'offline' }, memoryLogger().logger);
    expect(ai.mode).toBe('offline');
    expect(ai.embedder).toBeUndefined();
    expect((await failureOf(ai.chat(prompt))).kind).toBe('unavailable');
  });
});
