import { isEnglishStopWord } from '../../text/english.ts';
import { finglishFunctionWord, finglishSpellings, isFinglish, isPersianMarker, latinWords } from '../../text/finglish.ts';
import { SEPARATE_SUFFIXES } from '../../text/persian-tables.ts';
import { searchTokens } from '../../text/tokenize.ts';
import type { LexicalView } from './lexical-index.ts';

const WORD = /[a-z']+|[^a-z']+/gi;
const LETTERS = /^[a-z']+$/i;

type View = Pick<LexicalView, 'stats'>;
type Spelled = { spelling: string; likelihood: number; tokens: string[] };

/**
 * A reading that says the word is Persian: its search tokens keep three letters at least. A
 * misspelt English word often spells something the Persian stemmer cuts to a two-letter stem
 * ("nede" نده → ده, "minioun" مینون → نو).
 */
const surelyPersian = (s: Spelled | undefined) => s !== undefined && s.tokens.every((t) => [...t].length >= 3);

/**
 * The question as the Persian it spells when it is Finglish, else undefined: Finglish by its own
 * function words (isFinglish), or else by the base's vocabulary: its words no text of the base
 * holds in Latin letters (the base's English) that read as Persian words the base holds
 * outnumber its English words ("pardakht be tamin konande chini", whose "be" is English too).
 * A word the base holds both in English and spelled in Persian is a name (iran, tehran) and says
 * nothing; nor does one of neither (a name, a misspelt English word, which seldom spells a
 * Persian word).
 */
export async function finglishReading(text: string, view: View): Promise<string | undefined> {
  if (isFinglish(text)) return (await spelledInPersian(text, view)).text;
  const words = latinWords(text);
  const others = words.filter((w) => !isPersianMarker(w) && !isEnglishStopWord(w));
  const english = others.map((w) => searchTokens(w, 'en'));
  // The question's own English tokens, which its search looks up anyway.
  const { df } = others.length >= 2 ? await view.stats([...new Set(english.flat())]) : { df: new Map<string, number>() };
  const inEnglish = english.map((tokens) => tokens.length > 0 && tokens.every((t) => df.has(t)));
  const stopWords = words.filter((w) => isEnglishStopWord(w) && !isPersianMarker(w)).length;
  const unknown = others.filter((_, i) => !inEnglish[i]);
  // Two Persian words at least (one alone is too little to take a question out of English); most
  // English questions stop here, before their words are spelled every Persian way.
  if (unknown.length < 2 || unknown.length <= stopWords) return undefined;
  const { text: persian, spelled } = await spelledInPersian(text, view);
  const persianWords = unknown.filter((w) => surelyPersian(spelled.get(w))).length;
  // A word both the base's English and its Persian hold is a name (bandar, tehran, iran): it says
  // nothing of the language ("gomrok bandar abbas tarkhis" has no word of English but its names).
  const englishWords = stopWords + others.filter((w, i) => inEnglish[i] && !surelyPersian(spelled.get(w))).length;
  return persianWords >= 2 && persianWords > englishWords ? persian : undefined;
}

/**
 * A Finglish question written in Persian script, to be searched as Persian: function words
 * spelled as everyone spells them, each other word as the likeliest of its spellings whose
 * search tokens the base holds (weighed by how common they are there) (so a consonant skeleton that fits a word of the base finds it,
 * whatever short vowels the member typed). A word no spelling of which the base knows stays
 * in Latin letters: it is likely a name or an English term (CNC, GACC, LED).
 */
export async function finglishAsPersian(text: string, view: View): Promise<string> {
  return (await spelledInPersian(text, view)).text;
}

/** `finglishAsPersian`, with the spelling chosen for each content word it spelled in Persian. */
async function spelledInPersian(text: string, view: View) {
  const pieces = text.match(WORD) ?? [];
  const halves = pieces.map((piece, i) => (i >= 2 && LETTERS.test(pieces[i - 2]!) && /^ +$/.test(pieces[i - 1]!) ? compoundHalf(piece) : undefined));
  const options = pieces.map((piece, i) => {
    if (!LETTERS.test(piece)) return undefined;
    const fixed = finglishFunctionWord(piece) ?? halves[i];
    if (fixed !== undefined) return [{ spelling: fixed, likelihood: 1, tokens: [] as string[] }];
    // Searched as the tokenizer reads the two together ("tamin konande": تامین کننده is one word of the base, تامینکنند).
    const half = halves[i + 2] === undefined ? '' : ` ${halves[i + 2]}`;
    return finglishSpellings(piece).map((s) => ({ ...s, tokens: searchTokens(s.spelling + half, 'fa') }));
  });
  const terms = [...new Set(options.flatMap((o) => (o ?? []).flatMap((s) => s.tokens)))];
  const { df } = terms.length > 0 ? await view.stats(terms) : { df: new Map<string, number>() };
  // A likely spelling of a common word of the base beats a likelier spelling of a rare one (ثبت over ثابت for "sabt").
  const fit = (s: { likelihood: number; tokens: string[] }) =>
    s.tokens.length === 0 ? 0 : s.likelihood * Math.sqrt(Math.min(...s.tokens.map((t) => df.get(t) ?? 0)));
  const spelled = new Map<string, Spelled>();
  const persian = pieces
    .map((piece, i) => {
      const o = options[i];
      if (o === undefined) return piece;
      if (o.length === 1 && o[0]!.tokens.length === 0) return o[0]!.spelling;
      let best: (Spelled & { score: number }) | undefined;
      for (const s of o) {
        const score = fit(s);
        if (score > 0 && score > (best?.score ?? 0)) best = { ...s, score };
      }
      if (best === undefined) return piece;
      spelled.set(piece.toLowerCase(), best);
      return best.spelling;
    })
    .join('');
  return { text: persian, spelled };
}

/** The Persian of a word that is the second half of a compound typed apart (konande → کننده, bandi → بندی), or undefined. */
function compoundHalf(word: string): string | undefined {
  if (finglishFunctionWord(word) !== undefined) return undefined;
  // Four letters at least: shorter halves (اند, ام, ای) are the spellings of English words too (and, am).
  return finglishSpellings(word).find((s) => SEPARATE_SUFFIXES.has(s.spelling) && s.spelling.length >= 4)?.spelling;
}
