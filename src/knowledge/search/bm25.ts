import type { Language } from '../../text/language.ts';
import type { Queryable } from '../../db/db.ts';
import { isBareNumber, tokenLanguage } from '../../text/tokenize.ts';
import { type QueryGroup, type QueryWeights, tokenWeight } from './query.ts';

/** Corpus statistics BM25 needs: document frequencies of the query's terms, text counts and lengths. */
export interface CorpusStats {
  /** Number of texts: of all statuses from the database (as term_stats counts them), published ones in memory. */
  n: number;
  avgLength: Record<Language, number>;
  df: Map<string, number>;
}

export interface CandidateText {
  textId: number;
  experienceId: number;
  externalId: string;
  language: Language;
  country: string;
  industry: string;
  searchLength: number;
}

export interface LexicalTuning {
  k1: number;
  b: number;
  /** How many of the most informative terms go into the index lookup, per script. */
  lookupTermsPerLanguage: number;
  /** Texts kept from the index lookup (the best by summed weights of the terms they hold) and scored. */
  candidateLimit: number;
  /** Terms in more than this share of texts find everything and rank nothing: not looked up... */
  maxLookupDfShare: number;
  /**
   * ...once the base holds more than this many texts. In a small base every word is in a large
   * share of the texts, and skipping them would leave nothing to look up.
   */
  minTextsForDfShare: number;
  /**
   * Cap on the summed document frequency of the looked-up terms: the rarest terms are taken
   * first, and a relevant text nearly always holds one of them, so the index lookup stays
   * small (and fast) however large the base grows.
   */
  maxLookupRows: number;
  /**
   * Rows one term's lookup may return: bounds the work for a question made only of common
   * words (its rarest term is still looked up, so it is answered, from a sample).
   */
  maxScannedRows: number;
}

export const DEFAULT_LEXICAL_TUNING: LexicalTuning = {
  k1: 1.2,
  b: 0.75,
  lookupTermsPerLanguage: 16,
  candidateLimit: 40,
  maxLookupDfShare: 0.1,
  minTextsForDfShare: 2000,
  maxLookupRows: 800,
  maxScannedRows: 400,
};

export async function fetchStats(db: Queryable, terms: string[]): Promise<CorpusStats> {
  const [row] = await db.query<{ stats: Record<string, [number, number]> | null; dfs: Record<string, number> | null }>(
    `SELECT (SELECT json_object_agg(language, json_build_array(texts, total_length)) FROM text_length_stats) AS stats,
            (SELECT json_object_agg(term, df) FROM term_stats WHERE term = ANY($1::text[])) AS dfs`,
    [terms],
  );
  const stats = row?.stats ?? {};
  let n = 0;
  const avgLength = { fa: 1, zh: 1, en: 1 } as Record<Language, number>;
  for (const [language, [texts, total]] of Object.entries(stats)) {
    n += Number(texts);
    if (Number(texts) > 0) avgLength[language as Language] = Number(total) / Number(texts);
  }
  return { n, avgLength, df: new Map(Object.entries(row?.dfs ?? {}).map(([t, d]) => [t, Number(d)])) };
}

export function idf(stats: CorpusStats, term: string): number {
  const df = stats.df.get(term) ?? 0;
  return Math.log(1 + (stats.n - df + 0.5) / (df + 0.5));
}

/** A term to look up in the index, with what a text containing it earns in the pre-ranking. */
export interface LookupTerm {
  term: string;
  weight: number;
}

/**
 * The terms worth an index lookup: per script, those with the highest weighted IDF that fit
 * the summed-df budget. Very common terms are skipped in a large base, but each script keeps
 * at least its rarest term, so a question made of common words still finds candidates.
 */
export function lookupTerms(groups: QueryGroup[], stats: CorpusStats, tuning: LexicalTuning, weights: QueryWeights): LookupTerm[] {
  const best = new Map<string, number>();
  for (const g of groups) {
    // A text holding a pair holds both its words, and is found by them.
    if (g.source === 'pair') continue;
    for (const a of g.alternatives) {
      for (const t of a.tokens) {
        if ((stats.df.get(t) ?? 0) === 0) continue;
        const value = a.weight * tokenWeight(t, weights) * idf(stats, t);
        if (value > (best.get(t) ?? 0)) best.set(t, value);
      }
    }
  }
  const byLanguage = new Map<Language, [string, number][]>();
  for (const entry of best) {
    const list = byLanguage.get(tokenLanguage(entry[0])) ?? [];
    list.push(entry);
    byLanguage.set(tokenLanguage(entry[0]), list);
  }
  const df = (t: string) => stats.df.get(t)!;
  const maxDf = stats.n > tuning.minTextsForDfShare ? tuning.maxLookupDfShare * stats.n : Infinity;
  const chosen: LookupTerm[] = [];
  const budget = tuning.maxLookupRows / byLanguage.size;
  for (const list of byLanguage.values()) {
    let rows = 0;
    const before = chosen.length;
    // Most valuable first, but a term that alone would exhaust the budget is passed over for
    // rarer ones (a common glossary synonym can outweigh a rare word of the question).
    for (const [term, weight] of list.sort((x, y) => y[1] - x[1] || df(x[0]) - df(y[0])).slice(0, tuning.lookupTermsPerLanguage)) {
      if (df(term) > maxDf || rows + df(term) > budget) continue;
      rows += df(term);
      chosen.push({ term, weight });
    }
    if (chosen.length === before) {
      const [term, weight] = list.reduce((a, b) => (df(b[0]) < df(a[0]) ? b : a));
      chosen.push({ term, weight });
    }
  }
  return chosen;
}

/**
 * A token as a tsquery of one literal lexeme: inside quotes no character is an operator (quotes
 * doubled, backslashes escaped), and tsquery input neither re-parses nor normalises a quoted
 * lexeme, so it matches the lexemes migration 0008 stores, whatever the input.
 */
export function lexemeQuery(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * Published texts containing any of the terms, pre-ranked by the summed weights of the terms
 * they contain; the best `limit`. Each term is looked up on its own through the GIN index (at
 * most `perTermLimit` rows), so only index entries and row headers are read, never the stored
 * tsvectors. The matches are then walked best first, checking status and filters one row at a
 * time until `limit` pass, and only those texts are read. The LIMIT 1 subqueries keep those
 * checks index probes: without planner statistics (PGlite never analyses on its own) a plain
 * join was planned as a hash of every experience.
 */
export async function fetchCandidates(
  db: Queryable,
  terms: LookupTerm[],
  filters: { country?: string; industry?: string },
  limit: number,
  perTermLimit = DEFAULT_LEXICAL_TUNING.maxScannedRows,
): Promise<(CandidateText & { searchText: string })[]> {
  if (terms.length === 0) return [];
  return db.query<CandidateText & { searchText: string }>(
    `WITH hits AS (
       SELECT h.id, h.experience_id, sum(q.weight) AS score
       FROM unnest($1::tsquery[], $2::float8[]) AS q(query, weight)
       CROSS JOIN LATERAL (SELECT t.id, t.experience_id FROM experience_texts t WHERE t.tsv @@ q.query LIMIT $6) h
       GROUP BY h.id, h.experience_id
     )
     SELECT t.id::int AS "textId", t.experience_id::int AS "experienceId", e.external_id AS "externalId",
            t.language, e.country, e.industry, t.search_text AS "searchText", t.search_length AS "searchLength"
     FROM (SELECT id, experience_id, score FROM hits ORDER BY score DESC, id OFFSET 0) r
     CROSS JOIN LATERAL (
       SELECT e.external_id, e.country, e.industry FROM experiences e
       WHERE e.id = r.experience_id AND e.status = 'published'
         AND ($3::text IS NULL OR e.country = $3) AND ($4::text IS NULL OR e.industry = $4)
       LIMIT 1
     ) e
     CROSS JOIN LATERAL (SELECT * FROM experience_texts t WHERE t.id = r.id LIMIT 1) t
     LIMIT $5`,
    [terms.map((t) => lexemeQuery(t.term)), terms.map((t) => t.weight), filters.country ?? null, filters.industry ?? null, limit, perTermLimit],
  );
}

/** How often each query term occurs in each candidate: `perText[c][index.get(term)]`. */
export interface TermCounts {
  index: Map<string, number>;
  perText: Uint32Array[];
}

export interface ScoredText {
  text: CandidateText;
  score: number;
  /**
   * The same score with each glossary concept counting as much as one word of the question (its
   * ranking weight divided by the glossary weight), no more: what the abstention weighs (see
   * abstention.ts), computed in the same pass since only the glossary groups' weights differ.
   */
  evidence: number;
  /** Positions in the query's groups of those this text matched (adjacent word pairs too), ascending. */
  matched: number[];
}

/**
 * BM25 with query-group weights; a group scores its best alternative, and a word of the text
 * counts for one glossary group only (claimWords). The query is first
 * flattened into typed arrays of term indices and weights × IDF, so the loop over candidates
 * does array arithmetic only: it runs for every candidate of every question.
 */
export function scoreTexts(
  candidates: CandidateText[],
  counts: TermCounts,
  groups: QueryGroup[],
  stats: CorpusStats,
  tuning: LexicalTuning,
  weights: QueryWeights,
): ScoredText[] {
  const value = new Float64Array(counts.index.size);
  for (const [term, i] of counts.index) value[i] = tokenWeight(term, weights) * idf(stats, term);
  // Group g's alternatives are firstAlternative[g] up to firstAlternative[g + 1]; alternative
  // a's terms are firstTerm[a] up to firstTerm[a + 1].
  let alternatives = 0;
  let tokens = 0;
  for (const g of groups) {
    alternatives += g.alternatives.length;
    for (const a of g.alternatives) tokens += a.tokens.length;
  }
  const firstAlternative = new Int32Array(groups.length + 1);
  const evidenceShare = new Float64Array(groups.length);
  const fromPair = new Uint8Array(groups.length);
  const fromGlossary = new Uint8Array(groups.length);
  const firstTerm = new Int32Array(alternatives + 1);
  const alternativeWeight = new Float64Array(alternatives);
  const termAt = new Int32Array(tokens);
  let a = 0;
  let k = 0;
  for (const [g, group] of groups.entries()) {
    firstAlternative[g] = a;
    evidenceShare[g] =
      group.source === 'glossary' && weights.glossary > 0 ? 1 / weights.glossary : group.alternatives.every((x) => x.tokens.every(isBareNumber)) ? 0 : 1;
    fromGlossary[g] = group.source === 'glossary' ? 1 : 0;
    fromPair[g] = group.source === 'pair' ? 1 : 0;
    for (const alternative of group.alternatives) {
      firstTerm[a] = k;
      // A concept found inside a longer one ranks at its share; lookups weighed it in full.
      alternativeWeight[a] = alternative.weight * (group.share ?? 1);
      for (const t of alternative.tokens) termAt[k++] = counts.index.get(t)!;
      a += 1;
    }
  }
  firstAlternative[groups.length] = a;
  firstTerm[a] = k;

  const k1 = tuning.k1;
  // What alternative x earns in a text, leaving out the terms another concept has claimed there.
  const alternativeScore = (x: number, tf: Uint32Array, norm: number, claimed?: ReadonlySet<number>): number => {
    let s = 0;
    for (let y = firstTerm[x]!; y < firstTerm[x + 1]!; y++) {
      const i = termAt[y]!;
      const f = tf[i]!;
      if (f > 0 && !claimed?.has(i)) s += value[i]! * ((f * (k1 + 1)) / (f + norm));
    }
    return s * alternativeWeight[x]!;
  };
  // The glossary group that last held each term in text c (stamped with c, so never cleared).
  const heldBy = new Int32Array(counts.index.size);
  const heldIn = new Int32Array(counts.index.size).fill(-1);
  const out: ScoredText[] = [];
  for (let c = 0; c < candidates.length; c++) {
    const text = candidates[c]!;
    const tf = counts.perText[c]!;
    const norm = k1 * (1 - tuning.b + (tuning.b * text.searchLength) / stats.avgLength[text.language]);
    let score = 0;
    let evidence = 0;
    const matched: number[] = [];
    let concepts: { g: number; best: number }[] | undefined;
    for (let g = 0; g < groups.length; g++) {
      let best = 0;
      for (let x = firstAlternative[g]!; x < firstAlternative[g + 1]!; x++) {
        const s = alternativeScore(x, tf, norm);
        if (s > best) best = s;
      }
      if (best <= 0) continue;
      // A pair is only listed as matched, for the coverage (QueryWeights.pair).
      if (fromPair[g]) matched.push(g);
      else if (fromGlossary[g]) (concepts ??= []).push({ g, best });
      else {
        score += best;
        evidence += best * evidenceShare[g]!;
        matched.push(g);
      }
    }
    if (concepts) {
      for (const { g, best } of concepts.length > 1 && shareWords(concepts, tf, c) ? claimWords(concepts, tf, norm) : concepts) {
        score += best;
        evidence += best * evidenceShare[g]!;
        matched.push(g);
      }
      matched.sort((x, y) => x - y);
    }
    if (score > 0) out.push({ text, score, evidence, matched });
  }
  return out;

  /** Whether two of the concepts hold a word of text c: most texts share none, and need no claims. */
  function shareWords(concepts: { g: number }[], tf: Uint32Array, c: number): boolean {
    for (const { g } of concepts) {
      for (let y = firstTerm[firstAlternative[g]!]!; y < firstTerm[firstAlternative[g + 1]!]!; y++) {
        const i = termAt[y]!;
        if (tf[i] === 0) continue;
        if (heldIn[i] === c && heldBy[i] !== g) return true;
        heldIn[i] = c;
        heldBy[i] = g;
      }
    }
    return false;
  }

  /**
   * A word of the text counts for one glossary concept only. A question's concepts overlap:
   * 伊朗客户 names Iran, customer and Iranian customer; بیمه حمل ریلی names cargo insurance and
   * rail freight, whose English variants share "transport". A text saying مشتری ایرانی, or
   * "transport", mentions them once, yet each concept credited it again, so a story repeating one
   * shared word outranked the one about the thing asked. The best-scoring concept claims the
   * words of its best variant first; the others score on what is left.
   */
  function claimWords(concepts: { g: number; best: number }[], tf: Uint32Array, norm: number): { g: number; best: number }[] {
    const claimed = new Set<number>();
    const kept: { g: number; best: number }[] = [];
    for (const { g } of concepts.sort((x, y) => y.best - x.best || x.g - y.g)) {
      let best = 0;
      let at = -1;
      for (let x = firstAlternative[g]!; x < firstAlternative[g + 1]!; x++) {
        const s = alternativeScore(x, tf, norm, claimed);
        if (s > best) [best, at] = [s, x];
      }
      if (at < 0) continue;
      kept.push({ g, best });
      for (let y = firstTerm[at]!; y < firstTerm[at + 1]!; y++) if (tf[termAt[y]!]! > 0) claimed.add(termAt[y]!);
    }
    return kept;
  }
}

/** The score a text made of exactly the question would get: the scale for relative scores. */
export function selfScore(groups: QueryGroup[], stats: CorpusStats, tuning: LexicalTuning, weights: QueryWeights, sources: Set<QueryGroup['source']>): number {
  let total = 0;
  for (const g of groups) if (sources.has(g.source)) total += groupValue(g, stats, weights);
  return total;
}

/** What matching a group is worth at most, before term frequency and length: its best alternative's weighted IDF. */
export function groupValue(group: QueryGroup, stats: CorpusStats, weights: QueryWeights): number {
  let best = 0;
  for (const a of group.alternatives) {
    const s = a.weight * a.tokens.reduce((sum, t) => sum + tokenWeight(t, weights) * idf(stats, t), 0);
    if (s > best) best = s;
  }
  return best;
}
