import { pinyin } from 'pinyin-pro';

// Hanyu Pinyin as names are written in Latin letters: without tones, the syllables of a word
// run together, and an apostrophe where a syllable starting with a vowel would blur the
// boundary (Xi'an, Gu'an).

const HAN = /\p{Script=Han}/u;

/** The syllables of `han` as one word: "恒润" → "Hengrun". */
export function pinyinWord(han: string, options: { surname?: boolean } = {}): string {
  const syllables = pinyin(han, { toneType: 'none', type: 'array', ...(options.surname ? { surname: 'head' as const } : {}) });
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A run of Chinese characters no table knows, as words: brand names are mostly two
 * characters each ("上虞彩源" → "Shangyu Caiyuan"); an odd run keeps its last three together.
 */
export function pinyinWords(han: string): string[] {
  const chars = [...han];
  if (chars.length <= 3) return [pinyinWord(han)];
  const words: string[] = [];
  let i = 0;
  for (; chars.length - i > 3 || (chars.length - i) % 2 === 0; i += 2) {
    if (i >= chars.length) break;
    words.push(pinyinWord(chars.slice(i, i + 2).join('')));
  }
  if (i < chars.length) words.push(pinyinWord(chars.slice(i).join('')));
  return words;
}

// Two-character family names; every other Chinese name starts with a one-character one.
const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '令狐', '慕容', '司徒', '夏侯', '尉迟', '公孙']);

/** Any text with Chinese characters, each run of them as one pinyin word, the rest as written ("ABC科技" → "ABC Keji"). */
export function romanizeChineseText(text: string): string {
  return text
    .normalize('NFKC')
    .split(/(\p{Script=Han}+)/u)
    .map((run) => (HAN.test(run) ? pinyinWord(run) : run.trim()))
    .filter(Boolean)
    .join(' ');
}

/** A Chinese personal name as it is written in Latin letters: family name first ("周海峰" → "Zhou Haifeng"). */
export function romanizeChinesePerson(name: string): string {
  const chars = [...name.trim()];
  if (chars.length < 2 || !chars.every((c) => HAN.test(c))) return romanizeChineseText(name);
  const familyLength = COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  const family = pinyinWord(chars.slice(0, familyLength).join(''), { surname: true });
  const given = chars.slice(familyLength).join('');
  return given ? `${family} ${pinyinWord(given)}` : family;
}
