import type { Language } from './language.ts';
import { chineseTokens } from './chinese.ts';
import { englishTokens } from './english.ts';
import { normalize } from './normalize.ts';
import { persianTokens } from './persian.ts';

// One pass over the normalised text finds runs of each script: Han characters; Persian words
// with the single spaces between them (needed to rejoin می خواهم and کتاب ها); and words of any
// other letters or digits, with inner hyphens, apostrophes and decimal points.
const FA = String.raw`(?:[\p{Script=Arabic}&&\p{L}]|\u200C)+`;
const OTHER = String.raw`[[\p{L}\p{N}]--[\p{Script=Han}\p{Script=Arabic}]]+`;
const RUNS = new RegExp(String.raw`(\p{Script=Han}+)|(${FA}(?: ${FA})*)|(${OTHER}(?:(?:['\-_\/]|(?<=\d)\.(?=\d))${OTHER})*)`, 'gv');

/**
 * The one tokenizer for indexing and for questions: normalises the text, then treats each
 * run by its own script whatever `language` says (a Persian question naming "CNC" yields
 * `cnc`). Persian: spoken forms mapped to written ones, suffixes and verb endings removed,
 * stop words dropped. Chinese: traditional made simplified, informal words made standard,
 * segmenter words plus character bigrams. English and other letters: lower case, light
 * stemming, stop words dropped. Digits are kept as ASCII. Deterministic; no token has a space.
 * A question's tokens (`options.question`) are a subset of what the same text would index.
 */
export function searchTokens(text: string, language: Language, options: { question?: boolean } = {}): string[] {
  return tokensOfNormalized(normalize(text, language), options);
}

/** A question as the search reads it: normalised once, and its tokens. */
export interface TokenizedText {
  normalized: string;
  tokens: string[];
}

/** `searchTokens` of a question, keeping the normalised text too (the glossary matches Chinese in it). */
export function tokenizeQuestion(text: string, language: Language): TokenizedText {
  const normalized = normalize(text, language);
  return { normalized, tokens: tokensOfNormalized(normalized, { question: true }) };
}

/** `tokenizeQuestion` of a text already normalised (a question with its misspelt words corrected). */
export function tokenizeNormalized(normalized: string): TokenizedText {
  return { normalized, tokens: tokensOfNormalized(normalized, { question: true }) };
}

function tokensOfNormalized(normalized: string, options: { question?: boolean }): string[] {
  const out: string[] = [];
  for (const match of normalized.matchAll(RUNS)) {
    const [, han, persian, other] = match;
    if (han !== undefined) chineseTokens(han, out, options);
    else if (persian !== undefined) persianTokens(persian, out);
    else if (other !== undefined) englishTokens(other, out);
  }
  return out;
}

const HAN = /\p{Script=Han}/u;
const ARABIC = /\p{Script=Arabic}/u;

/**
 * A number of one or two digits alone ("7" in "customs question number 7"): a count, a day, a
 * rank, seldom what is asked. No word pair is made with it, and the search's confidence does not
 * count it as evidence (knowledge/search): whether a text happened to hold the question's 3 or 12
 * decided whether it was answered. Longer numbers (a model 1210, an HS code, a year) may be the
 * very subject.
 */
export function isBareNumber(token: string): boolean {
  return /^\d{1,2}$/.test(token);
}

/** The language a token can match, judged by its script; Latin and digits match English texts (and others). */
export function tokenLanguage(token: string): Language {
  if (HAN.test(token)) return 'zh';
  if (ARABIC.test(token)) return 'fa';
  return 'en';
}

/**
 * Two content words met side by side (stop words dropped): "letter of credit" holds
 * `letter_credit`, ثبت شرکت holds `ثبت_شرکت`. No word token has an underscore (English splits on
 * it, Persian runs exclude it), so a pair never collides with a word.
 */
function pairToken(first: string, second: string): string {
  return `${first}_${second}`;
}

/**
 * Persian and English words in the same script, neither a bare one- or two-digit number: Chinese
 * already has its character bigrams, and a pair across scripts or with an incidental number
 * says nothing about word order.
 */
function pairable(a: string, b: string): boolean {
  if (a === b || isBareNumber(a) || isBareNumber(b)) return false;
  const language = tokenLanguage(a);
  return language !== 'zh' && language === tokenLanguage(b);
}

/**
 * The adjacent word pairs of a text's tokens, indexed beside its words (search-tokens.ts) so the
 * confidence can tell a story holding the question's words together from one holding them apart.
 */
export function adjacentPairs(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) if (pairable(tokens[i]!, tokens[i + 1]!)) out.push(pairToken(tokens[i]!, tokens[i + 1]!));
  return out;
}
