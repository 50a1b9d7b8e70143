import type { Queryable } from '../../db/db.ts';
import { cachedCorpusStats, type CorpusStatsSource } from './corpus-stats-cache.ts';
import { type CandidateText, type CorpusStats, fetchCandidates, fetchStats, type LookupTerm } from './bm25.ts';

/** Where the lexical search finds published texts, their statistics and their term counts. */
export interface LexicalIndex {
  /** What one question searches: every change committed before the call is in it. */
  view(): Promise<LexicalView>;
}

export interface LexicalView {
  /** BM25 statistics for these terms. */
  stats(terms: string[]): Promise<CorpusStats>;
  /**
   * How many texts hold each of `terms` (a term no text holds is absent), read afresh and not
   * remembered: for the thousands of near spellings a misspelt word is tried as (spelling.ts),
   * which would push the question's own terms out of a statistics cache.
   */
  documentFrequencies(terms: string[]): Promise<Map<string, number>>;
  /** Published texts holding any of the terms, pre-ranked; the best `limit`. */
  candidates(terms: LookupTerm[], filters: { country?: string; industry?: string }, limit: number, perTermLimit: number): Promise<CandidateText[]>;
  /** How often each of `terms` occurs in each of the candidates this index returned. */
  countTerms(candidates: CandidateText[], terms: string[]): Uint32Array[];
}

/**
 * The lexical search read from the database for every question (GIN index, then the candidate
 * rows with their tokens): nothing to load first, so it suits one-off commands and bases too
 * large to hold in memory.
 */
export function databaseLexicalIndex(db: Queryable, stats: CorpusStatsSource = cachedCorpusStats(db)): LexicalIndex {
  // The tokens travel with the candidates they were read with, and go with them.
  const tokens = new WeakMap<CandidateText, string>();
  const view: LexicalView = {
    stats,
    documentFrequencies: async (terms) => (await fetchStats(db, terms)).df,
    async candidates(terms, filters, limit, perTermLimit) {
      const rows = await fetchCandidates(db, terms, filters, limit, perTermLimit);
      return rows.map(({ searchText, ...text }) => {
        tokens.set(text, searchText);
        return text;
      });
    },
    countTerms(candidates, terms) {
      const index = new Map(terms.map((t, i) => [t, i]));
      const occurrences = wholeTokenPattern(terms);
      return candidates.map((text) => {
        const tf = new Uint32Array(terms.length);
        for (const [token] of (tokens.get(text) ?? '').matchAll(occurrences)) tf[index.get(token)!]! += 1;
        return tf;
      });
    },
  };
  return { view: async () => view };
}

/**
 * Matches any of `tokens` as a whole token of a space-separated search_text. One regular
 * expression pass finds the query's terms without cutting the text into a string per token.
 */
function wholeTokenPattern(tokens: string[]): RegExp {
  const alternatives = tokens.map((t) => t.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|');
  return new RegExp(`(?<![^ ])(?:${alternatives || '(?!)'})(?![^ ])`, 'g');
}
