import type { Context, NextFunction } from 'grammy';
import type { TranslationArgs, Translator } from '../i18n.ts';
import type { Language } from '../text/language.ts';
import { inScript } from '../text/chinese-convert.ts';

/** Telegram's language_code mapped onto the three languages we speak. */
export function languageFromTelegram(code: string | undefined): Language {
  const c = (code ?? '').toLowerCase();
  if (c === 'fa' || c.startsWith('fa-')) return 'fa';
  if (c.startsWith('zh')) return 'zh';
  return 'en';
}

/** What `translateReplies` adds to a context. */
export interface TranslationFlavor {
  /** The message `key` in this update's language (ctx.locale at the moment of the call) and the member's Chinese characters (ctx.script). */
  t(key: string, args?: TranslationArgs): string;
}

/**
 * `ctx.t` through the application's one Translator, so the bot, the conversations, the outbox
 * and the command line word things from the same Fluent bundles. It reads ctx.locale on every
 * call: /language changes it in the middle of an update.
 */
export function translateReplies(translator: Translator) {
  return (ctx: Context & TranslationFlavor & { locale: Language; script?: 'traditional' }, next: NextFunction): Promise<void> => {
    ctx.t = (key, args) => wordsFor(translator, ctx.locale, ctx.script)(key, args);
    return next();
  };
}

/**
 * The translator's messages in `locale`, in the characters the member writes Chinese in (`script`,
 * see intake): ctx.t, for a conversation, which keeps the two in its arguments.
 */
export function wordsFor(translator: Translator, locale: Language, script: 'traditional' | undefined): TranslationFlavor['t'] {
  return (key, args) => inScript(locale === 'zh' ? script : undefined, translator.t(locale, key, args));
}

/** The characters of the bot's Chinese words to this update's member: theirs while the update is answered in Chinese (see wordsFor). */
export function replyScript(ctx: { locale: Language; script?: 'traditional' }): { script?: 'traditional' } {
  return ctx.locale === 'zh' && ctx.script ? { script: ctx.script } : {};
}
