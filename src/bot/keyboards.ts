import { InlineKeyboard } from 'grammy';
import { LANGUAGES } from '../text/language.ts';
import type { Translate } from './render/story.ts';
import { LANGUAGE } from './callbacks.ts';

/** The three languages, each named in itself, one press away. */
export function languageKeyboard(t: Translate): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const lang of LANGUAGES) kb.text(t(`bot-language-name-${lang}`), LANGUAGE.encode({ language: lang }));
  return kb;
}
