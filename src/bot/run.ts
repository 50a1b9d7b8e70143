import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Queryable } from '../db/db.ts';
import type { Logger } from '../log.ts';
import { createWebApp, startWebServer } from '../web/server.ts';
import type { SmeBot } from './bot.ts';

/** How long a stop waits for updates already being handled before giving up on them. */
const DRAIN_MS = 30_000;
/** The update kinds the features handle; Telegram sends no others. */
const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

export interface RunningBot {
  /** Stops fetching, then waits for every update already being handled. */
  stop(): Promise<void>;
}

/**
 * Long polling through @grammyjs/runner (updates of different chats in parallel; the bot's
 * sequentialize keeps each chat in order). The webhook is removed first, or Telegram would
 * refuse getUpdates.
 */
export async function startPolling(bot: SmeBot, logger: Logger, options: { pollTimeoutSeconds?: number } = {}): Promise<RunningBot> {
  await bot.init();
  await bot.api.deleteWebhook();
  const runner: RunnerHandle = run(bot, {
    runner: { fetch: { timeout: options.pollTimeoutSeconds ?? 30, allowed_updates: [...ALLOWED_UPDATES] } },
  });
  logger.info({ username: bot.botInfo.username }, 'bot polling for updates');
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= (async () => {
        if (runner.isRunning()) await runner.stop();
        await waitForHandlers(bot, logger);
        logger.info('bot stopped');
      })();
      return stopping;
    },
  };
}

/** Waits for the updates being handled to finish (bounded), so none is left half-done. */
export async function waitForHandlers(bot: SmeBot, logger: Logger): Promise<void> {
  if (!(await bot.inFlight.idle(DRAIN_MS))) logger.warn({ in_flight: bot.inFlight.size }, 'stopped while updates were still being handled');
}

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
    stop() {
      stopping ??= (async () => {
        const closed = server.close();
        await waitForHandlers(bot, options.logger);
        server.terminate();
        await closed;
        options.logger.info('bot stopped');
      })();
      return stopping;
    },
  };
}
