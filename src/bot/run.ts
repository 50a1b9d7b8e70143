import { createConcurrentSink, createRunner, createSource, type RunnerHandle } from '@grammyjs/runner';
import type { Logger } from '../log.ts';
import type { SmeBot } from './bot.ts';
import { createPolling, TelegramUnreachableError } from './polling.ts';

/**
 * How long a stop waits for updates already being handled. Model calls are aborted when the
 * stop begins (their members get the extractive answer), so this is for sending: the whole stop
 * stays within the 10 s a supervisor gives before SIGKILL.
 */
const DRAIN_MS = 7_000;
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

/** How long polling keeps retrying an unreachable Telegram before the process gives up (TELEGRAM_GIVE_UP_AFTER). */
const GIVE_UP_AFTER_MS = 60 * 60 * 1000;

export interface PollingStartOptions {
  pollTimeoutSeconds?: number;
  /** TELEGRAM_GIVE_UP_AFTER: how long getUpdates may fail before `failed` rejects. */
  giveUpAfterMs?: number;
}

/**
 * Long polling through @grammyjs/runner (updates of different chats in parallel; the bot's
 * chat order keeps each chat's in order), fetched by our own supplier (polling.ts). The webhook
 * is removed first, or Telegram would refuse getUpdates.
 */
export async function startPolling(bot: SmeBot, logger: Logger, options: PollingStartOptions = {}): Promise<RunningBot> {
  await bot.init();
  await bot.api.deleteWebhook();
  const giveUpAfterMs = options.giveUpAfterMs ?? GIVE_UP_AFTER_MS;
  const polling = createPolling(bot, logger, {
    pollTimeoutSeconds: options.pollTimeoutSeconds ?? 30,
    allowedUpdates: ALLOWED_UPDATES,
    giveUpAfterMs,
  });
  const sink = createConcurrentSink({ consume: polling.consume }, async (error) => {
    try {
      await bot.errorHandler(error as Parameters<typeof bot.errorHandler>[0]);
    } catch (e) {
      logger.error({ err: e }, 'the error handler itself failed');
    }
  });
  // Before fetching: a dead predecessor's updates stand first in their chats' lines, ahead of
  // what the same members wrote since.
  const stopTakingOver = await keepTakingOverUnfinished(bot, logger);
  const runner: RunnerHandle = createRunner(createSource(polling.supplier), sink);
  runner.start();
  logger.info({ bot: bot.botInfo.username }, 'bot polling for updates');
  const failed = new Promise<never>((_, reject) => {
    runner.task()?.catch((error: unknown) => {
      const refused = refusal(error);
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
        stopTakingOver();
        if (runner.isRunning()) await runner.stop();
        await waitForHandlers(bot, logger);
        if (polling.parked > 0) logger.warn({ updates: polling.parked }, 'stopped during a database outage: these confirmed updates were not handled');
        logger.info('bot stopped');
      })();
      return stopping;
    },
  };
}

/** How often a running bot looks for updates that stopped processes left received or half-handled. */
const TAKE_OVER_EVERY_MS = 60_000;
/** How long a start waits for the first look before it fetches anyway (a database that does not answer). */
const FIRST_TAKE_OVER_WAIT_MS = 10_000;

/**
 * Handles the updates stopped processes left received or half-handled (bot.takeOverUnfinished):
 * now, then every minute, until the returned function is called. Resolves once the first ones
 * stand in their chats' lines (not handled yet). A restarted process finds its own predecessor's
 * at once; another machine's after their lease.
 */
export async function keepTakingOverUnfinished(bot: SmeBot, logger: Logger): Promise<() => void> {
  const takeOver = () =>
    bot.takeOverUnfinished().then(
      () => undefined,
      (error: unknown) => logger.warn({ err: error }, 'could not look for updates stopped processes left received or half-handled'),
    );
  const timer = setInterval(() => void takeOver(), TAKE_OVER_EVERY_MS);
  timer.unref();
  let waited: NodeJS.Timeout | undefined;
  await Promise.race([takeOver(), new Promise((resolve) => (waited = setTimeout(resolve, FIRST_TAKE_OVER_WAIT_MS)))]);
  clearTimeout(waited);
  return () => clearInterval(timer);
}

function refusal(error: unknown): TelegramRefusedError {
  const code = typeof error === 'object' && error !== null && 'error_code' in error ? (error as { error_code: number }).error_code : undefined;
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
  const last = error instanceof TelegramUnreachableError ? error.cause : error;
  const detail = last instanceof Error ? last.message : String(last);
  const failing = error instanceof TelegramUnreachableError ? ` for ${duration(error.failingForMs)}` : '';
  return new TelegramRefusedError(
    `Telegram could not be reached${failing} (TELEGRAM_GIVE_UP_AFTER; last error: ${detail}). The bot has stopped; check the network and TELEGRAM_API_ROOT, then start again.`,
    { cause: error },
  );
}

function duration(ms: number): string {
  return ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} minutes`;
}

/** Waits for the updates being handled to finish (bounded), so none is left half-done. */
export async function waitForHandlers(bot: SmeBot, logger: Logger): Promise<void> {
  if (!(await bot.inFlight.idle(DRAIN_MS))) logger.warn({ in_flight: bot.inFlight.size }, 'stopped while updates were still being handled');
}
