import type { SmeBot } from '../bot/bot.ts';
import { ALLOWED_UPDATES, type RunningBot, waitForHandlers } from '../bot/run.ts';
import type { Queryable } from '../db/db.ts';
import type { Logger } from '../log.ts';
import { createWebApp, startWebServer } from './server.ts';

/** How long a stopping webhook server waits for the answers of finished handlers to be sent. */
const RESPONSE_GRACE_MS = 2_000;

/**
 * Webhook mode: the web server takes Telegram's calls (secret checked), the webhook is
 * registered with the same secret. Stopping closes the server, then waits for the handlers.
 */
export async function startWebhook(
  bot: SmeBot,
  options: { db: Queryable; logger: Logger; url: string; secret: string; port: number; hostname?: string },
): Promise<RunningBot & { port: number }> {
  await bot.init();
  const webhookPath = new URL(options.url).pathname;
  const app = createWebApp({ bot, db: options.db, logger: options.logger, webhookPath, secret: options.secret });
  const server = await startWebServer(app, options.port, options.hostname);
  await bot.api.setWebhook(options.url, { secret_token: options.secret, allowed_updates: [...ALLOWED_UPDATES] });
  options.logger.info({ port: server.port, path: webhookPath }, 'bot listening for webhook calls');
  let stopping: Promise<void> | undefined;
  return {
    port: server.port,
    failed: new Promise<never>(() => {}),
    stop() {
      stopping ??= (async () => {
        const closed = server.close();
        await waitForHandlers(bot, options.logger);
        // A finished handler's 200 is still being written: cut now, and Telegram would send the
        // update again. Whatever is open after the grace is idle or stuck.
        await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, RESPONSE_GRACE_MS))]);
        server.terminate();
        await closed;
        options.logger.info('bot stopped');
      })();
      return stopping;
    },
  };
}
