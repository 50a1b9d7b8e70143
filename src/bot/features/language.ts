import { Composer } from 'grammy';
import { onPress } from '../callback-data.ts';
import { LANGUAGE } from '../callbacks.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { languageKeyboard } from '../keyboards.ts';

/** /language and the language buttons: the choice is stored on the member and wins over Telegram's. */
export function languageFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('language', async (ctx) => {
    // One's own language is chosen in private; a group's is its admins' /settings.
    if (ctx.chat.type !== 'private') return void (await ctx.reply(ctx.t('group-language-elsewhere')));
    await ctx.reply(ctx.t('bot-language-choose'), { reply_markup: languageKeyboard(ctx.t) });
  });

  onPress(composer, LANGUAGE, async (ctx, { language: chosen }) => {
    if (!ctx.member) return ctx.answerCallbackQuery();
    await deps.app.community.members.setLanguage(ctx.member.id, chosen);
    ctx.member = { ...ctx.member, language: chosen };
    ctx.locale = chosen;
    await ctx.answerCallbackQuery({ text: ctx.t('bot-language-set') });
    await ctx.reply(ctx.t('bot-language-set'));
  });
  return composer;
}
