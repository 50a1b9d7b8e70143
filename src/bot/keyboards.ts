import { InlineKeyboard } from 'grammy';
import { LANGUAGES } from '../config.ts';
import type { Translate } from './render/story.ts';

/** The three languages, each named in itself, one press away. */
export function languageKeyboard(t: Translate): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const lang of LANGUAGES) kb.text(t(`bot-language-name-${lang}`), `lang:${lang}`);
  return kb;
}
