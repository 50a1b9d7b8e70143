import { serve, type ServerType } from '@hono/node-server';
import { webhookCallback } from 'grammy';
import { Hono } from 'hono';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SmeBot } from '../bot/bot.ts';
import type { Queryable } from '../db/db.ts';
import type { Logger } from '../log.ts';

export interface WebOptions {
  bot: SmeBot;
  db: Queryable;
  logger: Logger;
  /** Path Telegram posts updates to (the path of WEBHOOK_URL). */
  webhookPath: string;
  /** Telegram sends it in X-Telegram-Bot-Api-Secret-Token; anything else is refused with 401. */
  secret: string;
}

// Telegram gives up on a webhook call after about a minute and sends the update again; answer
// before that and let a slow answer (model) finish in the background, counted in bot.inFlight.
const WEBHOOK_TIMEOUT_MS = 50_000;

/** The HTTP face of the bot: Telegram's webhook and /healthz (database reachable). */
export function createWebApp(options: WebOptions): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    try {
      await options.db.query('SELECT 1');
      return c.json({ ok: true });
    } catch (e) {
      options.logger.error({ err: e }, 'health check failed: database unreachable');
      return c.json({ ok: false }, 503);
    }
  });
  app.post(
    options.webhookPath,
    webhookCallback(options.bot, 'hono', { secretToken: options.secret, onTimeout: 'return', timeoutMilliseconds: WEBHOOK_TIMEOUT_MS }),
  );
  return app;
}

export interface RunningServer {
  readonly port: number;
  /** Stops accepting requests; resolves once every connection has ended. */
  close(): Promise<void>;
  /** Ends the connections still open (call after the handlers are done). */
  terminate(): void;
}

/** Serves `app` on 127.0.0.1 or all interfaces; port 0 picks a free one. */
export async function startWebServer(app: Hono, port: number, hostname = '0.0.0.0'): Promise<RunningServer> {
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname }, () => resolve(s));
  });
  const http = server as Server;
  return {
    port: (http.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.close((e) => (e ? reject(e) : resolve()));
        // Idle keep-alive sockets would hold close() open until they time out.
        http.closeIdleConnections();
      }),
    terminate: () => http.closeAllConnections(),
  };
}
