import type { Language } from '../../text/language.ts';
import type { Queryable } from '../../db/db.ts';
import { type CorpusStats, fetchStats } from './bm25.ts';

export interface CorpusStatsCacheOptions {
  /** How long a term's document frequency and the text lengths are reused. */
  ttlMs: number;
  /**
   * How long "no text holds this term" is reused: shorter, since a newly published experience
   * may bring the word, and until then the word is not looked up in the index.
   */
  absentTtlMs: number;
  /** Past this many remembered terms the cache starts again empty. */
  maxTerms: number;
  now?: () => number;
}

export const DEFAULT_CORPUS_STATS_CACHE: CorpusStatsCacheOptions = { ttlMs: 60_000, absentTtlMs: 10_000, maxTerms: 100_000 };

export type CorpusStatsSource = (terms: string[]) => Promise<CorpusStats>;

/**
 * BM25's statistics, reused for a while instead of read for every question: a document
 * frequency that is a minute old moves a score by a hair, and reading them was a third of the
 * database's work per question. Which texts match is never cached: candidates always come from
 * the index, published only.
 */
export function cachedCorpusStats(db: Queryable, options: CorpusStatsCacheOptions = DEFAULT_CORPUS_STATS_CACHE): CorpusStatsSource {
  const now = options.now ?? Date.now;
  const dfs = new Map<string, { df: number; until: number }>();
  let lengths: { n: number; avgLength: Record<Language, number>; until: number } | undefined;

  return async (terms) => {
    const at = now();
    const df = new Map<string, number>();
    const missing: string[] = [];
    for (const t of terms) {
      const known = dfs.get(t);
      if (!known || known.until <= at) missing.push(t);
      else if (known.df > 0) df.set(t, known.df);
    }
    if (missing.length > 0 || !lengths || lengths.until <= at) {
      const fresh = await fetchStats(db, missing);
      if (dfs.size + missing.length > options.maxTerms) dfs.clear();
      for (const t of missing) {
        const found = fresh.df.get(t) ?? 0;
        dfs.set(t, { df: found, until: at + (found > 0 ? options.ttlMs : options.absentTtlMs) });
        if (found > 0) df.set(t, found);
      }
      lengths = { n: fresh.n, avgLength: fresh.avgLength, until: at + options.ttlMs };
    }
    return { n: lengths.n, avgLength: lengths.avgLength, df };
  };
}
