import type { SmeBot } from '../bot/bot.ts';
import type { RunningBot } from '../bot/run.ts';
import type { Queryable } from '../db/db.ts';
import type { Logger } from '../log.ts';
import { createWebApp, type WebRouter } from './app.ts';
import { healthRouter } from './health.ts';
import { startWebServer } from './server.ts';
import { registerWebhook, stopWebhookServer, webhookRouter, type WebhookOptions } from './webhook.ts';

export interface HttpService {
  readonly port: number;
  /**
   * Stops serving. With a webhook: no new calls, then the updates in hand are finished and
   * their answers sent before the connections are cut.
   */
  stop(): Promise<void>;
}

/**
 * The process's HTTP face, the same in every mode: health and readiness, plus Telegram's
 * webhook (registered once the server listens) when `webhook` is given.
 */
export async function serveHttp(options: {
  db: Queryable;
  logger: Logger;
  port: number;
  hostname?: string;
  webhook?: WebhookOptions;
  routers?: WebRouter[];
}): Promise<HttpService> {
  const { webhook, logger } = options;
  const routers = [healthRouter(options.db), ...(webhook ? [webhookRouter(webhook)] : []), ...(options.routers ?? [])];
  const app = createWebApp({ logger, routers, secretPaths: webhook ? [new URL(webhook.url).pathname] : [] });
  const server = await startWebServer(app, options.port, options.hostname);
  logger.info({ port: server.port }, 'HTTP server listening (/healthz, /readyz)');
  if (webhook) await registerWebhook({ ...webhook, logger });
  let stopping: Promise<void> | undefined;
  return {
    port: server.port,
    stop() {
      stopping ??= webhook
        ? stopWebhookServer(server, webhook.bot, logger)
        : (async () => {
            const closed = server.close();
            // Nothing here is worth waiting for: probes ask again.
            server.terminate();
            await closed;
          })();
      return stopping;
    },
  };
}

/**
 * Webhook mode on a server of its own (with health and readiness): the server takes
 * Telegram's calls, the webhook is registered. Stopping closes the server, then waits for the
 * handlers. `sme-bridge start` calls serveHttp itself.
 */
export async function startWebhook(
  bot: SmeBot,
  options: { db: Queryable; logger: Logger; url: string; secret: string; port: number; hostname?: string; timeoutMs?: number },
): Promise<RunningBot & { port: number }> {
  const { url, secret, timeoutMs } = options;
  const http = await serveHttp({ ...options, webhook: { bot, url, secret, ...(timeoutMs !== undefined ? { timeoutMs } : {}) } });
  return { port: http.port, failed: new Promise<never>(() => {}), stop: () => http.stop() };
}
