import type { Language } from '../../text/language.ts';
import { tokenLanguage } from '../../text/tokenize.ts';
import type { Expansion } from '../glossary/glossary.ts';

/**
 * A weighted query. Each group contributes the best of its alternatives to a text's score:
 * a question token is a group of one, a glossary concept in one language is a group of its
 * variants (so a concept with six synonyms does not outweigh one with a single word).
 */
export interface QueryGroup {
  key: string;
  /** Where the tokens came from: the question itself, an LLM translation, the glossary, or two adjacent words of the question. */
  source: 'original' | 'translation' | 'glossary' | 'pair';
  /** The language whose texts these tokens can match (by script). */
  language: Language;
  alternatives: { tokens: string[]; weight: number }[];
  /** Share of its score a text earns in the ranking (a glossary concept found inside a longer one); 1 if absent. Lookups use the full weights. */
  share?: number;
}

/** The weight of one token inside an alternative: single Chinese characters count less than bigrams. */
export function tokenWeight(token: string, weights: QueryWeights): number {
  return SINGLE_HAN.test(token) ? weights.hanChar : 1;
}

export interface QueryWeights {
  translation: number;
  glossary: number;
  /** Single Chinese characters carry little meaning on their own next to the bigrams. */
  hanChar: number;
  /** A misspelt question word read as the known word it likely means (spelling.ts): less sure than a word spelled right. */
  corrected: number;
  /**
   * Two adjacent words of the question (adjacentPairs) in the question's IDF mass the confidence's
   * coverage measures, as this many times the pair's IDF. The ranking and the evidence leave
   * pairs out: weighed there they changed no ranking, and made the separation worse.
   */
  pair: number;
}

export const DEFAULT_QUERY_WEIGHTS: QueryWeights = {
  translation: 0.9,
  glossary: 2,
  hanChar: 0.3,
  corrected: 0.85,
  pair: 2,
};

const SINGLE_HAN = /^\p{Script=Han}$/u;

/**
 * The query from the tokens of the question (`original`), of its translations into the other
 * languages, and the glossary's expansions of them all.
 */
export function buildQuery(
  input: {
    original: string[];
    translations: string[][];
    expansions: Expansion[];
    /** Tokens of `original` that come from a misspelt word read as the known word it likely means. */
    corrected?: ReadonlySet<string>;
    /** Adjacent word pairs of `original` (adjacentPairs): read by the coverage only. */
    pairs?: readonly string[];
  },
  weights: QueryWeights = DEFAULT_QUERY_WEIGHTS,
): QueryGroup[] {
  const groups = new Map<string, QueryGroup>();
  const addTerm = (term: string, weight: number, source: QueryGroup['source']) => {
    const key = `t:${term}`;
    const w = weight;
    const existing = groups.get(key);
    if (existing) {
      // The same word from the question and from a translation counts once, at its best weight.
      if (w > existing.alternatives[0]!.weight) existing.alternatives[0]!.weight = w;
      if (source === 'original') existing.source = 'original';
      return;
    }
    groups.set(key, { key, source, language: tokenLanguage(term), alternatives: [{ tokens: [term], weight: w }] });
  };
  // A corrected word is still the member's own (the evidence sees it matched), at a lower weight.
  for (const t of input.original) addTerm(t, input.corrected?.has(t) ? weights.corrected : 1, 'original');
  for (const tokens of input.translations) for (const t of tokens) addTerm(t, weights.translation, 'translation');
  for (const e of input.expansions) {
    const tokens = [...new Set(e.tokens)];
    if (tokens.length === 0) continue;
    const key = `g:${e.concept ?? tokens.join(' ')}:${e.language}`;
    const group: QueryGroup = groups.get(key) ?? { key, source: 'glossary', language: e.language, alternatives: [], share: 0 };
    // Named inside a longer concept by the question, outright by a translation: the larger share.
    group.share = Math.max(group.share ?? 1, e.share ?? 1);
    // Per token, so a concept counts about as much as one word of the question, whether its
    // variant is one English word or a Chinese phrase of several bigrams.
    const weight = (e.weight * weights.glossary) / tokens.length;
    // The question and its translations often name the same concept: one alternative, at its best weight.
    const same = group.alternatives.find((a) => a.tokens.length === tokens.length && a.tokens.every((t, i) => t === tokens[i]));
    if (same) same.weight = Math.max(same.weight, weight);
    else group.alternatives.push({ tokens, weight });
    groups.set(key, group);
  }
  for (const p of input.pairs ?? []) {
    const key = `p:${p}`;
    if (!groups.has(key)) groups.set(key, { key, source: 'pair', language: tokenLanguage(p), alternatives: [{ tokens: [p], weight: 1 }] });
  }
  return [...groups.values()];
}

/** Every distinct token in the query. */
export function queryTerms(groups: QueryGroup[]): string[] {
  const terms = new Set<string>();
  for (const g of groups) for (const a of g.alternatives) for (const t of a.tokens) terms.add(t);
  return [...terms];
}
