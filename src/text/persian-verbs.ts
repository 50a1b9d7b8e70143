import { PAST_STEMS, PRESENT_STEMS, SPOKEN_STEMS } from './persian-tables.ts';

const PERSON_ENDINGS = ['ند', 'ید', 'یم', 'ین', 'ن', 'م', 'ی', 'د', 'ه'];
// Spoken stems after ب (بیارم، بخواد، بمونه); one- and two-letter ones would catch nouns
// (بار, بده) except یا (بیاد).
const SPOKEN_AFTER_B: ReadonlyMap<string, string> = new Map([...SPOKEN_STEMS].filter(([from]) => from.length >= 3 || from === 'یا'));
const N_STEMS: ReadonlySet<string> = new Set([...PRESENT_STEMS].filter((s) => s.endsWith('ن')));

/** Present stem of what follows می (خوام → خواه, گه → گو, فرستیم → فرست). */
export function stemAfterMi(rest: string): string {
  let stem = rest;
  // کند is کن + د, not ک + ند.
  if (rest.endsWith('ند') && N_STEMS.has(rest.slice(0, -1))) stem = rest.slice(0, -1);
  else {
    for (const ending of PERSON_ENDINGS) {
      if (rest.length > ending.length && rest.endsWith(ending)) {
        stem = rest.slice(0, -ending.length);
        break;
      }
    }
  }
  const known = SPOKEN_STEMS.get(stem) ?? PAST_STEMS.get(stem);
  if (known !== undefined) return known;
  return stem.length > 2 && stem.endsWith('ی') ? stem.slice(0, -1) : stem;
}

/**
 * Present stem of a known past stem or participle (فرستاد، کشیده) or of a verb with the
 * ب/ن prefix (بفرستم، نگرفت), so that every tense meets; undefined for other words.
 */
export function knownVerbStem(word: string): string | undefined {
  const direct = PAST_STEMS.get(word) ?? (word.endsWith('ه') ? PAST_STEMS.get(word.slice(0, -1)) : undefined);
  if (direct !== undefined) return direct;
  const first = word[0];
  if (first !== 'ب' && first !== 'ن') return undefined;
  const rest = word.slice(1);
  const fromPast = PAST_STEMS.get(rest);
  if (fromPast !== undefined) return fromPast;
  if (PRESENT_STEMS.has(rest)) return rest;
  const spoken = first === 'ب' ? SPOKEN_AFTER_B.get(rest) : undefined;
  if (spoken !== undefined) return spoken;
  for (const ending of PERSON_ENDINGS) {
    if (rest.length > ending.length && rest.endsWith(ending)) {
      const stem = rest.slice(0, -ending.length);
      const present = PRESENT_STEMS.has(stem) ? stem : (PAST_STEMS.get(stem) ?? (first === 'ب' ? SPOKEN_AFTER_B.get(stem) : undefined));
      if (present !== undefined) return present;
    }
  }
  return undefined;
}
