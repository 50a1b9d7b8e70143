import { conversations, createConversation, type ConversationData, type VersionedState } from '@grammyjs/conversations';
import { Composer, type Context, type MiddlewareFn } from 'grammy';
import type { BotContext, BotDeps } from '../context.ts';
import { createDbStorage } from '../db-storage.ts';
import { createShareConversation, SHARE_CONVERSATION, type ShareArgs } from './share/conversation.ts';

// Bump when the conversation's steps change shape: old replay state would no longer fit.
const CONVERSATION_VERSION = 1;
// A member who walks away mid-/share gets the bot back for questions after this long.
const MAX_WAIT_MS = 6 * 60 * 60 * 1000;

/**
 * The conversations plugin with its state in the database (never memory), so a /share in
 * progress survives a restart and works with several bot processes. Installed here unless the
 * bot already installed it further up.
 */
export function conversationsMiddleware(deps: BotDeps): MiddlewareFn<BotContext> {
  const plugin = conversations<BotContext, Context>({
    storage: {
      type: 'key',
      version: CONVERSATION_VERSION,
      adapter: createDbStorage<VersionedState<ConversationData>>(deps.app.db, 'conversation'),
    },
  });
  return (ctx, next) => ('conversation' in ctx && ctx.conversation ? next() : plugin(ctx, next));
}

/**
 * /share: a guided contribution saved as `pending` for review, and /cancel to leave it at any
 * step. Install before any handler of plain text, or the answers are taken for questions.
 */
export function shareFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(conversationsMiddleware(deps));

  // Before the conversation itself, so /cancel reaches us rather than the step waiting for text.
  composer.command('cancel', async (ctx, next) => {
    if (ctx.conversation.active(SHARE_CONVERSATION) === 0) return next();
    await ctx.conversation.exit(SHARE_CONVERSATION);
    await ctx.reply(ctx.t('share-cancelled'));
  });

  composer.use(createConversation<BotContext, Context>(createShareConversation(deps), { id: SHARE_CONVERSATION, maxMillisecondsToWait: MAX_WAIT_MS }));

  composer.command('share', async (ctx) => {
    if (ctx.chat.type !== 'private') {
      await ctx.reply(ctx.t('share-private-only'));
      return;
    }
    const args: ShareArgs = { locale: ctx.locale };
    await ctx.conversation.enter(SHARE_CONVERSATION, args);
  });
  return composer;
}
