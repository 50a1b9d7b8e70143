import { type Language, LANGUAGES } from '../../text/language.ts';
import type { Db } from '../../db/db.ts';
import type { Logger } from '../../log.ts';
import { detectLanguage } from '../../text/language.ts';
import { adjacentPairs, tokenizeQuestion } from '../../text/tokenize.ts';
import { joinedCompounds } from '../../text/persian.ts';
import { finglishReading } from './finglish-query.ts';
import { corrected, spellingCorrections, createSpellingMemo } from './spelling.ts';
import {
  type AbstentionFeatures,
  type AbstentionModel,
  abstentionFeatures,
  asksSomething,
  confidence,
  DEFAULT_ABSTENTION_MODEL,
  type NothingReason,
  type Tier,
  tier,
} from './abstention.ts';
import { liveInformationAsked } from './live-information.ts';

export type { NothingReason, Tier };
import { type ExperienceScore, groupByExperience, reciprocalRankFusion } from './fusion.ts';
import type { Expansion, Glossary } from '../glossary/glossary.ts';
import { buildQuery, DEFAULT_QUERY_WEIGHTS, type QueryGroup, type QueryWeights, queryTerms, tokenWeight } from './query.ts';
import { databaseLexicalIndex, type LexicalIndex } from './lexical-index.ts';
import { type CorpusStats, DEFAULT_LEXICAL_TUNING, idf, type LexicalTuning, lookupTerms, scoreTexts, selfScore } from './bm25.ts';
import { type Embedder, vectorSearch } from './vector-search.ts';

export type { Embedder };

export interface SearchQuery {
  text: string;
  language?: Language;
  /** The question translated (e.g. by an LLM) into other languages. */
  translations?: Partial<Record<Language, string>>;
  /** Hard filters. */
  country?: string;
  industry?: string;
  limit?: number;
  /** Soft preferences: "firms like mine" rank slightly higher. */
  preferCountry?: string;
  preferIndustry?: string;
  /** Ends the question's embedding call early (its time ran out); the search is then lexical. */
  signal?: AbortSignal;
}

export interface SearchHit {
  experienceId: number;
  externalId: string;
  score: number;
  matchedLanguage: Language;
}

export interface SearchResult {
  /** The language the question was read in: the one asked, or Persian for Persian typed in Latin letters. */
  language: Language;
  /** Not `answered`: the hits are no sure answer. */
  abstained: boolean;
  /** `related`: the top hits may be related to the question, though none surely answers it. */
  tier: Tier;
  /** Why the tier is `nothing` when the question asks what no experience can answer, whatever it matches. */
  reason?: NothingReason;
  /** How sure we are that the top hit answers the question, in [0, 1]. */
  confidence: number;
  hits: SearchHit[];
  /** Why: the abstention features (for eval and logs). */
  features?: AbstentionFeatures;
  /**
   * The words searched for, as the ranking weighs them: the question as asked (Finglish as the
   * Persian it spells), its translations and the glossary's expansions. A common word weighs
   * little. What to quote and whom to cite is chosen with them.
   */
  words?: SearchedWord[];
}

/**
 * One word of the query, worth `weight` at most: any of its tokens is it (a glossary concept has
 * several variants), each worth its own weight (a Chinese phrase's bigrams add up, a lone
 * character is worth little).
 */
export interface SearchedWord {
  tokens: { token: string; weight: number }[];
  weight: number;
}

export interface Retriever {
  search(query: SearchQuery): Promise<SearchResult>;
}

export interface RetrievalOptions {
  query: QueryWeights;
  lexical: LexicalTuning;
  /** Share of the other matching language variants' scores added to an experience's best. */
  otherVariantsBonus: number;
  /** Hits scoring within this share of each other are a near-tie, which the asker's profile breaks. */
  profileNearTie: number;
  useGlossary: boolean;
  /** Weight of the vector ranking against the lexical one in the fusion. */
  vectorWeight: number;
  abstention: AbstentionModel;
}

export const DEFAULT_RETRIEVAL_OPTIONS: RetrievalOptions = {
  query: DEFAULT_QUERY_WEIGHTS,
  lexical: DEFAULT_LEXICAL_TUNING,
  otherVariantsBonus: 0.05,
  profileNearTie: 0.03,
  useGlossary: true,
  vectorWeight: 1,
  abstention: DEFAULT_ABSTENTION_MODEL,
};

/**
 * Hybrid retrieval over every language variant of every published experience: BM25 over the
 * project's own tokens (question, its translations and glossary expansions), fused with a
 * vector ranking when an embedder and pgvector are there; grouped per experience; with a
 * calibrated decision to abstain when nothing in the base answers the question.
 */
export function createRetriever(deps: {
  db: Db;
  glossary: Glossary;
  embedder?: Embedder;
  logger: Logger;
  options?: Partial<RetrievalOptions>;
  /** Where published texts are looked up; by default the database itself, for every question. */
  lexical?: LexicalIndex;
}): Retriever {
  const options = { ...DEFAULT_RETRIEVAL_OPTIONS, ...deps.options };
  const { db, glossary, embedder, logger } = deps;
  const lexical = deps.lexical ?? databaseLexicalIndex(db);
  const spellingMemo = createSpellingMemo();

  async function search(asked: SearchQuery): Promise<SearchResult> {
    // Together: both ask whether anything changed, in one statement (changeNumbers).
    const [view] = await Promise.all([lexical.view(), options.useGlossary ? glossary.upToDate() : undefined]);
    // Persian typed in Latin letters is searched as the Persian it spells.
    const finglish = await finglishReading(asked.text, view);
    const q = finglish !== undefined ? { ...asked, text: finglish, language: 'fa' as const } : asked;
    const language = q.language ?? detectLanguage(q.text);
    const limit = q.limit ?? 10;
    const filters = { ...(q.country ? { country: q.country } : {}), ...(q.industry ? { industry: q.industry } : {}) };
    // Each text is tokenised once, for the query and for the glossary.
    const typed = tokenizeQuestion(q.text, language);
    // Misspelt words the base does not know are searched as the words they likely mean.
    // …but not the words of the glossary, worked out only when a word is unknown to the base.
    let glossaryWords: Set<string> | undefined;
    const inGlossary = (token: string) =>
      options.useGlossary && (glossaryWords ??= new Set([...glossary.match(typed, language).values()].flatMap((m) => m.variants.flat()))).has(token);
    const corrections = await spellingCorrections(typed, language, view, spellingMemo, inGlossary);
    let original = corrected(typed, corrections);
    // A compound typed apart (دعوت نامه) is searched as the joined word too, when the base holds it.
    const joins = language === 'fa' ? joinedCompounds(typed.normalized).filter((t) => !original.tokens.includes(t)) : [];
    // Pairs of the words as typed: a joined word is no neighbour of the last one.
    const pairs = adjacentPairs(original.tokens);
    const typedTokens = new Set(typed.tokens);
    const translated = Object.entries(q.translations ?? {}).map(([l, text]) => ({
      language: l as Language,
      text: tokenizeQuestion(text ?? '', l as Language),
      raw: text ?? '',
    }));
    const inQueryOrder = LANGUAGES.flatMap((l) => translated.filter((t) => t.language === l && l !== language));
    const expansions = options.useGlossary
      ? [glossary.expand(original, language), ...translated.map((t) => glossary.expand(t.text, detectLanguage(t.raw, language)))].flat()
      : [];
    const query = (more: Expansion[]) =>
      buildQuery(
        {
          original: original.tokens,
          translations: inQueryOrder.map((t) => t.text.tokens),
          expansions: [...expansions, ...more],
          corrected: new Set(original.tokens.filter((t) => !typedTokens.has(t))),
          pairs,
        },
        options.query,
      );
    let groups = query([]);

    const vectorRanking = embedder && db.hasVector ? vectorRank(embedder, q, filters) : Promise.resolve(undefined);
    let allTerms = queryTerms(groups);
    // The joined words are looked up with the rest: those the base holds join the question, their statistics already read.
    let stats = await view.stats(joins.length > 0 ? [...allTerms, ...joins] : allTerms);
    const heldJoins = joins.filter((t) => stats.df.has(t));
    if (heldJoins.length > 0) {
      original = { ...original, tokens: [...original.tokens, ...heldJoins] };
      heldJoins.forEach((t) => typedTokens.add(t));
      groups = query([]);
      allTerms = queryTerms(groups);
    }
    // A concept named with words no text holds is searched by its synonyms in the question's language too.
    const synonyms = options.useGlossary ? glossary.synonymsOfUnknownWords(original, language, (t) => stats.df.has(t)) : [];
    if (synonyms.length > 0) {
      groups = query(synonyms);
      allTerms = queryTerms(groups);
      stats = await view.stats(allTerms);
    }
    const terms = lookupTerms(groups, stats, options.lexical, options.query);
    const candidates = await view.candidates(terms, filters, options.lexical.candidateLimit, options.lexical.maxScannedRows);
    const counts = { index: new Map(allTerms.map((t, i) => [t, i])), perText: view.countTerms(candidates, allTerms) };
    const scored = scoreTexts(candidates, counts, groups, stats, options.lexical, options.query);
    const self = selfScore(groups, stats, options.lexical, options.query, new Set(['original'])) || 1;
    for (const s of scored) s.score /= self;

    let ranking = groupByExperience(
      scored.map((s) => ({ ...s.text, score: s.score })),
      options.otherVariantsBonus,
    );
    ranking = applyPreferences(ranking, q, options.profileNearTie);
    const vector = await vectorRanking.catch((e: unknown) => {
      logger.warn({ err: e }, 'vector search failed; answering from the lexical ranking');
      return undefined;
    });
    const lexicalTop = ranking[0];
    if (vector && vector.length > 0) {
      ranking = reciprocalRankFusion([
        { ranking, weight: 1 },
        { ranking: applyPreferences(vector, q, options.profileNearTie), weight: options.vectorWeight },
      ]);
    }

    const topTexts = lexicalTop ? scored.filter((s) => s.text.experienceId === lexicalTop.experienceId) : [];
    // The same candidates ranked with glossary matches discounted (see abstention.ts).
    const evidence = groupByExperience(
      scored.map((s) => ({ ...s.text, score: s.evidence / self })),
      options.otherVariantsBonus,
    );
    const features = abstentionFeatures(
      groups,
      stats,
      options.query,
      topTexts,
      evidence.map((r) => r.score),
    );
    const conf = lexicalTop ? confidence(features, language, options.abstention) : 0;
    // Asked as typed: Finglish words are read as such, not as the Persian the base's vocabulary made of them.
    const live = liveInformationAsked(asked.text) !== undefined;
    const decided = lexicalTop && asksSomething(original.tokens) && !live ? tier(features, evidence.length, language, options.abstention) : 'nothing';
    return {
      language,
      abstained: decided !== 'answered',
      tier: decided,
      ...(live ? { reason: 'live-information' as const } : {}),
      confidence: conf,
      hits: ranking
        .slice(0, limit)
        .map((r) => ({ experienceId: r.experienceId, externalId: r.externalId, score: r.score, matchedLanguage: r.matchedLanguage })),
      features,
      words: searchedWords(groups, stats, options.query),
    };
  }

  async function vectorRank(e: Embedder, q: SearchQuery, filters: { country?: string; industry?: string }): Promise<ExperienceScore[]> {
    const [vector] = await e.embed([q.text], q.signal ? { signal: q.signal } : {});
    if (!vector) return [];
    const hits = await vectorSearch(db, e.model, vector, filters, 50);
    return groupByExperience(hits, 0);
  }

  return { search };
}

/**
 * The query's groups as weighted words; a glossary concept counts as much as one word of the question, as in the abstention's evidence.
 * A group holds a few tokens, so a token seen twice is found by looking through them: a question has
 * some 100 groups and 350 tokens, and a Map per group was a tenth of all an answer allocates.
 */
function searchedWords(groups: QueryGroup[], stats: CorpusStats, weights: QueryWeights): SearchedWord[] {
  // A pair is no word a sentence or a story could be quoted by.
  return groups
    .filter((g) => g.source !== 'pair')
    .map((g) => {
      const share = g.source === 'glossary' && weights.glossary > 0 ? 1 / weights.glossary : 1;
      const tokens: SearchedWord['tokens'] = [];
      // The word's worth is groupValue's (its best alternative), summed here from the same factors.
      let best = 0;
      for (const a of g.alternatives) {
        let sum = 0;
        for (const token of a.tokens) {
          const tw = tokenWeight(token, weights);
          const i = idf(stats, token);
          sum += tw * i;
          const weight = a.weight * tw * i * share;
          const seen = tokens.find((t) => t.token === token);
          if (!seen) tokens.push({ token, weight });
          else if (weight > seen.weight) seen.weight = weight;
        }
        if (a.weight * sum > best) best = a.weight * sum;
      }
      return { tokens, weight: best * share };
    });
}

/**
 * The profile (country, industry) only breaks near-ties: among hits scoring within `nearTie` of
 * each other, firms like the asker's come first; scores are left as they are, so a closer
 * match is never put below a weaker one from the asker's country.
 */
function applyPreferences(ranking: ExperienceScore[], q: SearchQuery, nearTie: number): ExperienceScore[] {
  if (!q.preferCountry && !q.preferIndustry) return ranking;
  const likeness = (r: ExperienceScore) =>
    (q.preferCountry && r.country === q.preferCountry ? 1 : 0) + (q.preferIndustry && r.industry === q.preferIndustry ? 1 : 0);
  const out: ExperienceScore[] = [];
  let tied: ExperienceScore[] = [];
  const flush = () => out.push(...tied.sort((a, b) => likeness(b) - likeness(a) || b.score - a.score || a.experienceId - b.experienceId));
  for (const r of ranking) {
    if (tied.length > 0 && r.score < tied[0]!.score * (1 - nearTie)) {
      flush();
      tied = [];
    }
    tied.push(r);
  }
  flush();
  return out;
}
