import { isEnglishStopWord } from './english.ts';

/**
 * Finglish: Persian typed in Latin letters ("chetor be tamin konande chini pool befrestam?").
 * Function words and spoken verbs are written the same way by nearly everyone, so they are
 * both the sign that a message is Finglish and spelled here directly; content words are
 * spelled every plausible way (`finglishSpellings`) and the search keeps the spelling its
 * base knows.
 */
const FUNCTION_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    chetor: 'چطور',
    chetori: 'چطوری',
    chetore: 'چطوره',
    chejoori: 'چجوری',
    chejori: 'چجوری',
    chejooriye: 'چجوریه',
    chikar: 'چیکار',
    chekar: 'چیکار',
    cheghad: 'چقدر',
    cheghadr: 'چقدر',
    chand: 'چند',
    chi: 'چی',
    chie: 'چیه',
    chiye: 'چیه',
    koja: 'کجا',
    kojast: 'کجاست',
    key: 'کی',
    kasi: 'کسی',
    baraye: 'برای',
    vase: 'واسه',
    vasse: 'واسه',
    az: 'از',
    ba: 'با',
    be: 'به',
    ke: 'که',
    ro: 'رو',
    ra: 'را',
    ham: 'هم',
    too: 'تو',
    tu: 'تو',
    dar: 'در',
    va: 'و',
    ya: 'یا',
    ye: 'یه',
    yek: 'یک',
    ta: 'تا',
    vali: 'ولی',
    ama: 'اما',
    agar: 'اگر',
    age: 'اگه',
    hanooz: 'هنوز',
    alan: 'الان',
    emrooz: 'امروز',
    farda: 'فردا',
    ma: 'ما',
    man: 'من',
    shoma: 'شما',
    mikham: 'میخوام',
    mikhaym: 'میخوایم',
    mikhaim: 'میخوایم',
    mikhad: 'میخواد',
    mishe: 'میشه',
    mitoonam: 'میتونم',
    mitoonim: 'میتونیم',
    bayad: 'باید',
    hast: 'هست',
    hastim: 'هستیم',
    nist: 'نیست',
    dare: 'داره',
    darim: 'داریم',
    nadarim: 'نداریم',
    konam: 'کنم',
    konim: 'کنیم',
    kard: 'کرد',
    kardim: 'کردیم',
    karde: 'کرده',
    shod: 'شد',
    shode: 'شده',
    ast: 'است',
    dige: 'دیگه',
    khoob: 'خوب',
    lazeme: 'لازمه',
    tajrobe: 'تجربه',
    she: 'شه',
    beshe: 'بشه',
    nashod: 'نشد',
    nashe: 'نشه',
    nistan: 'نیستن',
    khodam: 'خودم',
    khodesh: 'خودش',
    khodemoon: 'خودمون',
    baad: 'بعد',
    badi: 'بعدی',
    raft: 'رفت',
    ha: 'ها',
    maro: 'مارو',
    ino: 'اینو',
    oon: 'اون',
    in: 'این',
    chon: 'چون',
    bad: 'بعد',
  }),
);

// Spoken verb shapes that are Persian and not English: mi-/nemi- present forms with a person ending.
const SPOKEN_VERB = /^(?:mi|nemi)[a-z]{2,}(?:am|im|in|id|and|an|e|ad)$/;
const LATIN_WORD = /[a-z]+(?:'[a-z]+)?/g;
const NON_LATIN_LETTER = /[\p{L}--[a-zA-Z]]/v;

/**
 * Whether a message is Persian typed in Latin letters rather than English: only Latin letters,
 * and more Persian function words or spoken verbs than English stop words.
 */
export function isFinglish(text: string): boolean {
  if (NON_LATIN_LETTER.test(text)) return false;
  const words = text.toLowerCase().match(LATIN_WORD) ?? [];
  if (words.length === 0) return false;
  let persian = 0;
  let english = 0;
  for (const w of words) {
    if (FUNCTION_WORDS.has(w) || SPOKEN_VERB.test(w)) persian++;
    // "too", "man", "key" are English too: they count for both.
    if (isEnglishStopWord(w)) english++;
  }
  return persian > english || (persian >= 2 && persian >= english);
}

/** The Persian spelling of a Finglish function word, or undefined for a content word. */
export function finglishFunctionWord(word: string): string | undefined {
  return FUNCTION_WORDS.get(word.toLowerCase());
}

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
