import { isEnglishStopWord } from './english.ts';

export { finglishSpellings } from './finglish-spelling.ts';

/**
 * Finglish: Persian typed in Latin letters ("chetor be tamin konande chini pool befrestam?").
 * Function words and spoken verbs are written the same way by nearly everyone, so they are
 * both the sign that a message is Finglish and spelled here directly; content words are
 * spelled every plausible way (`finglishSpellings`, in finglish-spelling.ts) and the search
 * keeps the spelling its base knows.
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

// Function words that are English words too, as an English question uses them ("bad quality", "man", "key account"); the English stop words among them are known as such.
const ENGLISH_TOO: ReadonlySet<string> = new Set(['key', 'man', 'bad', 'age', 'dare', 'ham', 'raft', 'shod']);

// Spoken verb shapes that are Persian and not English: mi-/nemi- present forms with a person ending.
const SPOKEN_VERB = /^(?:mi|nemi)[a-z]{2,}(?:am|im|in|id|and|an|e|ad)$/;
const LATIN_WORD = /[a-z]+(?:'[a-z]+)?/g;
const NON_LATIN_LETTER = /[\p{L}--[a-zA-Z]]/v;

/**
 * Whether a message is Persian typed in Latin letters rather than English: only Latin letters,
 * and more Persian function words or spoken verbs than English stop words. This reads the
 * message alone; the search also reads it against the base's vocabulary (finglish-query.ts).
 */
export function isFinglish(text: string): boolean {
  const words = latinWords(text);
  if (words.length === 0) return false;
  let persian = 0;
  let english = 0;
  let both = 0;
  for (const w of words) {
    const marker = isPersianMarker(w);
    // "too", "in", "man", "bad" are English too: they say nothing either way.
    const isEnglish = isEnglishStopWord(w) || ENGLISH_TOO.has(w);
    if (marker && isEnglish) both++;
    else if (marker) persian++;
    else if (isEnglish) english++;
  }
  return persian > english || (persian >= 1 && persian === english && persian + both >= 2);
}

/** A message's words in lower case when it is written in Latin letters only, else none. */
export function latinWords(text: string): string[] {
  if (NON_LATIN_LETTER.test(text)) return [];
  return text.toLowerCase().match(LATIN_WORD) ?? [];
}

/** A Finglish function word or spoken verb (some, such as "be" and "man", are English words too). */
export function isPersianMarker(word: string): boolean {
  return FUNCTION_WORDS.has(word) || SPOKEN_VERB.test(word);
}

/** The Persian spelling of a Finglish function word, or undefined for a content word. */
export function finglishFunctionWord(word: string): string | undefined {
  return FUNCTION_WORDS.get(word.toLowerCase());
}
