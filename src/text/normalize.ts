import type { Language } from './language.ts';
import { toSimplified } from './chinese-convert.ts';

// One table for every character that is rewritten or removed; characters absent from it
// but matched by CHARS_TO_MAP (diacritics, tatweel, invisible marks) are removed.
const CHAR_MAP: Readonly<Record<string, string>> = (() => {
  const map: Record<string, string> = {
    '\u064A': 'ی', // Arabic yeh
    '\u0649': 'ی', // alef maksura
    '\u0626': 'ی', // yeh with hamza: مسئول / مسیول are typed both ways
    '\u0643': 'ک', // Arabic kaf
    '\u0629': 'ه', // teh marbuta
    '\u06C0': 'ه', // heh with yeh above (ۀ)
    '\u06C1': 'ه',
    '\u06D5': 'ه',
    '\u0623': 'ا', // alef with hamza above: تأمین / تامین
    '\u0625': 'ا',
    '\u0671': 'ا',
    '\u0624': 'و',
    '\u066B': '.', // Arabic decimal separator
    '\u066C': ',', // Arabic thousands separator
    '\u060C': ',',
    '\u061B': ';',
    '\u061F': '?',
    '\u2018': "'",
    '\u2019': "'",
    '\u02BC': "'",
  };
  for (let d = 0; d < 10; d++) {
    map[String.fromCharCode(0x06f0 + d)] = String(d); // Persian digits
    map[String.fromCharCode(0x0660 + d)] = String(d); // Arabic-Indic digits
  }
  return map;
})();

const CHARS_TO_MAP = new RegExp(
  '[' +
    Object.keys(CHAR_MAP).join('') +
    '\u0621' + // bare hamza
    '\u064B-\u065F\u0670\u06D6-\u06ED' + // harakat, tanween, shadda, sukun, Quranic marks
    '\u0640' + // tatweel
    '\u200B\u200D\u200E\u200F\u2060\uFEFF\u00AD\u061C' + // invisible marks except ZWNJ
    ']',
  'g',
);

// ZWNJ next to a space or another ZWNJ is a typing habit, not a word-internal half-space.
const SPACES = /[\s\u200C]*\s[\s\u200C]*/g;
const ZWNJ_RUN = /\u200C{2,}/g;
const EDGE_ZWNJ = /^\u200C+|\u200C+$/g;
const THOUSANDS_SEPARATOR = /(?<=\d),(?=\d{3}(?!\d))/g;
const HAN = /\p{Script=Han}/u;

/**
 * Canonical form of a text for matching: Unicode compatibility forms folded (full-width
 * letters and digits become ASCII), Arabic letter variants mapped to Persian ones,
 * diacritics and tatweel removed, Persian and Arabic digits made ASCII, traditional Chinese
 * made simplified, lower case, whitespace collapsed. Each script is handled wherever it
 * appears, so `language` does not change the result; it is accepted for symmetry with
 * `searchTokens`.
 */
export function normalize(text: string, language: Language): string {
  void language;
  let s = text.normalize('NFKC');
  s = s.replace(CHARS_TO_MAP, (ch) => CHAR_MAP[ch] ?? '');
  s = s.replace(THOUSANDS_SEPARATOR, '');
  if (HAN.test(s)) s = toSimplified(s);
  s = s.toLowerCase();
  s = s.replace(SPACES, ' ').replace(ZWNJ_RUN, '\u200C').replace(EDGE_ZWNJ, '');
  return s.trim();
}
