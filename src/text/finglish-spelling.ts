/**
 * Content words of Finglish (Persian typed in Latin letters, see finglish.ts) spelled back in
 * Persian script: one Latin word has many plausible spellings, since Latin letters do not say
 * which of س ص ث is meant and Persian drops short vowels; all are made, likeliest first.
 */

type Choice = readonly [string, number];

// Letters and digraphs, each with its Persian spellings and how likely each is. A word with
// other letters (x: xiaomi) is a name or an English word and gets no Persian spelling.
const CONSONANTS: Readonly<Record<string, readonly Choice[]>> = {
  kh: [['خ', 1]],
  gh: [
    ['ق', 0.6],
    ['غ', 0.4],
  ],
  ch: [['چ', 1]],
  sh: [['ش', 1]],
  zh: [['ژ', 1]],
  b: [['ب', 1]],
  p: [['پ', 1]],
  t: [
    ['ت', 0.85],
    ['ط', 0.15],
  ],
  s: [
    ['س', 0.8],
    ['ص', 0.15],
    ['ث', 0.05],
  ],
  j: [['ج', 1]],
  h: [
    ['ه', 0.6],
    ['ح', 0.4],
  ],
  d: [['د', 1]],
  z: [
    ['ز', 0.75],
    ['ض', 0.1],
    ['ظ', 0.08],
    ['ذ', 0.07],
  ],
  r: [['ر', 1]],
  f: [['ف', 1]],
  q: [
    ['ق', 0.6],
    ['غ', 0.4],
  ],
  k: [['ک', 1]],
  c: [['ک', 1]],
  g: [['گ', 1]],
  l: [['ل', 1]],
  m: [['م', 1]],
  n: [['ن', 1]],
  v: [['و', 1]],
  w: [['و', 1]],
  y: [['ی', 1]],
  "'": [
    ['ع', 0.5],
    ['ئ', 0.2],
    ['', 0.3],
  ],
};

// Vowels by position: Persian script writes long vowels and drops short ones.
const VOWELS: Readonly<Record<string, { initial: readonly Choice[]; medial: readonly Choice[]; final: readonly Choice[] }>> = {
  a: {
    initial: [
      ['ا', 0.8],
      ['آ', 0.2],
    ],
    medial: [
      ['ا', 0.5],
      ['', 0.45],
      ['ع', 0.05],
    ],
    final: [
      ['ا', 0.7],
      ['ه', 0.3],
    ],
  },
  // A doubled a often stands for an ع beside the ا: saat ساعت, ghataat قطعات.
  aa: {
    initial: [['آ', 1]],
    medial: [
      ['ا', 0.6],
      ['اع', 0.2],
      ['عا', 0.2],
    ],
    final: [['ا', 1]],
  },
  e: {
    initial: [
      ['ا', 0.9],
      ['ع', 0.1],
    ],
    medial: [
      ['', 0.85],
      ['ی', 0.1],
      ['ع', 0.05],
    ],
    final: [
      ['ه', 0.75],
      ['', 0.15],
      ['ی', 0.1],
    ],
  },
  o: {
    initial: [
      ['ا', 0.7],
      ['او', 0.3],
    ],
    medial: [
      ['', 0.6],
      ['و', 0.4],
    ],
    final: [
      ['و', 0.7],
      ['ه', 0.3],
    ],
  },
  oo: { initial: [['او', 1]], medial: [['و', 1]], final: [['و', 1]] },
  ou: { initial: [['او', 1]], medial: [['و', 1]], final: [['و', 1]] },
  u: { initial: [['او', 1]], medial: [['و', 1]], final: [['و', 1]] },
  i: {
    initial: [['ای', 1]],
    medial: [
      ['ی', 0.9],
      ['', 0.1],
    ],
    final: [['ی', 1]],
  },
  ee: { initial: [['ای', 1]], medial: [['ی', 1]], final: [['ی', 1]] },
  ei: { initial: [['ای', 1]], medial: [['ی', 1]], final: [['ی', 1]] },
  ey: { initial: [['ای', 1]], medial: [['ی', 1]], final: [['ی', 1]] },
};

const UNITS = [...Object.keys(VOWELS), ...Object.keys(CONSONANTS)].sort((a, b) => b.length - a.length);

/** The word cut into letters and digraphs (kh, sh, oo…); doubled consonants count once (Persian writes them once). */
function units(word: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < word.length) {
    const unit = UNITS.find((u) => word.startsWith(u, i));
    if (unit === undefined) return [];
    if (!(unit in VOWELS) && out[out.length - 1] === unit) {
      i += unit.length;
      continue;
    }
    out.push(unit);
    i += unit.length;
  }
  return out;
}

/**
 * Persian spellings of one Finglish word, the likeliest first (at most `limit`): short vowels
 * dropped or written, each sound spelled with each letter that may carry it.
 */
export function finglishSpellings(word: string, limit = 200): { spelling: string; likelihood: number }[] {
  const parts = units(word.toLowerCase());
  if (parts.length === 0) return [];
  let beam: { text: string; p: number }[] = [{ text: '', p: 1 }];
  parts.forEach((unit, i) => {
    const vowel = VOWELS[unit];
    const choices = vowel ? (i === 0 ? vowel.initial : i === parts.length - 1 ? vowel.final : vowel.medial) : CONSONANTS[unit]!;
    const next: { text: string; p: number }[] = [];
    for (const b of beam) for (const [letters, p] of choices) next.push({ text: b.text + letters, p: b.p * p });
    beam = next.sort((a, b) => b.p - a.p).slice(0, limit);
  });
  const seen = new Set<string>();
  return beam.filter((b) => b.text !== '' && !seen.has(b.text) && seen.add(b.text)).map((b) => ({ spelling: b.text, likelihood: b.p }));
}
