import { Composer } from 'grammy';
import type { BotContext, BotDeps } from '../context.ts';
import { groupReplyWords } from '../chat-language.ts';

/**
 * Whatever no feature took: in a private chat, say what the bot can do (photos, voice,
 * stickers, files, unknown commands) or that there is nothing to cancel, and in a group that
 * there is nothing to cancel (in the group's language); a stale button gets a short notice
 * instead of a spinner that never stops. Installed last.
 */
export function fallbackFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('bot-button-expired') }));
  const priv = composer.chatType('private');
  // /cancel reaches here only when nothing (no /share, no /profile) was under way.
  priv.command('cancel', (ctx) => ctx.reply(ctx.t('bot-nothing-to-cancel')));
  priv.on('message:text', (ctx) => ctx.reply(ctx.t('bot-unknown-command')));
  priv.on('message', (ctx) => ctx.reply(ctx.t('bot-other-input')));
  // In a group, as short: nothing else is said there to what no feature took.
  composer.chatType(['group', 'supergroup']).command('cancel', async (ctx) => {
    const { language } = await deps.app.community.groups.standing(ctx.chat.id);
    const t = groupReplyWords(deps.app.translator, language, ctx.t);
    await ctx.reply(t('group-nothing-to-cancel'), { reply_parameters: { message_id: ctx.message.message_id } });
  });
  return composer;
}
