import { PERSIAN_PROPER_WORDS } from './persian-proper-words.ts';

// Persian script writes consonants and long vowels only; the short vowels a reader supplies
// are guessed from where a syllable cannot start or hold three consonants (best effort: known
// words come from PERSIAN_PROPER_WORDS, the company-word table and the gazetteer instead).

type Sound = { latin: string; vowel: boolean };

const CONSONANTS: Readonly<Record<string, string>> = {
  ب: 'b',
  پ: 'p',
  ت: 't',
  ث: 's',
  ج: 'j',
  چ: 'ch',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'z',
  ر: 'r',
  ز: 'z',
  ژ: 'zh',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'z',
  ط: 't',
  ظ: 'z',
  غ: 'gh',
  ف: 'f',
  ق: 'gh',
  ک: 'k',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
};
const VOWEL_LETTERS = new Set(['ا', 'آ', 'و', 'ی']);

function sounds(word: string): Sound[] {
  const letters = [...word];
  const out: Sound[] = [];
  const previousIsVowel = () => out.length > 0 && out[out.length - 1]!.vowel;
  letters.forEach((ch, i) => {
    const next = letters[i + 1];
    const first = out.length === 0;
    const last = i === letters.length - 1;
    const consonant = CONSONANTS[ch];
    if (consonant) out.push({ latin: consonant, vowel: false });
    else if (ch === 'آ' || ch === 'ا') out.push({ latin: 'a', vowel: true });
    else if (ch === 'و') {
      // خوا is read "kha"; و starting a syllable or next to a vowel is a consonant.
      if (letters[i - 1] === 'خ' && next === 'ا') return;
      if (first || previousIsVowel() || next === 'ا') out.push({ latin: 'v', vowel: false });
      else out.push({ latin: 'u', vowel: true });
    } else if (ch === 'ی') {
      if (first || (previousIsVowel() && !last)) out.push({ latin: 'y', vowel: false });
      else out.push({ latin: 'i', vowel: true });
    } else if (ch === 'ه') {
      // A final ه after a consonant is the vowel e (خانه, ساوه).
      if (last && !first && !previousIsVowel()) out.push({ latin: 'e', vowel: true });
      else out.push({ latin: 'h', vowel: false });
    } else if (ch === 'ع') {
      // ع is a glottal stop: heard as the vowel the script leaves out before a consonant.
      if (!previousIsVowel() && next !== undefined && !VOWEL_LETTERS.has(next)) out.push({ latin: 'a', vowel: true });
      else if (!first && !previousIsVowel()) out.push({ latin: 'a', vowel: true });
    } else if (/\d/.test(ch)) out.push({ latin: ch, vowel: true });
  });
  return out;
}

/** The Latin letters of one Persian word without a known spelling, with the short vowels guessed. */
function guessed(word: string): string {
  const s = sounds(word);
  // No Persian syllable starts with two consonants, and none holds three in a row.
  if (s.length >= 2 && !s[0]!.vowel && !s[1]!.vowel) s.splice(1, 0, { latin: 'e', vowel: true });
  for (let i = 0; i + 2 < s.length; i++) {
    if (!s[i]!.vowel && !s[i + 1]!.vowel && !s[i + 2]!.vowel) s.splice(i + 1, 0, { latin: 'e', vowel: true });
  }
  return s.map((x) => x.latin).join('');
}

/** One part of a word (between half-spaces): a known spelling, a known first part and the rest, or a guess. */
function romanizedPart(part: string): string {
  const known = PERSIAN_PROPER_WORDS.get(part);
  if (known) return known;
  for (let cut = part.length - 2; cut >= 3; cut--) {
    const head = PERSIAN_PROPER_WORDS.get(part.slice(0, cut));
    if (head) return head + romanizedPart(part.slice(cut)).toLowerCase();
  }
  for (let cut = 2; cut <= part.length - 3; cut++) {
    const tail = PERSIAN_PROPER_WORDS.get(part.slice(cut));
    if (tail) return guessed(part.slice(0, cut)) + tail.toLowerCase();
  }
  return guessed(part);
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A Persian word in Latin letters, capitalised ("نوروزی" → "Nowruzi", "سپیدار" → "Sepidar"). */
export function romanizePersianWord(word: string): string {
  return capitalized(
    word
      .split('\u200C')
      .filter(Boolean)
      .map((part, i) => (i === 0 ? romanizedPart(part) : romanizedPart(part).toLowerCase()))
      .join(''),
  );
}

/** A Persian name of a person or place in Latin letters, word by word. */
export function romanizePersian(text: string): string {
  return text.split(/\s+/).filter(Boolean).map(romanizePersianWord).join(' ');
}
