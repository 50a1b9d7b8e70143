import type { Language } from '../../text/language.ts';
import { normalize } from '../../text/normalize.ts';
import { COMPANY_WORDS, type CompanyWord } from './company-words.ts';
import { PLACES, type Place } from './gazetteer.ts';
import { PERSIAN_PROPER_WORDS } from './persian-proper-words.ts';
import { pinyinWords, romanizeChinesePerson, romanizeChineseText } from './romanize-chinese.ts';
import { romanizePersian, romanizePersianWord } from './romanize-persian.ts';

/** The scripts a name is written in that matter here: Persian, Chinese, or Latin (anything else). */
type Script = 'fa' | 'zh' | 'latin';

const HAN = /\p{Script=Han}/u;
const ARABIC = /\p{Script=Arabic}/u;

function scriptOf(text: string): Script {
  if (HAN.test(text)) return 'zh';
  if (ARABIC.test(text)) return 'fa';
  return 'latin';
}

/** Every reader reads Latin letters; Persian and Chinese readers their own script too. */
const READS: Record<Language, readonly Script[]> = { fa: ['fa', 'latin'], zh: ['zh', 'latin'], en: ['latin'] };

/** A stored name as a reader is shown it; `original` is the stored form when that is not what is shown. */
export interface ShownName {
  shown: string;
  original?: string;
}

function shownAs(stored: string, shown: string): ShownName {
  // A name of nothing but marks romanises to nothing: then it is shown as stored.
  return shown === stored || !shown.trim() ? { shown: stored } : { shown, original: stored };
}

// ---- places

// The words around a place's name that a record may or may not carry: 市 / 省 / 县 / 区, "استان", "city".
const CHINESE_PLACE_SUFFIX = /[市省县区]$/u;
const PERSIAN_PROVINCE = /^استان/u;
const ENGLISH_PLACE_WORD = /(city|province)$/;

/** A spelling reduced to what tells places apart: normalised as the search does, without spaces, hyphens, apostrophes, half-spaces or place words. */
function placeKey(spelling: string): string {
  const key = normalize(spelling, 'en').replace(/[\s\u200C\-'’‘`.]/g, '');
  return key.replace(CHINESE_PLACE_SUFFIX, '').replace(PERSIAN_PROVINCE, '').replace(ENGLISH_PLACE_WORD, '');
}

const PLACE_BY_KEY: ReadonlyMap<string, Place> = (() => {
  const map = new Map<string, Place>();
  for (const place of PLACES) for (const s of place.spellings) if (!map.has(placeKey(s))) map.set(placeKey(s), place);
  return map;
})();

/** A city or province of the gazetteer, from any of its spellings. */
export function knownPlace(stored: string): Place | undefined {
  const key = placeKey(stored);
  return key ? PLACE_BY_KEY.get(key) : undefined;
}

/** A city as the reader names it: the gazetteer's form in their language, else the stored name if they can read it, else romanised. */
export function placeName(stored: string, reader: Language): ShownName {
  const place = knownPlace(stored);
  if (place) return shownAs(stored, place[reader]);
  const script = scriptOf(stored);
  if (READS[reader].includes(script)) return { shown: stored };
  return shownAs(stored, script === 'zh' ? romanizeChineseText(stored.trim().replace(CHINESE_PLACE_SUFFIX, '')) : romanizePersian(normalize(stored, 'fa')));
}

// ---- companies

/** One word of a company name as it reads in Latin letters, and what it is. */
type NamePart = { latin: string; kind: 'legal' | 'trade' | 'proper' };

/** The longest of `max`, `max - 1`, … 1 units that `lookup` knows, with its length. */
function longestMatch<T>(max: number, lookup: (length: number) => T | undefined): [T, number] | undefined {
  for (let length = max; length > 0; length--) {
    const found = lookup(length);
    if (found !== undefined) return [found, length];
  }
  return undefined;
}

const partOf = (word: CompanyWord): NamePart => ({ latin: word.en, kind: word.legal ? 'legal' : 'trade' });

function dictionary(entries: Iterable<[string, NamePart]>, language: Language): Map<string, NamePart> {
  const map = new Map<string, NamePart>();
  for (const [spelling, part] of entries) {
    const key = normalize(spelling, language);
    if (!map.has(key)) map.set(key, part);
  }
  return map;
}

const CHINESE_WORDS = dictionary(
  [
    ...COMPANY_WORDS.flatMap((w) => (w.zh ?? []).map((s): [string, NamePart] => [s, partOf(w)])),
    ...PLACES.map((p): [string, NamePart] => [p.zh, { latin: p.en, kind: 'proper' }]),
  ],
  'zh',
);
const LONGEST_CHINESE = Math.max(...[...CHINESE_WORDS.keys()].map((k) => k.length));

/** "淄博恒润化工有限公司" → Zibo · Hengrun · Chemical · Co., Ltd.: the table's words and places, the rest in pinyin. */
function chineseCompanyParts(name: string): NamePart[] {
  const parts: NamePart[] = [];
  // Latin letters and digits in a Chinese name (a brand, "3D") stay as written.
  for (const run of name.normalize('NFKC').split(/(\p{Script=Han}+)/u)) {
    if (HAN.test(run)) parts.push(...hanParts(normalize(run, 'zh')));
    else {
      const kept = run.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '');
      if (kept) parts.push({ latin: kept, kind: 'proper' });
    }
  }
  return parts;
}

/** A run of Chinese characters: the table's words and the gazetteer's places, longest first; the rest in pinyin. */
function hanParts(text: string): NamePart[] {
  const parts: NamePart[] = [];
  let unknown = '';
  const flush = () => {
    if (unknown) parts.push(...pinyinWords(unknown).map((latin): NamePart => ({ latin, kind: 'proper' })));
    unknown = '';
  };
  for (let i = 0; i < text.length;) {
    const found = longestMatch(Math.min(LONGEST_CHINESE, text.length - i), (length) => CHINESE_WORDS.get(text.slice(i, i + length)));
    if (!found) {
      unknown += text[i];
      i++;
      continue;
    }
    const [match, length] = found;
    flush();
    parts.push(match);
    i += length;
    // A place in a company's name may carry 市 or 县 (义乌市恒达…): the English name does not.
    if (match.kind === 'proper' && CHINESE_PLACE_SUFFIX.test(text[i] ?? '') && i < text.length - 1) i++;
  }
  flush();
  return parts;
}

const PERSIAN_WORDS = dictionary(
  [
    ...COMPANY_WORDS.flatMap((w) => (w.fa ?? []).map((s): [string, NamePart] => [s, partOf(w)])),
    ...PLACES.map((p): [string, NamePart] => [p.fa, { latin: p.en, kind: 'proper' }]),
    ...[...PERSIAN_PROPER_WORDS].map(([fa, latin]): [string, NamePart] => [fa, { latin, kind: 'proper' }]),
  ],
  'fa',
);
const LONGEST_PERSIAN = Math.max(...[...PERSIAN_WORDS.keys()].map((k) => k.split(' ').length));

/** A word of a Persian name as the table may hold it: itself, or without the ezafe ی (خرمای → خرما). */
function persianWord(phrase: string): NamePart | undefined {
  return PERSIAN_WORDS.get(phrase) ?? (/[اآو]ی$/u.test(phrase) ? PERSIAN_WORDS.get(phrase.slice(0, -1)) : undefined);
}

/** "صنایع غذایی نگین پارس" → Food Industries · Negin · Pars: the table's phrases, longest first; the rest romanised. */
function persianCompanyParts(name: string): NamePart[] {
  // Looked up normalised (Arabic ي/ك, half-spaces); a Latin word in the name stays as written.
  const tokens = name.normalize('NFKC').split(/\s+/).filter(Boolean);
  const parts: NamePart[] = [];
  for (let i = 0; i < tokens.length;) {
    const found = longestMatch(Math.min(LONGEST_PERSIAN, tokens.length - i), (length) => persianWord(normalize(tokens.slice(i, i + length).join(' '), 'fa')));
    if (found) {
      parts.push(found[0]);
      i += found[1];
    } else {
      const token = tokens[i]!;
      const latin = scriptOf(token) === 'fa' ? romanizePersianWord(normalize(token, 'fa')) : token;
      if (latin) parts.push({ latin, kind: 'proper' });
      i++;
    }
  }
  // In English the brand comes first ("Negin Pars Food Industries"): what a Persian name puts
  // before the brand (صنایع غذایی، بازرگانی، زعفران) follows it, and the kind of company ends it.
  // Persian puts the head word first (صنایع لاستیک: industries of rubber), English last.
  const leading: NamePart[] = [];
  while (parts[0] && parts[0].kind !== 'proper') leading.unshift(parts.shift()!);
  const named = parts.length > 0 ? [...parts, ...leading.filter((p) => p.kind === 'trade')] : leading.filter((p) => p.kind === 'trade');
  return [...named.filter((p) => p.kind !== 'legal'), ...leading.filter((p) => p.kind === 'legal'), ...parts.filter((p) => p.kind === 'legal')];
}

/**
 * A company as the reader can read it: as stored when they read its script (Latin names stay
 * as they are for everyone), else in Latin letters with the table's words in English and the
 * brand romanised ("淄博恒润化工有限公司" → "Zibo Hengrun Chemical Co., Ltd.").
 */
export function companyName(stored: string, reader: Language): ShownName {
  const script = scriptOf(stored);
  if (READS[reader].includes(script)) return { shown: stored };
  const parts = script === 'zh' ? chineseCompanyParts(stored) : persianCompanyParts(stored);
  return shownAs(stored, parts.map((p) => p.latin).join(' '));
}

/** A person's name as the reader can read it: as stored, or in Latin letters (a Chinese name family name first). */
export function personName(stored: string, reader: Language): ShownName {
  const script = scriptOf(stored);
  if (READS[reader].includes(script)) return { shown: stored };
  return shownAs(stored, script === 'zh' ? romanizeChinesePerson(stored) : romanizePersian(normalize(stored, 'fa')));
}
