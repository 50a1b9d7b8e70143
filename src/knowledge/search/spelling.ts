import { type TokenizedText, searchTokens, tokenizeNormalized } from '../../text/tokenize.ts';
import { chineseHomophones } from '../../text/chinese-homophones.ts';
import { englishTokens } from '../../text/english.ts';
import { editDistance, englishNearSpellings, type NearSpelling, oneEditAway, persianNearSpellings, withinOneEdit } from '../../text/near-spellings.ts';
import { persianTokens } from '../../text/persian.ts';
import type { Language } from '../../text/language.ts';
import { CHINESE_STOP_CHARS } from '../../text/chinese-data.ts';
import type { LexicalView } from './lexical-index.ts';

/** A question word no text of the base holds, read as the known word it likely misspells. */
export interface SpellingCorrection {
  /** The question's token, unknown to the base. */
  typo: string;
  /** The base's token it is read as. */
  token: string;
  /** The misspelt word in the normalised question and its correction, for the glossary to match. */
  from: string;
  to: string;
}

/**
 * A correction is kept only when its word is at least this many times likelier (weighed by how
 * common it is in the base) than the next near spelling: a typo that could be one of two known
 * words is left alone rather than guessed.
 */
const CLEAR_LEAD = 3;

/** Texts that must hold a word reached by a plain edit (not a homophone) for it to be a correction. */
const MIN_TEXTS_FOR_EDIT = 2;

const PERSIAN_WORD = /(?:[\p{Script=Arabic}&&\p{L}]|\u200C)+/gv;
const LATIN_WORD = /[a-z]+/g;
const HAN_PAIR = /^\p{Script=Han}{2}$/u;

type Option = { to: string; token: string; likelihood: number };

/**
 * A word's near spellings and their search tokens, remembered: they depend on the word alone, not
 * on the base, and generating and tokenising them (hundreds a word) was most of a search's cost;
 * members' unknown words (greetings, spoken forms, names) come back question after question.
 * A Chinese pair's homophones likewise. One per retriever, bounded.
 */
export interface SpellingMemo {
  /** The word's near spellings whose tokens stay near its own, if worked out before. */
  remembered(word: string): readonly Option[] | undefined;
  nearKnownForms(word: string, near: (w: string) => NearSpelling[]): readonly Option[];
  /** Words of two characters that sound like `pair` with one character replaced. */
  homophones(pair: string): readonly Option[];
  /** Whether `word` was met before, and from now on it has been. */
  metBefore(word: string): boolean;
}

const MEMO_WORDS = 20_000;

export function createSpellingMemo(): SpellingMemo {
  // Persian and Latin words and Chinese pairs never share a key.
  const byWord = new Map<string, readonly Option[]>();
  const met = new Set<string>();
  const remember = (word: string, options: readonly Option[]) => {
    if (byWord.size >= MEMO_WORDS) byWord.clear();
    byWord.set(word, options);
    return options;
  };
  return {
    remembered: (word) => byWord.get(word),
    nearKnownForms(word, near) {
      // A word is Persian or Latin letters, never both: the word alone says which near spellings it has.
      const known = byWord.get(word);
      if (known) return known;
      const typo = searchTokens(word, 'fa')[0]!;
      const options = near(word).flatMap(({ spelling, likelihood }) => {
        const t = spellingTokens(spelling);
        return t.length === 1 && t[0] !== typo && nearToken(typo, t[0]!, likelihood, [...spelling].length - [...word].length)
          ? [{ to: spelling, token: t[0]!, likelihood }]
          : [];
      });
      return remember(word, options);
    },
    metBefore(word) {
      if (met.has(word)) return true;
      if (met.size >= MEMO_WORDS) met.clear();
      met.add(word);
      return false;
    },
    homophones: (pair) =>
      byWord.get(pair) ??
      remember(
        pair,
        chineseHomophones(pair).map((t) => ({ to: t, token: t, likelihood: 1 })),
      ),
  };
}

const LATIN_SPELLING = /^[a-z]+$/;

/**
 * `searchTokens` of a near spelling, read straight by its script's stemmer: a near spelling is
 * one word of one script, made of a normalised word's letters and its script's, so
 * normalising it changes only ئ (read as ی), and it is one run of letters. Under half the time.
 */
function spellingTokens(spelling: string): string[] {
  const out: string[] = [];
  if (LATIN_SPELLING.test(spelling)) englishTokens(spelling, out);
  else persianTokens(spelling.replaceAll('ئ', 'ی'), out);
  return out;
}

interface Candidate {
  from: string;
  typo: string;
  options: readonly Option[];
  /** A word whose near spellings are not worked out yet, and its token's neighbours. */
  unsure?: { near: (w: string) => NearSpelling[]; neighbours: string[] };
}

/**
 * The question's words that no text of the base holds, each read as the known word it most
 * likely misspells when one clearly stands out: Persian and English words one or two edits away
 * (a letter dropped, added, swapped or replaced; Persian homophone letters likeliest), Chinese
 * two-character words with one character replaced by another of the same sound (a pinyin input
 * slip). The base's document frequencies weigh the candidates, as for Finglish spellings
 * (finglish-query.ts). A word the base knows is never corrected, nor one `isWord` says is a word
 * though no text holds it (a glossary word: پسته, pistachio, is no slip for بسته, a parcel).
 */
export async function spellingCorrections(
  question: TokenizedText,
  language: Language,
  view: Pick<LexicalView, 'stats' | 'documentFrequencies'>,
  memo: SpellingMemo = createSpellingMemo(),
  isWord: (token: string) => boolean = () => false,
): Promise<SpellingCorrection[]> {
  const known = (await view.stats(question.tokens)).df;
  const inQuestion = new Set(question.tokens);
  const unknown = (token: string) => inQuestion.has(token) && !known.has(token) && !isWord(token);
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const lookup = new Set<string>();
  const wordCandidate = (word: string, near: (w: string) => NearSpelling[]) => {
    const tokens = searchTokens(word, 'fa');
    if (tokens.length !== 1 || !unknown(tokens[0]!) || seen.has(tokens[0]!)) return;
    const typo = tokens[0]!;
    seen.add(typo);
    // Worked out and remembered once the word comes back (a long token's near spellings may be read
    // two edits from it: too many neighbours to look up)…
    const options = memo.remembered(word) ?? ([...typo].length >= 8 || memo.metBefore(word) ? memo.nearKnownForms(word, near) : undefined);
    if (options) return candidates.push({ from: word, typo, options });
    // …and the first time, only if the base holds a neighbour of the word's token.
    const neighbours = oneEditAway(typo, word);
    for (const t of neighbours) lookup.add(t);
    candidates.push({ from: word, typo, options: [], unsure: { near, neighbours } });
  };
  for (const [word] of question.normalized.matchAll(PERSIAN_WORD)) wordCandidate(word, persianNearSpellings);
  // Latin words in a Persian or Chinese question are names and terms (CNC, GACC), or Finglish the base did not know.
  if (language === 'en') for (const [word] of question.normalized.matchAll(LATIN_WORD)) wordCandidate(word, englishNearSpellings);
  const pairs = looseCharacterPairs(question.normalized);
  for (const token of question.tokens) {
    if (!HAN_PAIR.test(token) || !unknown(token) || seen.has(token) || !pairs.has(token)) continue;
    seen.add(token);
    candidates.push({ from: token, typo: token, options: memo.homophones(token) });
  }
  for (const c of candidates) for (const o of c.options) if (!inQuestion.has(o.token)) lookup.add(o.token);
  if (lookup.size === 0) return [];

  // One lookup: a short word's near spellings that stay near its token are among its neighbours.
  const df = await view.documentFrequencies([...lookup]);
  for (const c of candidates) {
    if (c.unsure?.neighbours.some((t) => df.has(t))) c.options = memo.nearKnownForms(c.from, c.unsure.near);
    c.options = c.options.filter((o) => !inQuestion.has(o.token));
  }
  const out: (SpellingCorrection & { score: number })[] = [];
  for (const c of candidates) {
    // One score per known token: several edits may reach the same word.
    const scores = new Map<string, { to: string; score: number }>();
    for (const o of c.options) {
      const found = df.get(o.token) ?? 0;
      // A word of a single text is as likely a stray form as the word meant (مونده → مولده).
      const score = found >= MIN_TEXTS_FOR_EDIT || o.likelihood >= 1 ? o.likelihood * found : 0;
      if (score > (scores.get(o.token)?.score ?? 0)) scores.set(o.token, { to: o.to, score });
    }
    if (HAN_PAIR.test(c.typo)) for (const token of scores.keys()) if (!isDictionaryWord(token)) scores.delete(token);
    const ranked = [...scores].sort((a, b) => b[1].score - a[1].score);
    const [best, next] = ranked;
    if (best && (!next || best[1].score >= CLEAR_LEAD * next[1].score))
      out.push({ typo: c.typo, token: best[0], from: c.from, to: best[1].to, score: best[1].score });
  }
  // Two Chinese pairs sharing a character (冻节, 节了) cannot both be slips: the likelier stays.
  const kept: (SpellingCorrection & { score: number })[] = [];
  for (const c of out.sort((a, b) => b.score - a.score))
    if (!HAN_PAIR.test(c.typo) || !kept.some((k) => HAN_PAIR.test(k.typo) && [...k.typo].some((ch) => c.typo.includes(ch)))) kept.push(c);
  return kept.map(({ score: _score, ...c }) => c);
}

/** The question as if typed with the corrections (a Chinese slip's lone character corrected too: 郎 → 朗). */
export function corrected(question: TokenizedText, corrections: SpellingCorrection[]): TokenizedText {
  if (corrections.length === 0) return question;
  let normalized = question.normalized;
  for (const c of corrections) normalized = HAN_PAIR.test(c.from) ? normalized.replaceAll(c.from, c.to) : normalized.replace(wholeWord(c.from), c.to);
  return tokenizeNormalized(normalized);
}

function wholeWord(word: string): RegExp {
  return new RegExp(`(?<![\\p{L}\u200C])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\u200C])`, 'gu');
}

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * The question's Chinese character pairs that may be a misspelt word: two characters the
 * segmenter leaves alone (伊|郎, 冻|节: it knows no such word). A pair it reads as a word
 * (同行) or that straddles one (结了 in 冻结|了, 不相 in 不|相信) was typed right.
 */
function looseCharacterPairs(text: string): Set<string> {
  const pairs = new Set<string>();
  let previous = '';
  for (const { segment } of WORDS.segment(text)) {
    const pair = previous + segment;
    if (previous.length === 1 && segment.length === 1 && HAN_PAIR.test(pair) && !STOP.test(pair)) pairs.add(pair);
    previous = segment;
  }
  return pairs;
}

/** Particles and function characters (了, 是, 的…): a pair holding one is no misspelt word (港了, 是做). */
const STOP = new RegExp(`[${CHINESE_STOP_CHARS}]`);

/**
 * The corrected token must stay as near the misspelt one as the words are, and grow or shrink as
 * the word did: an edit that makes the stemmer cut a different ending (فردا → فردما → فرد,
 * weekend → weeked → week) is no typo fixed. A token of three letters or fewer takes only a
 * homophone letter, as a word that short does.
 */
function nearToken(typo: string, token: string, likelihood: number, lengthChange: number): boolean {
  const a = [...typo];
  const b = [...token];
  if ((a.length <= 3 && likelihood < 1) || b.length - a.length !== lengthChange) return false;
  return a.length >= 8 ? editDistance(a, b) <= 2 : withinOneEdit(a, b);
}

/** A correction must be a word in its own right (冻结, 伊朗), not two characters that meet in some text (接了 is no slip of 结了). */
function isDictionaryWord(pair: string): boolean {
  const [first] = WORDS.segment(pair);
  return first?.segment === pair;
}
