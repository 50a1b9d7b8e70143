import { createConversation } from '@grammyjs/conversations';
import { Composer, type Context } from 'grammy';
import type { BotContext, BotDeps } from '../context.ts';
import { replyScript } from '../i18n.ts';
import { createShareConversation, SHARE_CONVERSATION, type ShareArgs } from './share/conversation.ts';

// A member who walks away mid-/share gets the bot back for questions after this long.
const MAX_WAIT_MS = 6 * 60 * 60 * 1000;

/**
 * /share: a guided contribution saved as `pending` for review, and /cancel to leave it at any
 * step. Needs the conversations plugin (createBot installs it, with its state in the database)
 * and must come before any handler of plain text, or the answers are taken for questions.
 */
export function shareFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  // Before the conversation itself, so /cancel reaches us rather than the step waiting for text.
  composer.command('cancel', async (ctx, next) => {
    if (ctx.conversation.active(SHARE_CONVERSATION) === 0) return next();
    await ctx.conversation.exit(SHARE_CONVERSATION);
    await ctx.reply(ctx.t('share-cancelled'));
  });

  // Erasing one's data must never wait for a form to be finished: the unsaved draft goes first
  // (it is the member's data too), then /forget goes on to its own handler.
  composer.command('forget', async (ctx, next) => {
    if (ctx.conversation.active(SHARE_CONVERSATION) > 0) await ctx.conversation.exit(SHARE_CONVERSATION);
    await next();
  });

  composer.use(createConversation<BotContext, Context>(createShareConversation(deps), { id: SHARE_CONVERSATION, maxMillisecondsToWait: MAX_WAIT_MS }));

  composer.command('share', async (ctx, next) => {
    // In the middle of another conversation (editing a contribution): let that one say it is busy.
    if (Object.keys(ctx.conversation.active()).some((id) => id !== SHARE_CONVERSATION)) return next();
    if (ctx.chat.type !== 'private') {
      await ctx.reply(ctx.t('share-private-only'));
      return;
    }
    const args: ShareArgs = { locale: ctx.locale, ...replyScript(ctx) };
    await ctx.conversation.enter(SHARE_CONVERSATION, args);
  });
  return composer;
}
