import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Logger } from '../log.ts';
import type { SmeBot } from './bot.ts';

/** How long a stop waits for updates already being handled before giving up on them. */
const DRAIN_MS = 30_000;
/**
 * The update kinds the bot asks Telegram for; it sends no others. my_chat_member says the bot
 * was added to or removed from a group, or blocked in private: it never makes anyone a member
 * (only a person's own message or press does, see intake.ts), so a forgotten member who blocks
 * the bot stays forgotten. chat_member (people joining groups) needs the bot to be a group
 * admin and nothing uses it yet.
 */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

export interface RunningBot {
  /** Stops fetching, then waits for every update already being handled. */
  stop(): Promise<void>;
  /**
   * Rejects with a TelegramRefusedError when the bot stops receiving updates on its own
   * (Telegram refused the token, another process took the updates, or it stayed unreachable);
   * never settles otherwise. A supervisor should restart the process, and someone must know.
   */
  failed: Promise<never>;
}

/** Telegram stopped giving this process updates; `message` says why and what to do. */
export class TelegramRefusedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TelegramRefusedError';
  }
}

/** How long polling keeps retrying an unreachable Telegram before the process gives up. */
const MAX_RETRY_MS = 60 * 60 * 1000;

/**
 * Long polling through @grammyjs/runner (updates of different chats in parallel; the bot's
 * sequentialize keeps each chat in order). The webhook is removed first, or Telegram would
 * refuse getUpdates.
 */
export async function startPolling(bot: SmeBot, logger: Logger, options: { pollTimeoutSeconds?: number; maxRetryMs?: number } = {}): Promise<RunningBot> {
  await bot.init();
  await bot.api.deleteWebhook();
  // The runner would print fetch errors to the console, outside the logs: they go to the log.
  bot.api.config.use(async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal);
    } catch (error) {
      if (method === 'getUpdates' && !signal?.aborted) logger.warn({ err: error }, 'fetching updates from Telegram failed; retrying');
      throw error;
    }
  });
  const maxRetryMs = options.maxRetryMs ?? MAX_RETRY_MS;
  const runner: RunnerHandle = run(bot, {
    runner: { fetch: { timeout: options.pollTimeoutSeconds ?? 30, allowed_updates: [...ALLOWED_UPDATES] }, silent: true, maxRetryTime: maxRetryMs },
  });
  logger.info({ bot: bot.botInfo.username }, 'bot polling for updates');
  const failed = new Promise<never>((_, reject) => {
    runner.task()?.catch((error: unknown) => {
      const refused = refusal(error, maxRetryMs);
      logger.fatal({ err: error }, refused.message);
      reject(refused);
    });
  });
  // Nobody need listen: a bot stopped on purpose never fails.
  failed.catch(() => {});
  let stopping: Promise<void> | undefined;
  return {
    failed,
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

function refusal(error: unknown, maxRetryMs: number): TelegramRefusedError {
  const code = typeof error === 'object' && error !== null && 'error_code' in error ? (error as { error_code: number }).error_code : undefined;
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 401)
    return new TelegramRefusedError(
      `Telegram refused the bot token (401 Unauthorized): check BOT_TOKEN (the token @BotFather gave, not revoked). The bot has stopped.`,
      { cause: error },
    );
  if (code === 409)
    return new TelegramRefusedError(
      `Telegram gives this bot's updates to someone else (409 Conflict): another process is polling with the same BOT_TOKEN, or a webhook was set. Stop the other one, then start again. The bot has stopped.`,
      { cause: error },
    );
  return new TelegramRefusedError(
    `Telegram could not be reached for ${Math.round(maxRetryMs / 60_000)} minutes (last error: ${detail}). The bot has stopped; check the network and TELEGRAM_API_ROOT, then start again.`,
    { cause: error },
  );
}

/** Waits for the updates being handled to finish (bounded), so none is left half-done. */
export async function waitForHandlers(bot: SmeBot, logger: Logger): Promise<void> {
  if (!(await bot.inFlight.idle(DRAIN_MS))) logger.warn({ in_flight: bot.inFlight.size }, 'stopped while updates were still being handled');
}
