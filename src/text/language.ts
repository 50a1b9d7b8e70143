/** Languages the product speaks; also the kb-format language codes. */
export const LANGUAGES = ['fa', 'zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Whether `value` is one of the languages we speak (a stored or typed code). */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

// Han characters carry roughly a word each and Latin letters a fifth of one, so raw counts
// are weighted before comparing; a few Latin brand names in a Persian or Chinese message
// must not flip it to English.
const HAN_WEIGHT = 2;
const LATIN_WEIGHT = 1 / 3;

const ARABIC_LETTER = new RegExp(String.raw`[\p{Script=Arabic}&&\p{L}]`, 'v');
const HAN = /\p{Script=Han}/u;
const OTHER_LETTER = /\p{L}/u;

/**
 * Guesses the language of a message from the scripts it is written in: Arabic script is
 * taken as Persian, Han as Chinese, any other letters as English. Text without letters
 * (empty, digits, emoji, punctuation) gives `fallback`.
 */
export function detectLanguage(text: string, fallback: Language = 'en'): Language {
  let arabic = 0;
  let han = 0;
  let other = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) other++;
    } else if (ARABIC_LETTER.test(ch)) arabic++;
    else if (HAN.test(ch)) han++;
    else if (OTHER_LETTER.test(ch)) other++;
  }
  const fa = arabic;
  const zh = han * HAN_WEIGHT;
  const en = other * LATIN_WEIGHT;
  if (fa === 0 && zh === 0 && en === 0) return fallback;
  if (fa >= zh && fa >= en) return 'fa';
  if (zh >= en) return 'zh';
  return 'en';
}
