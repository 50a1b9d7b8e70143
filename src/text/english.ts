const STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have
  having he her here hers herself him himself his how i if in into is it its itself just me more most
  my myself no nor not now of off on once only or other our ours ourselves out over own same she should
  so some such than that the their theirs them themselves then there these they this those through to
  too under until up very was we were what when where which while who whom why will with would you your
  yours yourself yourselves also any anyone anything hi hello thanks thank please us let get got via
  per etc really just even still already maybe ok okay yes there's what's it's`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

// Contractions lose their clitic; n't would otherwise leave "doesn", "ca" and the like.
const IRREGULAR_NEGATIONS: Readonly<Record<string, string>> = { "can't": 'can', "won't": 'will', "shan't": 'shall' };
const CLITIC = /(?:n't|'s|'re|'ve|'ll|'d|'m|')$/;
const VOWEL = /[aeiouy]/;
const DOUBLE_END = /([^aeiouylsz])\1$/;
// Porter's "short syllable" (consonant-vowel-consonant, last not w/x/y) after which a cut
// -ed/-ing had an e: making → make, priced → price.
const SHORT_CVC = /^[^aeiou]*[aeiouy][^aeiouwxy]$/;
const WORD = /^[a-z]+$/;
// Porter's at/bl/iz rule, plus -c: bouncing → bounce, invoiced → invoice.
const RESTORE_E = /(?:at|bl|iz|[^aeiou]c)$/;
// Common irregular past forms in business questions.
const IRREGULAR: Readonly<Record<string, string>> = {
  bought: 'buy',
  sold: 'sell',
  sent: 'send',
  paid: 'pay',
  made: 'make',
  took: 'take',
  gave: 'give',
  held: 'hold',
  kept: 'keep',
  built: 'build',
  told: 'tell',
  said: 'say',
  found: 'find',
  spent: 'spend',
  lost: 'lose',
  went: 'go',
  came: 'come',
  knew: 'know',
  brought: 'bring',
  thought: 'think',
  began: 'begin',
  wrote: 'write',
  chose: 'choose',
  taken: 'take',
  given: 'give',
  written: 'write',
  chosen: 'choose',
};
const ES_PLURAL = /(?:x|ch|sh|z)es$/;
const NOT_PLURAL_S = /(?:ss|us|is)$/;
const JOINERS = /[-_/]+/;

function stem(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) return irregular;
  if (word.length <= 3 || !WORD.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (ES_PLURAL.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !NOT_PLURAL_S.test(w)) w = w.slice(0, -1);

  let cut = '';
  if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) cut = w.slice(0, -3);
  else if (w.endsWith('ed') && !w.endsWith('eed') && w.length > 4 && VOWEL.test(w.slice(0, -2))) cut = w.slice(0, -2);
  if (cut !== '') {
    if (RESTORE_E.test(cut)) w = cut + 'e';
    else if (DOUBLE_END.test(cut)) w = cut.slice(0, -1);
    else if (SHORT_CVC.test(cut)) w = cut + 'e';
    else w = cut;
  }
  return w;
}

/** Whether a lower-case word is an English stop word (what the search ignores). */
export function isEnglishStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** Tokens of one Latin-script or numeric word (already lower-cased and normalised). */
export function englishTokens(word: string, out: string[]): void {
  // Hyphenated and dotted words split into parts; a number keeps its decimal point.
  for (const raw of word.split(JOINERS)) {
    if (raw === '') continue;
    let w = IRREGULAR_NEGATIONS[raw] ?? raw.replace(CLITIC, '');
    if (w === '' || STOP_WORDS.has(w) || STOP_WORDS.has(raw)) continue;
    w = stem(w);
    if (w !== '' && !STOP_WORDS.has(w)) out.push(w);
  }
}
