import { Composer } from 'grammy';
import { LANGUAGES, type Language } from '../../config.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { languageKeyboard } from '../keyboards.ts';

const isLanguage = (v: string): v is Language => (LANGUAGES as readonly string[]).includes(v);

/** /language and the language buttons: the choice is stored on the member and wins over Telegram's. */
export function languageFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('language', (ctx) => ctx.reply(ctx.t('bot-language-choose'), { reply_markup: languageKeyboard(ctx.t) }));

  composer.callbackQuery(/^lang:(\w+)$/, async (ctx) => {
    const chosen = ctx.match[1]!;
    if (!isLanguage(chosen) || !ctx.member) return ctx.answerCallbackQuery();
    await deps.app.community.members.setLanguage(ctx.member.id, chosen);
    ctx.member = { ...ctx.member, language: chosen };
    ctx.locale = chosen;
    await ctx.i18n.renegotiateLocale();
    await ctx.answerCallbackQuery({ text: ctx.t('bot-language-set') });
    await ctx.reply(ctx.t('bot-language-set'));
  });
  return composer;
}
