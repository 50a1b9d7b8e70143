import { BotError, webhookCallback } from 'grammy';
import { isDatabaseUnavailable } from '../db/db.ts';
import type { Update } from 'grammy/types';
import { Hono } from 'hono';
import type { SmeBot } from '../bot/bot.ts';
import { ALLOWED_UPDATES, waitForHandlers } from '../bot/run.ts';
import type { Logger } from '../log.ts';
import { describeError } from '../bot/errors.ts';
import type { WebEnv, WebRouter } from './app.ts';

// Telegram gives up on a webhook call after about a minute and sends the update again; answer
// before that and let a slow answer (model) finish in the background, counted in bot.inFlight.
const WEBHOOK_TIMEOUT_MS = 50_000;
// Recording such an update (before Telegram is told it was received) may take this long, and at
// most the timeout again: a database that does not take it in time gets the update sent again.
const RECORD_WAIT_MS = 5_000;

export interface WebhookOptions {
  bot: SmeBot;
  /** The URL Telegram calls (its path is where updates are posted). */
  url: string;
  /** Telegram sends it in X-Telegram-Bot-Api-Secret-Token; anything else is refused with 401. */
  secret: string;
  /** How long a call may take before Telegram is answered and the update handled on in the background (default 50 s). */
  timeoutMs?: number;
}

/**
 * Telegram's calls with updates, at the path of the webhook URL. An update the database could
 * not take (it did not answer) gets a 503, so Telegram sends it again later; its sender is told
 * once that the answer will come. Its claim may have been recorded all the same (sent on a link
 * whose answer never came back): when Telegram sends it here again, that claim is released first.
 * An update still being handled after `timeoutMs` is recorded as received (so a process killed
 * before its claim leaves it to another: see bot.receive), answered 200 and handled on — or, when
 * the database does not take it within a few seconds, answered 503 so Telegram sends it again
 * (the handling goes on; the repeat is skipped should it claim the update first). Should it
 * fail then, Telegram can no longer be asked to send it again, and the failure goes to the
 * bot's error handler (logged, the member apologised to).
 */
export function webhookRouter(options: WebhookOptions): WebRouter {
  const router = new Hono<WebEnv>();
  // grammY's own timeout answers the call but drops a failure that comes after it (it only
  // logs it to its debug channel): the deadline is kept here instead.
  const handle = webhookCallback(options.bot, 'hono', { secretToken: options.secret, timeoutMilliseconds: Infinity });
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  router.post(new URL(options.url).pathname, async (c) => {
    const update =
      c.req.header('x-telegram-bot-api-secret-token') === options.secret ? ((await c.req.json().catch(() => undefined)) as Update | undefined) : undefined;
    const handling = (async () => {
      if (update && options.bot.outage.isUnsure(update.update_id)) await options.bot.outage.release([update.update_id]);
      return handle(c);
    })();
    const outcome = await settledWithin(handling, timeoutMs);
    if (outcome === 'too slow') {
      // It may still wait behind an earlier update of its chat, unclaimed: recorded before
      // Telegram is told it was received, so a process killed now leaves it to the next.
      if (update && !(await recorded(update, c.get('log')))) {
        void handling.catch((error: unknown) => failedAfterAnswer(error, c.get('log')));
        return c.json({ error: 'The update could not be recorded; send it again later.' }, 503);
      }
      c.get('log').warn(
        { update_id: update?.update_id, timeout_ms: timeoutMs },
        'the update is still being handled: Telegram is answered, the handling goes on',
      );
      void handling.catch((error: unknown) => failedAfterAnswer(error, c.get('log')));
      return c.body('');
    }
    if (outcome.ok) return outcome.value;
    const { error } = outcome;
    const cause = error instanceof BotError ? error.error : error;
    const failed = error instanceof BotError ? error.ctx.update : update;
    if (failed && isDatabaseUnavailable(cause)) {
      c.get('log').warn({ err: cause, update_id: failed.update_id }, 'the database does not answer: Telegram will send this update again');
      options.bot.outage.unsure(failed.update_id);
      await options.bot.outage.tell(options.bot.api, failed);
      return c.json({ error: 'The database does not answer; send this update again later.' }, 503);
    }
    // grammY hands a failed update to bot.catch only when polling; a webhook call's failure
    // goes there too, so it is logged the one way and the member gets the apology. Not 2xx:
    // Telegram sends the update again.
    if (!(error instanceof BotError)) throw error;
    await options.bot.errorHandler(error);
    return c.json({ error: 'The update could not be handled; send it again.', requestId: c.get('requestId') }, 500);
  });

  async function recorded(update: Update, log: Logger): Promise<boolean> {
    const outcome = await settledWithin(options.bot.receive([update]), Math.min(RECORD_WAIT_MS, timeoutMs));
    if (outcome !== 'too slow' && outcome.ok) return true;
    const why = outcome === 'too slow' ? { wait_ms: Math.min(RECORD_WAIT_MS, timeoutMs) } : describeError(outcome.error);
    log.warn({ ...why, update_id: update.update_id }, 'could not record an update still being handled: Telegram will send it again');
    return false;
  }

  async function failedAfterAnswer(error: unknown, log: Logger): Promise<void> {
    try {
      if (error instanceof BotError) await options.bot.errorHandler(error);
      else log.error(describeError(error), 'an update failed after its webhook call was answered');
    } catch (e) {
      log.error(describeError(e), 'the error handler failed');
    }
  }
  return router;
}

/** The promise's outcome, or 'too slow' when it has not settled within `ms` (it is not stopped). */
async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<{ ok: true; value: T } | { ok: false; error: unknown } | 'too slow'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'too slow'>((resolve) => (timer = setTimeout(() => resolve('too slow'), ms)));
  try {
    return await Promise.race([
      promise.then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Registers the webhook with Telegram, with its secret and the update kinds the bot handles. */
export async function registerWebhook(options: WebhookOptions & { logger: Logger }): Promise<void> {
  await options.bot.init();
  await options.bot.api.setWebhook(options.url, { secret_token: options.secret, allowed_updates: [...ALLOWED_UPDATES] });
  options.logger.info({ path: '<webhook path>' }, 'bot listening for webhook calls');
}

/** How long a stopping webhook server waits for the answers of finished handlers to be sent. */
export const RESPONSE_GRACE_MS = 2_000;

/** Stops a server that takes webhook calls: no new calls, the handlers finish, their answers go out. */
export async function stopWebhookServer(server: { close(): Promise<void>; terminate(): void }, bot: SmeBot, logger: Logger): Promise<void> {
  const closed = server.close();
  await waitForHandlers(bot, logger);
  // A finished handler's 200 is still being written: cut now, and Telegram would send the
  // update again. Whatever is open after the grace is idle or stuck.
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, RESPONSE_GRACE_MS))]);
  server.terminate();
  await closed;
  logger.info('bot stopped');
}
