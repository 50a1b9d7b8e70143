import { autoRetry } from '@grammyjs/auto-retry';
import { conversations, type ConversationData, type VersionedState } from '@grammyjs/conversations';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import { Bot, BotError, type Context, type Transformer } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import type { BotContext, BotDeps } from './context.ts';
import { conversationKey } from './conversation-key.ts';
import { createOutageNotice, type OutageNotice } from './database-outage.ts';
import { createDbStorage } from './db-storage.ts';
import { apologise, lastResort } from './errors.ts';
import { installFeatures } from './features/index.ts';
import { translateReplies } from './i18n.ts';
import { inChatOrder } from './middleware/chat-order.ts';
import { cleanInput, cleanUpdate } from './middleware/clean-input.ts';
import { createInFlight, type InFlight } from './middleware/in-flight.ts';
import { intake } from './middleware/intake.ts';
import { refuseUnknownButtons } from './middleware/unknown-buttons.ts';
import { nameMemberInLogs, updateLogger } from './middleware/update-logger.ts';
import { createUpdateProgress, type UpdateProgress } from './update-progress.ts';
import { withoutEmptyKeyboardRows } from './keyboard-rows.ts';

/**
 * The grammY bot plus a count of updates being handled (for a stop that leaves none half-done),
 * which updates are safely taken (for polling to confirm them), and the notice for members who
 * write while the database does not answer.
 */
export type SmeBot = Bot<BotContext> & {
  inFlight: InFlight;
  progress: UpdateProgress;
  outage: OutageNotice;
  /**
   * Records fetched updates in the database before Telegram is told they were received, so a
   * process killed before handling them leaves them for another (update-claims.ts). Cleans them
   * of control characters in place, as at intake.
   */
  receive: (updates: Update[]) => Promise<void>;
  /**
   * Takes over the updates a process that died left received or half-handled (Telegram, told they
   * were received, will not send them again) and starts handling them. Resolves once they stand
   * in their chats' lines, so a chat's later updates come after them: with how many (`taken`),
   * and `handled`, which resolves once they are handled. Run at start and now and then.
   */
  takeOverUnfinished: () => Promise<{ taken: number; handled: Promise<void> }>;
};

export type ThrottlerOptions = Parameters<typeof apiThrottler>[0];

export interface CreateBotOptions {
  /** Bot API server root without a trailing slash (a self-hosted server, or the emulator). */
  apiRoot?: string;
  /** Skips getMe at start when known (webhook processes, tests). */
  botInfo?: UserFromGetMe;
  /**
   * Outgoing-call limits. Defaults to Telegram's published global and group limits; private
   * chats are not spaced out, since a member's answer and its typing action come in a burst
   * Telegram allows (auto-retry still waits out any 429). `false` turns throttling off — for
   * a Bot API server without Telegram's limits, such as the emulator in benchmarks.
   */
  throttle?: ThrottlerOptions | false;
}

// The conversations' rows in `sessions` are keyed `conversation:<conversationKey>`.
const CONVERSATION_NAMESPACE = 'conversation';
// Bump when a conversation's steps change shape: older replay state would no longer fit.
// 2: /share reads the member first and asks the country and whether to be named.
const CONVERSATION_VERSION = 2;

/**
 * The bot with every feature installed, talking to `options.apiRoot`. It does not start
 * fetching updates: see run.ts (polling) and src/web/server.ts (webhook).
 */
export function createBot(token: string, deps: BotDeps, options: CreateBotOptions = {}): SmeBot {
  const inFlight = createInFlight();
  const progress = createUpdateProgress();
  const outage = createOutageNotice(deps.app.translator, deps.app.logger, deps.app.db);
  const bot = Object.assign(
    new Bot<BotContext>(token, {
      client: { ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) },
      ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    }),
    // Filled in below, once the bot they use exists.
    {
      inFlight: inFlight as InFlight,
      progress,
      outage,
      receive: async () => {},
      takeOverUnfinished: async () => ({ taken: 0, handled: Promise.resolve() }),
    } as Pick<SmeBot, 'inFlight' | 'progress' | 'outage' | 'receive' | 'takeOverUnfinished'>,
  );
  // Every call to Telegram goes through these, in this order (the last installed runs first).
  const throttle = options.throttle === false ? undefined : apiThrottler(options.throttle ?? { out: { maxConcurrent: 1, minTime: 0 } });
  // Wraps the throttler: a retried call is throttled again. Not for getUpdates: polling retries
  // it itself (polling.ts), seen in the logs and with a capped backoff, where auto-retry would
  // retry a refused connection silently for ever, backing off up to an hour between tries.
  const autoRetryOf = autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: deps.app.config.telegramMaxRetryWaitMs / 1000 });
  const retry: Transformer = (prev, method, payload, signal) =>
    method === 'getUpdates' ? prev(method, payload, signal) : autoRetryOf(prev, method, payload, signal);
  for (const transformer of [withoutEmptyKeyboardRows, ...(throttle ? [throttle] : []), retry]) bot.api.config.use(transformer);
  // A conversation's steps call Telegram through a fresh Api the conversations plugin builds for
  // each replay, without the bot's transformers: a 429 there failed the step at once. These wrap
  // the plugin's own, which answers a replayed call from its log, so they see replays too: not
  // the throttler (a replayed call would wait its turn, a second a call in a private chat, and a
  // long /share was replayed for minutes), only what costs nothing on a replay. A step replayed
  // after a 429 waits its retry_after again; Telegram rarely sends one in a private chat.
  const inConversations: Transformer[] = [withoutEmptyKeyboardRows, retry];

  const { app } = deps;
  // Before anything keeps the update (the chat queue, the claim's copy) or reads it.
  bot.use(cleanInput);
  bot.use(inFlight.middleware);
  // Updates of one chat run one after another (runner fetches concurrently), others in parallel;
  // none waits behind its chat's previous update longer than a question may take.
  bot.use(
    inChatOrder({
      key: (ctx) => ctx.chatId?.toString() ?? ctx.from?.id.toString(),
      maxWaitMs: app.config.questionBudgetMs,
      onQueued: (ctx) => progress.settle(ctx.update.update_id),
      onOvertaking: (ctx) => app.logger.warn({ update_id: ctx.update.update_id }, "the chat's previous update is still running; handling this one meanwhile"),
    }),
  );
  bot.use(updateLogger(app.logger));
  const conversationStorage = createDbStorage<VersionedState<ConversationData>>(app.db, CONVERSATION_NAMESPACE);
  const claimUpdate: typeof app.community.claimUpdate = async (update) => {
    const claim = await app.community.claimUpdate(update);
    // Recorded in the database: Telegram need not keep it, and the database answers again.
    progress.settle(update.updateId);
    outage.over();
    return claim;
  };
  bot.use(intake({ claimUpdate, finishUpdate: app.community.finishUpdate, conversations: conversationStorage, conversationKey }));
  bot.use(nameMemberInLogs);
  bot.use(translateReplies(app.translator));
  bot.use(refuseUnknownButtons);
  bot.use(
    conversations<BotContext, Context>({
      storage: { type: 'key', version: CONVERSATION_VERSION, adapter: conversationStorage, getStorageKey: conversationKey },
      plugins: [
        (ctx, next) => {
          for (const transformer of inConversations) ctx.api.config.use(transformer);
          return next();
        },
      ],
    }),
  );
  // A failing feature costs the member one apology, never the bot.
  installFeatures(bot.errorBoundary(apologise), { ...deps, ...(options.apiRoot ? { telegramApiRoot: options.apiRoot } : {}) });
  bot.catch(lastResort(app));
  bot.receive = async (updates) => {
    for (const update of updates) cleanUpdate(update);
    await app.community.recordReceivedUpdates(updates);
  };
  bot.takeOverUnfinished = async () => {
    const updates = (await app.community.takeOverUnfinishedUpdates()) as Update[];
    if (updates.length === 0) return { taken: 0, handled: Promise.resolve() };
    app.logger.info({ updates: updates.length }, 'handling the updates a stopped process left received or half-handled');
    // In chat order like any update (inChatOrder: each call reaches its chat's line synchronously,
    // oldest first); a failure is the bot's to log, as for any update.
    const handled = Promise.all(
      updates.map((update) =>
        bot
          .handleUpdate(update)
          .catch((error: unknown) =>
            error instanceof BotError ? bot.errorHandler(error) : app.logger.error({ err: error, update_id: update.update_id }, 'a taken-over update failed'),
          ),
      ),
    ).then(() => undefined);
    return { taken: updates.length, handled };
  };
  return bot;
}
