import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update, UserFromGetMe } from 'grammy/types';
import type { EmulatedGroup } from './chats.ts';
import { ApiError } from './api-error.ts';
import { EmulatorState } from './state.ts';
import { DEFAULT_BOT_INFO, type BotAction, type ChatMessage, type EmulatedUser, type NewUpdate } from './types.ts';

export interface EmulatorOptions {
  token?: string;
  botInfo?: UserFromGetMe;
  /** Longest time an empty getUpdates is held open, in ms (Telegram holds up to `timeout`). */
  holdMs?: number;
  /** The first update_id handed out (Telegram's also start from some positive number); default 1. */
  firstUpdateId?: number;
  /** Port on 127.0.0.1 (default: any free one); an emulator started again on the same port is Telegram coming back. */
  port?: number;
}

/**
 * A Bot API server on 127.0.0.1 for console mode, tests and benchmarks: the real bot talks to
 * it over HTTP through `apiRoot`, a caller plays the users and watches what the bot does.
 */
export interface BotApiEmulator {
  readonly apiRoot: string;
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  readonly state: EmulatorState;
  /**
   * A text message from `user`, in their private chat or in `group` (in a forum topic with
   * `threadId`); `replyTo` makes it a reply to that message id.
   */
  say(user: EmulatedUser, text: string, options?: { replyTo?: number; group?: EmulatedGroup; threadId?: number }): Update;
  /** Presses an inline button (by its callback data) under a message of the bot's. */
  press(user: EmulatedUser, message: Pick<ChatMessage, 'chat_id' | 'message_id'>, data: string): Update;
  /** Queues any update (give update_id to replay one). */
  inject(update: NewUpdate): Update;
  /** Calls `listener` with everything the bot does; returns the unsubscribe function. */
  subscribe(listener: (action: BotAction) => void): () => void;
  close(): Promise<void>;
}

export async function startBotApiEmulator(options: EmulatorOptions = {}): Promise<BotApiEmulator> {
  const token = options.token ?? '123456:emulator-token';
  const state = new EmulatorState(options.botInfo ?? DEFAULT_BOT_INFO, options.firstUpdateId);
  const holdMs = options.holdMs ?? 1_000;

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => reply(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${(e as Error).message}` }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    if (download) return serveFile(res, download[1] === token, state.files.content(decodeURIComponent(download[2]!)));
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    if (!match) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (match[1] !== token) return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = match[2]!;
    const params = await readParams(req);
    // A slow network: the call is taken at once, its answer arrives late.
    const delay = state.takeDelay(method);
    const held = state.takeHold(method);
    try {
      const result = method === 'getUpdates' ? await state.getUpdates(params, holdMs, (cancel) => res.once('close', cancel)) : state.call(method, params);
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      await held;
      reply(res, 200, { ok: true, result });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      reply(res, e.code, { ok: false, error_code: e.code, description: e.message, ...(e.parameters ? { parameters: e.parameters } : {}) });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => (server.off('error', reject), resolve()));
  });
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botInfo: state.botInfo,
    state,
    say: (user, text, opts) => state.userMessage(user, text, opts),
    press: (user, message, data) => state.press(user, message.chat_id, message.message_id, data),
    inject: (update) => state.inject(update),
    subscribe: (listener) => state.subscribe(listener),
    close: () => closeServer(server, state),
  };
}

async function closeServer(server: Server, state: EmulatorState): Promise<void> {
  // Held long polls get their empty answer written before the sockets go.
  state.releaseWaiters();
  await new Promise((r) => setImmediate(r));
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets would otherwise hold the server (and a test run) open.
    server.closeAllConnections();
  });
}

async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
  if (!body) return query;
  if ((req.headers['content-type'] ?? '').includes('application/json')) return { ...query, ...(JSON.parse(body) as Record<string, unknown>) };
  return { ...query, ...Object.fromEntries(new URLSearchParams(body)) };
}

/** A file's bytes, as Telegram's file server sends them: 401 for another token, 404 for an unknown path. */
function serveFile(res: ServerResponse, tokenMatches: boolean, data: Uint8Array | undefined): void {
  if (!tokenMatches) return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
  if (!data) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': data.byteLength });
  res.end(data);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
