import type { UpdateSupplier } from '@grammyjs/runner';
import { BotError } from 'grammy';
import type { Update } from 'grammy/types';
import { isDatabaseUnavailable } from '../db/db.ts';
import type { Logger } from '../log.ts';
import type { SmeBot } from './bot.ts';
import { describeError } from './errors.ts';

/** getUpdates' retry after a failure: starts short, doubles, and stays under this, so polling is back within seconds of Telegram. */
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 3_000;
/** While a failure lasts, it is logged again at most this often. */
const REPEAT_WARNING_MS = 60_000;
/** A long poll that gets no answer at all this long after its own timeout is given up as a silent network. */
const SILENT_POLL_MARGIN_MS = 15_000;
/** While the database does not answer: how often it is tried, and how often Telegram is asked who else wrote. */
const DATABASE_RETRY_MAX_MS = 2_000;
const PEEK_EVERY_MS = 3_000;

export interface PollingOptions {
  pollTimeoutSeconds: number;
  allowedUpdates: readonly string[];
  /** How long getUpdates may keep failing (any failure but 401 and 409) before polling gives up. */
  giveUpAfterMs: number;
}

/** Polling gave up on an unreachable Telegram after `options.giveUpAfterMs`. */
export class TelegramUnreachableError extends Error {
  constructor(
    readonly failingForMs: number,
    options: { cause: unknown },
  ) {
    super(`getUpdates failed for ${Math.round(failingForMs / 1000)} s`, options);
    this.name = 'TelegramUnreachableError';
  }
}

/**
 * Where the runner takes updates from and gives them to. Unlike the runner's own fetcher it
 * - records each batch in the database before it is handled, so a batch is never confirmed
 *   before it is recorded (a process killed with updates in hand leaves them to the next);
 * - confirms a batch (asks for the next offset) only when each of its updates has settled
 *   (bot.progress), and not past an update whose handling failed because the database did not
 *   answer: fetching then pauses until the database answers and starts again from that update
 *   (those handled meanwhile are skipped by their claim). Members who write meanwhile are told
 *   once that their answer will come;
 * - logs a failing getUpdates with its cause, then once a minute, and when Telegram is back;
 *   retries with a capped backoff; and gives up after `giveUpAfterMs`, refused connections included.
 */
export function createPolling(bot: SmeBot, logger: Logger, options: PollingOptions) {
  /** The next offset to ask for, and the one last sent (updates below it are confirmed). */
  let offset = 0;
  let sentOffset = 0;
  let settling: Promise<void> = Promise.resolve();
  /** During a database outage: the first unconfirmed update that failed, and failed updates already confirmed. */
  let databaseDown = false;
  let held: number | undefined;
  let parked: Update[] = [];

  const supplier: UpdateSupplier<Update> = {
    async supply(batchSize, runnerSignal) {
      const signal = nativeSignal(runnerSignal);
      await untilAborted(settling, signal);
      if (databaseDown) {
        await untilDatabaseAnswers(signal);
        if (held !== undefined) offset = held;
        held = undefined;
        databaseDown = false;
        bot.outage.over();
        if (parked.length > 0) {
          const again = parked.sort((a, b) => a.update_id - b.update_id);
          parked = [];
          logger.info({ updates: again.length }, 'the database answers again: handling the updates that waited for it');
          return taken(again);
        }
        logger.info({ offset }, 'the database answers again: fetching the updates that waited for it');
      }
      const limit = Math.max(1, Math.min(batchSize, 100));
      const updates = await getUpdates({ offset, limit, timeout: options.pollTimeoutSeconds }, signal);
      if (updates.length === 0 || !(await recorded(updates))) return [];
      offset = updates.at(-1)!.update_id + 1;
      return taken(updates);
    },
  };

  /**
   * Records the batch before the next getUpdates confirms it (bot.receive): its updates may wait
   * in memory behind earlier ones of their chats, and a process killed meanwhile leaves them to
   * whoever takes over. When the database does not answer, the batch is not confirmed: fetching
   * waits for the database and starts again from it; its senders are told the answer will come.
   */
  async function recorded(updates: Update[]): Promise<boolean> {
    try {
      await bot.receive(updates);
      return true;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) {
        // Not for want of a database (a bug): handled all the same, each claimed as it comes.
        logger.error({ ...describeError(error), updates: updates.length }, 'could not record the fetched updates; handling them unrecorded');
        return true;
      }
      if (!databaseDown)
        logger.warn({ ...describeError(error), update_id: updates[0]!.update_id }, 'the database does not answer: updates wait for it, unconfirmed');
      databaseDown = true;
      held = Math.min(held ?? Infinity, updates[0]!.update_id);
      for (const update of updates) await bot.outage.tell(bot.api, update);
      return false;
    }
  }

  function taken(updates: Update[]): Update[] {
    settling = bot.progress.track(updates.map((u) => u.update_id));
    return updates;
  }

  /** The runner's consumer: an update the database could not take is kept for when it can. */
  async function consume(update: Update): Promise<void> {
    try {
      await bot.handleUpdate(update);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      // The inner error: a BotError carries the context, and with it the bot token.
      const cause = error instanceof BotError ? error.error : error;
      if (!databaseDown)
        logger.warn({ ...describeError(cause), update_id: update.update_id }, 'the database does not answer: updates wait for it, unconfirmed');
      databaseDown = true;
      bot.outage.unsure(update.update_id);
      if (update.update_id >= sentOffset) held = Math.min(held ?? Infinity, update.update_id);
      else parked.push(update);
      await bot.outage.tell(bot.api, update);
    } finally {
      bot.progress.settle(update.update_id);
    }
  }

  let failingSince: number | undefined;
  let warnedAt = 0;

  async function getUpdates(args: { offset: number; limit: number; timeout: number }, signal: AbortSignal): Promise<Update[]> {
    let retryIn = RETRY_FIRST_MS;
    for (;;) {
      try {
        sentOffset = args.offset;
        const call = AbortSignal.any([signal, AbortSignal.timeout(args.timeout * 1000 + SILENT_POLL_MARGIN_MS)]);
        const updates = await bot.api.getUpdates({ ...args, allowed_updates: [...options.allowedUpdates] as never }, call as GrammySignal);
        if (failingSince !== undefined) logger.info({ down_ms: Date.now() - failingSince }, 'Telegram answers again; polling resumed');
        failingSince = undefined;
        return updates;
      } catch (error) {
        if (signal.aborted) throw error;
        const code = errorCode(error);
        if (code === 401 || code === 409) throw error;
        const now = Date.now();
        failingSince ??= now;
        if (now - warnedAt >= REPEAT_WARNING_MS || warnedAt < failingSince) {
          warnedAt = now;
          logger.warn({ ...describeError(error), failing_ms: now - failingSince }, 'fetching updates from Telegram failed; retrying');
        }
        if (now - failingSince >= options.giveUpAfterMs) throw new TelegramUnreachableError(now - failingSince, { cause: error });
        const wait = Math.min(retryAfterMs(error) ?? retryIn, failingSince + options.giveUpAfterMs - now);
        retryIn = Math.min(retryIn * 2, RETRY_MAX_MS);
        await sleep(Math.max(wait, 0), signal);
      }
    }
  }

  async function untilDatabaseAnswers(signal: AbortSignal): Promise<void> {
    let retryIn = RETRY_FIRST_MS;
    let peekedAt = 0;
    const seen = new Set<number>();
    for (;;) {
      try {
        // Before they are fetched again; also the proof that the database answers again.
        await bot.outage.release();
        return;
      } catch (error) {
        if (signal.aborted) throw error;
        if (!isDatabaseUnavailable(error)) logger.warn(describeError(error), 'checking the database failed');
      }
      if (Date.now() - peekedAt >= PEEK_EVERY_MS) {
        peekedAt = Date.now();
        await tellWhoWroteMeanwhile(seen, signal);
      }
      await sleep(retryIn, signal);
      retryIn = Math.min(retryIn * 2, DATABASE_RETRY_MAX_MS);
    }
  }

  /** Looks at what waits at Telegram without confirming any of it, and tells new senders their answer will come. */
  async function tellWhoWroteMeanwhile(seen: Set<number>, signal: AbortSignal): Promise<void> {
    try {
      const from = held ?? offset;
      sentOffset = Math.max(sentOffset, from);
      const waiting = await bot.api.getUpdates(
        { offset: from, limit: 100, timeout: 0, allowed_updates: [...options.allowedUpdates] as never },
        signal as GrammySignal,
      );
      for (const update of waiting) {
        if (seen.has(update.update_id)) continue;
        seen.add(update.update_id);
        await bot.outage.tell(bot.api, update);
      }
    } catch (error) {
      if (!signal.aborted) logger.debug(describeError(error), 'could not look at the updates waiting at Telegram');
    }
  }

  return {
    supplier,
    consume,
    /** Updates that failed during an outage and were already confirmed (they are lost if the process stops now). */
    get parked(): number {
      return parked.length;
    },
  };
}

/** grammY and the runner type signals with the abort-controller polyfill's class; Node's own work alike at run time. */
type GrammySignal = Parameters<SmeBot['api']['getUpdates']>[1];
type RunnerSignal = Parameters<UpdateSupplier<Update>['supply']>[1];

/** The runner's signal as Node's own, which AbortSignal.any accepts. */
function nativeSignal(signal: RunnerSignal): AbortSignal {
  const controller = new AbortController();
  if (signal.aborted) controller.abort();
  else signal.addEventListener('abort', () => controller.abort(), { once: true });
  return controller.signal;
}

function errorCode(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'error_code' in error ? (error as { error_code: number }).error_code : undefined;
}

function retryAfterMs(error: unknown): number | undefined {
  const seconds = (error as { parameters?: { retry_after?: unknown } } | null)?.parameters?.retry_after;
  return typeof seconds === 'number' ? seconds * 1000 : undefined;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => (clearTimeout(timer), signal.removeEventListener('abort', done), resolve());
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Waits for `promise`, or until the stop: a stop never waits for updates to settle. */
function untilAborted(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(), { once: true });
    void promise.then(() => resolve());
  });
}
