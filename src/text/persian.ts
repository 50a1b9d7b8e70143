import { knownVerbStem, stemAfterMi } from './persian-verbs.ts';
import { NOT_VERBS, PLURALS, PROTECTED, SEPARATE_SUFFIXES, SPOKEN, SPOKEN_VERB_FORMS, SPOKEN_WITHOUT_E, STOP, ZWNJ } from './persian-tables.ts';

// [suffix, shortest stem it may leave], grouped by last letter and tried longest first.
// Single-letter pronouns (ش م) need a longer stem because so many plain words end in them
// (فروش، ارزش، قیمت…).
const SUFFIXES_BY_LAST_LETTER: ReadonlyMap<string, readonly (readonly [string, number])[]> = (() => {
  const all: (readonly [string, number])[] = [
    ...'هایمان هایتان هایشان هامون هاتون هاشون هایم هایت هایش هایی های هام هاش ها'.split(' ').map((s) => [s, 2] as const),
    ...'جات مان تان شان مون تون شون ترین تر اش ام ات ایم اید اند ای ان ی ا و'.split(' ').map((s) => [s, 3] as const),
    ['ش', 4],
    ['م', 4],
  ];
  const groups = new Map<string, (readonly [string, number])[]>();
  for (const entry of all.sort((a, b) => b[0].length - a[0].length)) {
    const last = entry[0].slice(-1);
    groups.set(last, [...(groups.get(last) ?? []), entry]);
  }
  return groups;
})();

// Past stem + person ending: فرستادیم، گرفتند، کردم → فرستاد، گرفت، کرد.
const PAST_ENDING = /^(.{2,}[دت])(?:یم|ید|ند|ین|م|ن)$/;
const VOWEL_END = /[هیا]$/;
const METRE = /متر$/;
const MAX_DEPTH = 2;

function spokenForm(word: string): string | undefined {
  return SPOKEN.get(word) ?? SPOKEN_WITHOUT_E.get(word);
}

function stripOnce(word: string): string {
  // Spoken copula: اجباریه = اجباری است, بالاست = بالا است (protected: سرمایه, درخواست…).
  if (word.endsWith('یه') && word.length >= 5) return word.slice(0, -1);
  if (word.endsWith('است') && word.length >= 5) return word.slice(0, -2);
  let fallback = word;
  for (const [suffix, minStem] of SUFFIXES_BY_LAST_LETTER.get(word.slice(-1)) ?? []) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    // A cut that lands on a known word wins over a longer one (کالای → کالا, not کال).
    if (PROTECTED.has(stem) || PLURALS.has(stem) || SPOKEN.has(stem)) return stem;
    if (suffix === 'تر' && METRE.test(word)) continue;
    const min = (suffix === 'ش' || suffix === 'م') && VOWEL_END.test(stem) ? 3 : minStem;
    if (fallback === word && stem.length >= min) fallback = stem;
  }
  return fallback;
}

function dropFinalE(word: string): string {
  return word.length >= 5 && word.endsWith('ه') && !PROTECTED.has(word) ? word.slice(0, -1) : word;
}

function expand(written: string, depth: number, out: string[]): void {
  for (const part of written.split(' ')) stemWord(part, depth + 1, out);
}

function stemWord(word: string, depth: number, out: string[]): void {
  if (word.length === 0 || STOP.has(word) || depth > MAX_DEPTH) return;
  const spoken = SPOKEN_VERB_FORMS.get(word) ?? SPOKEN.get(word);
  if (spoken !== undefined) return expand(spoken, depth, out);
  let w = word;
  if (!PROTECTED.has(w)) {
    const verb = knownVerbStem(w);
    if (verb !== undefined) {
      if (!STOP.has(verb)) out.push(verb);
      return;
    }
  }
  if (w.startsWith('نمی') && w.length > 4) w = w.slice(1);
  if (w.startsWith('می') && w.length >= 4 && !NOT_VERBS.has(w) && !isNounWithSuffix(w)) {
    const stem = stemAfterMi(w.slice(2));
    if (stem.length >= 2 && !STOP.has(stem)) out.push(stem);
    return;
  }
  for (let i = 0; i < 6; i++) {
    const written = spokenForm(w);
    if (written !== undefined) {
      if (written.includes(' ')) return expand(written, depth, out);
      w = written;
    }
    if (PROTECTED.has(w)) break;
    const singular = PLURALS.get(w);
    if (singular !== undefined) {
      w = singular;
      continue;
    }
    const next = stripOnce(w);
    if (next === w) break;
    w = next;
  }
  const past = PAST_ENDING.exec(w);
  if (past?.[1] !== undefined && past[1].length >= 3 && !PROTECTED.has(w)) w = past[1];
  const verb = PROTECTED.has(w) ? undefined : knownVerbStem(w);
  if (verb !== undefined) w = verb;
  // Spoken Persian drops a final ه before suffixes (کارخونمون, هزینش), so it is never
  // part of a longer token; short words keep it (نامه ≠ نام).
  else if (w.length >= 5 && w.endsWith('ه') && !PROTECTED.has(w)) {
    w = w.slice(0, -1);
    // Spoken copula ـه (گرونه = گران است) shows only once the ه is gone.
    const written = SPOKEN.get(w);
    if (written !== undefined && !written.includes(' ')) w = dropFinalE(written);
  }
  if (w.length >= 2 && !STOP.has(w)) out.push(w);
}

// What may follow a noun that starts with می (میوه‌ها، میلیون‌ها، میدانی); a person ending
// (میزنم) or a bare ه/م/ن (میشه، میشم) marks a verb instead.
const NOUN_SUFFIXES = new Set('ها های هایی هایم هایت هایش هایمان هایتان هایشان هامون هاتون هاشون جات ی ای ات اش ام مان تان شان'.split(' '));

/** A noun from NOT_VERBS (میوه، میگو…) with a plural or possessive suffix, not می + a verb. */
function isNounWithSuffix(word: string): boolean {
  for (const noun of NOT_VERBS) if (word.startsWith(noun) && NOUN_SUFFIXES.has(word.slice(noun.length))) return true;
  return false;
}

/**
 * Tokens of a run of Persian words (normalised, separated by single spaces, ZWNJ possibly
 * inside words). Half-spaces, missing spaces and extra spaces give the same tokens.
 */
export function persianTokens(phrase: string, out: string[]): void {
  const parts = phrase.replace(ZWNJ, '').split(' ');
  for (let i = 0; i < parts.length; i++) {
    let word = parts[i] ?? '';
    if ((word === 'می' || word === 'نمی') && i + 1 < parts.length) word += parts[++i] ?? '';
    while (i + 1 < parts.length && SEPARATE_SUFFIXES.has(parts[i + 1] ?? '')) word += parts[++i];
    stemWord(word, 0, out);
  }
}

/**
 * The words a compound typed apart would be joined as (دعوت نامه → دعوتنامه, ال ای دی → الایدی):
 * each run of two or three adjacent words of `phrase` (normalised), read as one word, when that
 * gives a single token none of its parts gives. Members often type without the half-space the
 * stories use; whether such a word is one the base holds is for the search to find out.
 */
export function joinedCompounds(phrase: string): string[] {
  const words = phrase
    .replace(ZWNJ, '')
    .split(' ')
    .filter((w) => /^\p{Script=Arabic}+$/u.test(w));
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (const size of [2, 3]) {
      if (i + size > words.length) break;
      const parts = words.slice(i, i + size);
      const joined: string[] = [];
      stemWord(parts.join(''), 0, joined);
      if (joined.length !== 1 || [...joined[0]!].length < 4) continue;
      const own: string[] = [];
      for (const p of parts) stemWord(p, 0, own);
      if (!own.includes(joined[0]!)) out.add(joined[0]!);
    }
  }
  return [...out];
}
