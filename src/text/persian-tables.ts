import { normalize } from './normalize.ts';
import {
  ARABIC_PLURALS,
  NOT_VERBS_WITH_MI,
  PAST_TO_PRESENT,
  PERSIAN_STOP_WORDS,
  PROTECTED_WORDS,
  SPOKEN_TO_WRITTEN,
  SPOKEN_VERBS,
  VERB_STEMS,
} from './persian-data.ts';

// The lists are written as people type; they are compared with words that went through
// normalize() and lost their ZWNJ, so they get the same treatment once, at load.
export const ZWNJ = /\u200C/g;
const canon = (word: string): string => normalize(word, 'fa').replace(ZWNJ, '');

function wordSet(list: string): ReadonlySet<string> {
  return new Set(
    list
      .split(/\s+/)
      .filter((w) => w !== '')
      .map(canon),
  );
}

/** `spoken:written` pairs; `_` in the written side stands for a space (ازمون:از_ما). */
function pairTable(list: string): ReadonlyMap<string, string> {
  const table = new Map<string, string>();
  for (const pair of list.split(/\s+/)) {
    const [from, to] = pair.split(':');
    if (from && to) table.set(canon(from), to.split('_').map(canon).join(' '));
  }
  return table;
}

export const STOP = wordSet(PERSIAN_STOP_WORDS);
export const SPOKEN = pairTable(SPOKEN_TO_WRITTEN);
export const SPOKEN_VERB_FORMS = pairTable(SPOKEN_VERBS);
export const NOT_VERBS = wordSet(NOT_VERBS_WITH_MI);
export const PROTECTED = wordSet(PROTECTED_WORDS);
export const PLURALS = pairTable(ARABIC_PLURALS);
export const SPOKEN_STEMS = pairTable(VERB_STEMS);
export const PAST_STEMS = pairTable(PAST_TO_PRESENT);
export const PRESENT_STEMS: ReadonlySet<string> = new Set([...PAST_STEMS.values(), ...SPOKEN_STEMS.values()]);

// Spoken nouns ending in ه lose it before a suffix (کارخونمون, هزینش), so they are also
// found without it.
export const SPOKEN_WITHOUT_E: ReadonlyMap<string, string> = new Map(
  [...SPOKEN].filter(([from, to]) => from.endsWith('ه') && to.endsWith('ه')).map(([from, to]) => [from.slice(0, -1), to]),
);

/** Parts typed apart from the word they belong to (کتاب ها, بزرگ تر). */
export const SEPARATE_SUFFIXES = wordSet(
  'ها های هایی هایم هایت هایش هایمان هایتان هایشان هامون هاتون هاشون ی ای تر ترین اش ام ات ایم اید اند ' +
    // Second halves of compounds that are typed both joined and apart (بسته بندی, تامین کننده).
    'کننده کنندگان کنندههای کنندهها گذاری بندی',
);
