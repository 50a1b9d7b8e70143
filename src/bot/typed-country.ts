import type { Translator } from '../i18n.ts';
import { countryName } from '../answering/display.ts';
import { isCountryCode } from '../knowledge/experiences/rules.ts';
import { LANGUAGES } from '../text/language.ts';
import { normalize } from '../text/normalize.ts';

/** The countries the locales name (country-XX): members come from these most. */
const NAMED_COUNTRIES = ['IR', 'CN', 'AE', 'TR', 'HK', 'RU', 'IQ'] as const;

// Compared as the search compares words typed on a phone: any case, Chinese in either characters, Arabic ي and ك for Persian ی and ک.
const comparable = (text: string) => normalize(text, 'en');

/**
 * The country a member typed where their company's country is asked: a two-letter code (TR), or
 * the name of a country the bot names, in any of its languages (China, چین, 中國), as its buttons
 * show it; undefined for anything else.
 */
export function typedCountry(translator: Translator, text: string): string | undefined {
  const code = text.trim().toUpperCase();
  if (isCountryCode(code)) return code;
  const typed = comparable(text);
  if (typed === '') return undefined;
  return NAMED_COUNTRIES.find((c) => LANGUAGES.some((language) => comparable(countryName(translator, language, c)) === typed));
}
