import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake OpenAI-compatible server on 127.0.0.1 over real HTTP, scriptable per route.
 * Replies:
 * - { content }                chat completion with that text
 * - { vectors }                embeddings (base64 float32 when the client asks base64, as the SDK does)
 * - { delayMs, then? }         wait first (timeouts), then reply `then` (default: content "late")
 * - { status, body?, headers? } an error status; `retry-after-ms: 1` keeps SDK retries fast
 * - { raw, contentType? }      a body as given (malformed JSON)
 * - { json }                   any JSON body (e.g. { choices: [] })
 * - { stallAfterHeaders: true } sends 200 and its headers, then nothing (a server stuck mid-reply)
 * - { trickleEveryMs }          sends 200 and its headers, then one space every `trickleEveryMs`, never ending
 * - { transcript }              a transcription (`/audio/transcriptions`) with that text
 * - { chunks, everyMs, stallAfter? } a streamed chat completion (server-sent events): one chunk of text every
 *                               `everyMs`; with `stallAfter`, nothing more after that many chunks (never ends);
 *                               `onSent(n)` is told each time `n` chunks have been written
 * A { content } reply to a request with `stream: true` is streamed as one chunk.
 */
export type FakeReply =
  | { content: string }
  | { vectors: number[][] }
  | { delayMs: number; then?: FakeReply }
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { raw: string; contentType?: string }
  | { json: unknown }
  | { stallAfterHeaders: true }
  | { trickleEveryMs: number }
  | { transcript: string }
  | StreamedReply;

type StreamedReply = { chunks: string[]; everyMs: number; stallAfter?: number; onSent?: (sent: number) => void };

export interface ChatMessage {
  role: string;
  content: string;
}
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  [key: string]: unknown;
}
export interface EmbeddingsRequest {
  model: string;
  input: string | string[];
  dimensions?: number;
  encoding_format?: 'base64' | 'float';
  [key: string]: unknown;
}

/** A `/audio/transcriptions` request, its multipart form read: the uploaded file's bytes and the other fields. */
export interface TranscriptionRequest {
  model: string;
  file: { name: string; type: string; bytes: Buffer };
  fields: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

const systemPrompt = (r: ChatRequest) => r.messages.find((m) => m.role === 'system')?.content ?? '';
/** The question-translation prompt (prompts/translate-question.md): a member's question put in the three languages for search. */
export const isQuestionTranslation = (r: ChatRequest) => systemPrompt(r).includes('You translate short business questions');
/** Any translation prompt: a question's, or an experience's (prompts/translate-*.md); a member's text that says "you translate" is not one. */
export const isAnyTranslation = (r: ChatRequest) => /\byou translate\b/i.test(systemPrompt(r));

type Handler<R> = (request: R) => FakeReply | Promise<FakeReply>;

export interface FakeOpenAi {
  /** Pass as the SDK's baseURL (ends in /v1). */
  baseURL: string;
  requests: RecordedRequest[];
  chatRequests(): ChatRequest[];
  embeddingRequests(): EmbeddingsRequest[];
  transcriptionRequests(): TranscriptionRequest[];
  onChat(handler: Handler<ChatRequest> | FakeReply): void;
  onEmbeddings(handler: Handler<EmbeddingsRequest> | FakeReply): void;
  onTranscription(handler: Handler<TranscriptionRequest> | FakeReply): void;
  close(): Promise<void>;
}

/** A deterministic unit-ish vector per text, so equal texts embed equally. */
export function fakeVector(text: string, dimensions = 8): number[] {
  const v = new Array<number>(dimensions).fill(0);
  for (const [i, ch] of [...text].entries()) v[(ch.codePointAt(0)! + i) % dimensions]! += 1;
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => Math.fround(x / norm));
}

export function toBase64Float32(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const intervals = new Set<NodeJS.Timeout>();
  let chat: Handler<ChatRequest> = () => ({ content: 'OK' });
  let embeddings: Handler<EmbeddingsRequest> = (r) => ({
    vectors: (Array.isArray(r.input) ? r.input : [r.input]).map((t) => fakeVector(t, r.dimensions)),
  });
  let transcription: Handler<TranscriptionRequest> = () => ({ status: 404 });

  const send = async (res: ServerResponse, reply: FakeReply, request: RecordedRequest): Promise<void> => {
    if ('delayMs' in reply) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => (timers.delete(timer), resolve()), reply.delayMs);
        timers.add(timer);
      });
      return send(res, reply.then ?? { content: 'late' }, request);
    }
    if (res.destroyed) return;
    if ('stallAfterHeaders' in reply) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.flushHeaders();
      return;
    }
    if ('trickleEveryMs' in reply) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.flushHeaders();
      // Leading spaces are valid JSON: a client that waits for the end waits forever.
      const timer = setInterval(() => res.write(' '), reply.trickleEveryMs);
      intervals.add(timer);
      res.once('close', () => (clearInterval(timer), intervals.delete(timer)));
      return;
    }
    if ('chunks' in reply || ('content' in reply && (request.body as ChatRequest).stream === true)) {
      const streamed = 'chunks' in reply ? reply : { chunks: [reply.content], everyMs: 0 };
      return streamChat(res, streamed, (request.body as ChatRequest).model, timers);
    }
    if ('status' in reply) {
      const body = reply.body ?? { error: { message: `fake error ${reply.status}`, type: 'fake', code: null } };
      res.writeHead(reply.status, { 'content-type': 'application/json', 'retry-after-ms': '1', ...reply.headers });
      res.end(JSON.stringify(body));
    } else if ('raw' in reply) {
      res.writeHead(200, { 'content-type': reply.contentType ?? 'application/json' });
      res.end(reply.raw);
    } else if ('json' in reply) {
      json(res, reply.json);
    } else if ('transcript' in reply) {
      json(res, { text: reply.transcript });
    } else if ('content' in reply) {
      const body = request.body as ChatRequest;
      json(res, {
        id: `chatcmpl-${requests.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      });
    } else {
      const body = request.body as EmbeddingsRequest;
      const base64 = body.encoding_format === 'base64';
      json(res, {
        object: 'list',
        model: body.model,
        data: reply.vectors.map((v, index) => ({ object: 'embedding', index, embedding: base64 ? toBase64Float32(v) : v })),
        usage: { prompt_tokens: 1, total_tokens: 1 },
      });
    }
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const text = raw.toString('utf8');
    let body: unknown = text;
    if (req.url === '/v1/audio/transcriptions') body = await readTranscriptionForm(req, raw);
    else {
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch (e) {
        if (!(e instanceof SyntaxError)) throw e;
      }
    }
    const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
    requests.push(recorded);
    try {
      if (req.method === 'POST' && req.url === '/v1/chat/completions') return await send(res, await chat(body as ChatRequest), recorded);
      if (req.method === 'POST' && req.url === '/v1/embeddings') return await send(res, await embeddings(body as EmbeddingsRequest), recorded);
      if (req.method === 'POST' && req.url === '/v1/audio/transcriptions') return await send(res, await transcription(body as TranscriptionRequest), recorded);
      await send(res, { status: 404 }, recorded);
    } catch (e) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`fake handler failed: ${e instanceof Error ? e.stack : String(e)}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const asHandler = <R>(h: Handler<R> | FakeReply): Handler<R> => (typeof h === 'function' ? h : () => h);
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path === '/v1/chat/completions').map((r) => r.body as ChatRequest),
    embeddingRequests: () => requests.filter((r) => r.path === '/v1/embeddings').map((r) => r.body as EmbeddingsRequest),
    onChat: (h) => void (chat = asHandler(h)),
    onEmbeddings: (h) => void (embeddings = asHandler(h)),
    transcriptionRequests: () => requests.filter((r) => r.path === '/v1/audio/transcriptions').map((r) => r.body as TranscriptionRequest),
    onTranscription: (h) => void (transcription = asHandler(h)),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const timer of intervals) clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}

/** The multipart form of a transcription request, read as a server would (the Fetch API's parser). */
async function readTranscriptionForm(req: IncomingMessage, raw: Buffer): Promise<TranscriptionRequest> {
  const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': req.headers['content-type'] ?? '' }, body: raw }).formData();
  const fields: Record<string, string> = {};
  let file: TranscriptionRequest['file'] = { name: '', type: '', bytes: Buffer.alloc(0) };
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') fields[name] = value;
    else if (name === 'file') file = { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
  }
  return { model: fields.model ?? '', file, fields };
}

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** A chat completion as the SDK reads it with `stream: true`: `data:` events of deltas, then `[DONE]`. */
async function streamChat(res: ServerResponse, reply: StreamedReply, model: string, timers: Set<NodeJS.Timeout>) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
  const event = (delta: Record<string, unknown>, finish: string | null) =>
    res.write(
      `data: ${JSON.stringify({ id: 'chatcmpl-stream', object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
    );
  event({ role: 'assistant', content: '' }, null);
  for (const [i, chunk] of reply.chunks.entries()) {
    if (reply.stallAfter !== undefined && i >= reply.stallAfter) return;
    if (i > 0 && reply.everyMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => (timers.delete(timer), resolve()), reply.everyMs);
        timers.add(timer);
      });
    }
    if (res.destroyed) return;
    event({ content: chunk }, null);
    reply.onSent?.(i + 1);
  }
  event({}, 'stop');
  res.end('data: [DONE]\n\n');
}
