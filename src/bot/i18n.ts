import { I18n, type I18nFlavor } from '@grammyjs/i18n';
import { Composer, type Context } from 'grammy';
import type { Language } from '../text/language.ts';
import { DEFAULT_LOCALES_DIR } from '../i18n.ts';
import { inReadingDirection } from '../text/direction.ts';
import type { BotContextExtras } from './context.ts';

/** Telegram's language_code mapped onto the three languages we speak. */
export function languageFromTelegram(code: string | undefined): Language {
  const c = (code ?? '').toLowerCase();
  if (c === 'fa' || c.startsWith('fa-')) return 'fa';
  if (c.startsWith('zh')) return 'zh';
  return 'en';
}

/**
 * @grammyjs/i18n over locales/<lang>/*.ftl. The locale is decided once per update by the
 * member middleware (ctx.locale), so the negotiator only reads it. Fluent's bidi isolation
 * stays on: it keeps Latin names and numbers in place inside Persian text. `ctx.t` also starts
 * every Persian line right to left (text/direction.ts), as the app's Translator does.
 */
export function createI18n<C extends Context & I18nFlavor & Pick<BotContextExtras, 'locale'>>(localesDir = DEFAULT_LOCALES_DIR): Composer<C> {
  const i18n = new I18n<C>({
    defaultLocale: 'en',
    directory: localesDir,
    localeNegotiator: (ctx) => ctx.locale,
  });
  const composer = new Composer<C>(i18n);
  composer.use((ctx, next) => {
    const translate = ctx.translate;
    // Reads ctx.locale on every call: /language changes it in the middle of an update.
    ctx.translate = ctx.t = (key, variables) => inReadingDirection(ctx.locale, translate(key, variables));
    return next();
  });
  return composer;
}
