import { I18n } from '@grammyjs/i18n';
import type { Context } from 'grammy';
import type { Language } from '../config.ts';
import { DEFAULT_LOCALES_DIR } from '../i18n.ts';
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
 * stays on: it keeps Latin names and numbers in place inside Persian text.
 */
export function createI18n<C extends Context & Pick<BotContextExtras, 'locale'>>(localesDir = DEFAULT_LOCALES_DIR): I18n<C> {
  return new I18n<C>({
    defaultLocale: 'en',
    directory: localesDir,
    localeNegotiator: (ctx) => ctx.locale,
  });
}
