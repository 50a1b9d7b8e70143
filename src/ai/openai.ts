import type OpenAI from 'openai';
import type { AiConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import { AiError } from './errors.ts';
import type { AiProvider, CallOptions, ChatPrompt, Embedder, Recording, Transcriber } from './ports.ts';

type OpenAiConfig = Extract<AiConfig, { mode: 'openai' }>;

/**
 * Chat and embeddings through the `openai` SDK against any OpenAI-compatible server
 * (baseURL). One retry only: a member is waiting, and the caller has an offline fallback.
 * Each call has one deadline, OPENAI_TIMEOUT_MS, over headers, body and the retry together:
 * the SDK's own timeout ends when the headers arrive, so a server that sends headers and then
 * stalls or trickles would otherwise hold the member for as long as it likes. `stopping`
 * (the process is stopping) and the caller's signal (the question's budget) end it sooner.
 */
export function createOpenAiProvider(config: OpenAiConfig, logger: Logger, stopping?: AbortSignal): AiProvider {
  // The SDK is loaded at the first call, not at start: an offline bot never pays for it.
  let sdk: Promise<OpenAI> | undefined;
  const client = () =>
    (sdk ??= import('openai').then(
      ({ default: OpenAI }) =>
        new OpenAI({
          apiKey: config.apiKey,
          ...(config.baseURL ? { baseURL: config.baseURL } : {}),
          timeout: config.timeoutMs,
          maxRetries: 1,
        }),
    ));

  const deadline = (options: CallOptions | undefined): Deadline => {
    const timeout = AbortSignal.timeout(config.timeoutMs);
    const signals = [timeout, ...(stopping ? [stopping] : []), ...(options?.signal ? [options.signal] : [])];
    return { signal: AbortSignal.any(signals), timeout, timeoutMs: config.timeoutMs, ...(stopping ? { stopping } : {}) };
  };

  const chat = async (prompt: ChatPrompt, options?: CallOptions): Promise<string> => {
    const started = Date.now();
    const openai = await client();
    const limit = deadline(options);
    const messages = [
      { role: 'system' as const, content: prompt.system },
      { role: 'user' as const, content: prompt.user },
    ];
    if (options?.onText) {
      const onText = options.onText;
      // The same deadline covers the whole stream: a server that stops mid-answer is aborted like one that never starts.
      const content = await call('chat', openai, limit, async () => {
        const stream = await openai.chat.completions.create({ model: config.chatModel, messages, stream: true }, { signal: limit.signal });
        let text = '';
        let finished = false;
        for await (const chunk of stream) {
          const choice = chunk.choices?.[0];
          const delta = choice?.delta?.content;
          if (typeof delta === 'string' && delta !== '') onText((text += delta));
          if (choice?.finish_reason) finished = true;
        }
        // The SDK ends an aborted stream quietly, as if it were complete: half an answer must not pass for a whole one.
        if (limit.signal.aborted) throw limit.signal.reason;
        if (!finished) throw new AiError('malformed', 'the streamed chat reply ended before the model finished');
        return text;
      });
      if (content.trim() === '') throw new AiError('malformed', 'the streamed chat reply has no text');
      logger.debug({ model: config.chatModel, ms: Date.now() - started, streamed: true }, 'chat completion');
      return content.trim();
    }
    const completion = await call('chat', openai, limit, () => openai.chat.completions.create({ model: config.chatModel, messages }, { signal: limit.signal }));
    const content = completion?.choices?.[0]?.message?.content;
    if (typeof content !== 'string' || content.trim() === '') {
      throw new AiError('malformed', 'the chat reply has no text (no choices or empty content)');
    }
    logger.debug({ model: config.chatModel, ms: Date.now() - started, usage: completion.usage }, 'chat completion');
    return content.trim();
  };

  const embedder: Embedder | undefined = config.embeddingModel
    ? { model: config.embeddingModel, embed: async (texts, options) => embed(await client(), config, config.embeddingModel!, texts, deadline(options)) }
    : undefined;

  const transcriber: Transcriber | undefined = config.transcriptionModel
    ? {
        model: config.transcriptionModel,
        transcribe: async (recording, options) => transcribe(await client(), config.transcriptionModel!, recording, deadline(options)),
      }
    : undefined;

  return { mode: 'openai', chat, ...(embedder ? { embedder } : {}), ...(transcriber ? { transcriber } : {}) };
}

async function transcribe(client: OpenAI, model: string, recording: Recording, limit: Deadline): Promise<string> {
  const { toFile } = await import('openai');
  const file = await toFile(recording.data, recording.filename, { type: recording.mimeType });
  const reply = await call('transcription', client, limit, () =>
    client.audio.transcriptions.create({ model, file, response_format: 'json' }, { signal: limit.signal }),
  );
  const text = (reply as { text?: unknown } | undefined)?.text;
  if (typeof text !== 'string') throw new AiError('malformed', 'the transcription reply has no text');
  return text.trim();
}

async function embed(client: OpenAI, config: OpenAiConfig, model: string, texts: string[], limit: Deadline): Promise<number[][]> {
  if (texts.length === 0) return [];
  // The SDK asks for base64 and decodes it into number arrays itself.
  const reply = await call('embeddings', client, limit, () =>
    client.embeddings.create({ model, input: texts, dimensions: config.dimensions }, { signal: limit.signal }),
  );
  const data = Array.isArray(reply?.data) ? [...reply.data].sort((a, b) => a.index - b.index) : [];
  const vectors = data.map((d) => d.embedding);
  const width = vectors[0]?.length ?? 0;
  const usable =
    vectors.length === texts.length && width > 0 && vectors.every((v) => Array.isArray(v) && v.length === width && v.every((x) => Number.isFinite(x)));
  if (!usable) {
    throw new AiError('malformed', `the embeddings reply does not hold ${texts.length} vectors of one width`);
  }
  return vectors;
}

/** One call's abort signal, and which of its parts fired, to name the failure. */
interface Deadline {
  signal: AbortSignal;
  timeout: AbortSignal;
  timeoutMs: number;
  stopping?: AbortSignal;
}

async function call<T>(what: string, client: OpenAI, limit: Deadline, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (e) {
    // Aborted mid-body, the SDK throws whatever the fetch threw: the signals say what happened.
    if (limit.stopping?.aborted) throw new AiError('cancelled', `${what}: stopped, the process is shutting down`, { cause: e });
    if (limit.timeout.aborted) throw new AiError('timeout', `${what}: the model server did not answer within ${limit.timeoutMs} ms`, { cause: e });
    if (limit.signal.aborted) throw new AiError('timeout', `${what}: the question's time ran out`, { cause: e });
    throw toAiError(what, e, client.constructor as typeof OpenAI);
  }
}

/** Maps the SDK's error classes (and a body that is not JSON) onto our few kinds. */
export function toAiError(what: string, e: unknown, OpenAI: typeof import('openai').default): AiError {
  if (e instanceof AiError) return e;
  if (e instanceof OpenAI.APIConnectionTimeoutError) return new AiError('timeout', `${what}: the model server did not answer in time`, { cause: e });
  if (e instanceof OpenAI.APIConnectionError) return new AiError('connection', `${what}: cannot reach the model server`, { cause: e });
  if (e instanceof OpenAI.RateLimitError) return new AiError('rate_limit', `${what}: rate limited by the model server (429)`, { cause: e });
  if (e instanceof OpenAI.APIError) {
    const status = e.status ?? 0;
    if (status >= 500) return new AiError('server', `${what}: the model server failed (${status})`, { cause: e });
    return new AiError('refused', `${what}: the model server refused the request (${status})`, { cause: e });
  }
  if (e instanceof SyntaxError) return new AiError('malformed', `${what}: the reply is not valid JSON`, { cause: e });
  return new AiError('malformed', `${what}: unexpected failure reading the reply`, { cause: e });
}
