import { autoRetry } from '@grammyjs/auto-retry';
import { conversations, type ConversationData, type VersionedState } from '@grammyjs/conversations';
import { sequentialize } from '@grammyjs/runner';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import { Bot, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { BotContext, BotDeps } from './context.ts';
import { conversationKey } from './conversation-key.ts';
import { createDbStorage } from './db-storage.ts';
import { apologise, lastResort } from './errors.ts';
import { installFeatures } from './features/index.ts';
import { translateReplies } from './i18n.ts';
import { cleanInput } from './middleware/clean-input.ts';
import { createInFlight, type InFlight } from './middleware/in-flight.ts';
import { intake } from './middleware/intake.ts';
import { refuseUnknownButtons } from './middleware/unknown-buttons.ts';
import { nameMemberInLogs, updateLogger } from './middleware/update-logger.ts';

/** The grammY bot plus a count of updates being handled (for a stop that leaves none half-done). */
export type SmeBot = Bot<BotContext> & { inFlight: InFlight };

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
  const bot = Object.assign(
    new Bot<BotContext>(token, {
      client: { ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) },
      ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    }),
    { inFlight: inFlight as InFlight },
  );
  if (options.throttle !== false) {
    bot.api.config.use(apiThrottler(options.throttle ?? { out: { maxConcurrent: 1, minTime: 0 } }));
  }
  // Installed last, so it wraps the throttler: a retried call is throttled again.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));

  const { app } = deps;
  bot.use(inFlight.middleware);
  // Updates of one chat run one after another (runner fetches concurrently); others in parallel.
  bot.use(sequentialize((ctx: Context) => ctx.chatId?.toString() ?? ctx.from?.id.toString()));
  bot.use(updateLogger(app.logger));
  bot.use(cleanInput);
  const conversationStorage = createDbStorage<VersionedState<ConversationData>>(app.db, CONVERSATION_NAMESPACE);
  bot.use(intake({ claimUpdate: app.community.claimUpdate, conversations: conversationStorage, conversationKey }));
  bot.use(nameMemberInLogs);
  bot.use(translateReplies(app.translator));
  bot.use(refuseUnknownButtons);
  bot.use(
    conversations<BotContext, Context>({
      storage: { type: 'key', version: CONVERSATION_VERSION, adapter: conversationStorage, getStorageKey: conversationKey },
    }),
  );
  // A failing feature costs the member one apology, never the bot.
  installFeatures(bot.errorBoundary(apologise), deps);
  bot.catch(lastResort(app));
  return bot;
}
