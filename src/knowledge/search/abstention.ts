import type { Language } from '../../text/language.ts';
import { isBareNumber } from '../../text/tokenize.ts';
import { type QueryGroup, type QueryWeights, tokenWeight } from './query.ts';
import type { CorpusStats, ScoredText } from './bm25.ts';
import { idf } from './bm25.ts';

/**
 * What the confidence is computed from. They describe how the top experience stands out, not
 * any particular question, so they carry over to questions and bases never seen.
 *
 * Prominence and margin are measured on an evidence view of the candidates (see
 * `ScoredText.evidence`), not on the ranking's scores: in the ranking a glossary concept weighs twice
 * a question word, which lets a question reach texts in other languages, but concepts are also
 * triggered by everyday words ("check", "order", "ship"), so a text can stand out on them alone.
 * English questions, whose answers are mostly Persian or Chinese originals, suffered most: on
 * the dev set prominence barely separated answerable from unanswerable English questions, and
 * with the discount it does, while Persian and Chinese keep their separation (`npm run bench --
 * quality` shows English `none` abstention at 0.80 with it, 0.60 without).
 *
 * The same feature runs at different levels in each language, so each is normalised per
 * language before the shared weights apply (`AbstentionModel.normalisation`). Fitted on two
 * question sets written differently (the dev set, written as the experiences are, and members'
 * questions), and validated by fitting on one and measuring on the other (bench/calibrate.ts,
 * docs/quality.md): question length, which looked strong on the members' questions only
 * because their unanswerable ones are short, and the unknown words' share of the IDF mass did
 * worse there and are not used. `matched` (how many of the question's words the top experience
 * holds, up to a few) separates the two kinds better on the set not fitted on, both ways.
 */
export interface AbstentionFeatures {
  /**
   * log of the top score over the mean of ranks 3–12: a real answer stands out of the crowd
   * (rank 2 is left out because two experiences on the same topic may both answer).
   */
  prominence: number;
  /** How far the top experience is ahead of the third, relative to its score (the second is skipped for the same reason). */
  margin: number;
  /**
   * Share of the question's own IDF mass found in one text of the top experience (the best
   * covered), each word weighted as in the ranking: a Chinese question sharing only single
   * characters with a text (天, 明) covers little of it. Two adjacent words of a Persian or
   * English question count in the mass as a pair too (QueryWeights.pair), held by a text that has
   * them side by side: a story holding ثبت, شرکت and چین apart shares the words of "ثبت شرکت در
   * چین" but covers less of it than one about registering a company. (Chinese has its bigrams.)
   */
  coverage: number;
  /**
   * Share of the question's own words (weighted as in the ranking) that the base knows at all,
   * in any text: a question about a football score or a recipe is mostly words no trade story
   * uses, however well its one shared word ranks.
   */
  known: number;
  /**
   * log(1 + the question's words the top experience's best text matches, up to
   * `ENOUGH_MATCHED_WORDS`), each word weighted as in the ranking (a lone Chinese character 0.3)
   * and a glossary concept met in a text in another language counting as one: a question that
   * shares one or two words with a story is rarely answered by it, however rare the words. Capped
   * because past a few words more says nothing: a long question matches many words whether or not
   * the story answers it (uncapped, the count separated the sets' questions by their length).
   */
  matched: number;
}

export const FEATURE_KEYS = ['prominence', 'margin', 'coverage', 'known', 'matched'] as const satisfies readonly (keyof AbstentionFeatures)[];

/** How sure the search is: `answered` (it answers), `related` (plausible candidates, no sure answer), `nothing`. */
export type Tier = 'answered' | 'related' | 'nothing';

/**
 * Why a question gets `nothing` whatever it matches, when the member should be told why:
 * `live-information`, it asks what only a live source knows (the weather, today's rate, a score:
 * live-information.ts), which no member's past experience can tell.
 */
export type NothingReason = 'live-information';

export interface AbstentionModel {
  /**
   * Each feature's mean and spread, per language of the question, over the calibration
   * questions in that language: the same feature runs at different levels in each (a Chinese
   * question's coverage is lower, its prominence and margin higher), so one set of weights reads
   * each language on its own scale.
   */
  normalisation: Record<Language, { mean: AbstentionFeatures; sd: AbstentionFeatures }>;
  /** Logistic regression over the normalised features; confidence = sigmoid(intercept + Σ weight × (feature − mean) / sd). */
  weights: AbstentionFeatures;
  intercept: number;
  /** Answer when the confidence is at least this. */
  threshold: number;
  /**
   * Below `threshold` but at least this: offer the top experiences as possibly related; below it,
   * nothing, unless the top experience holds as many of the question's words as `matched` counts.
   * Computed by bench/calibrate.ts: at most 1 % of the calibration sets' answerable questions fall
   * below it (rounded down to 0.05).
   */
  relatedThreshold: number;
  /**
   * When fewer than three experiences match at all, prominence and margin compare the top one
   * with nothing and come out at their maximum, so one shared word ("capital" in "What is the
   * capital of France?") would look like a clear answer. The top experience must then hold at
   * least this share of the question's weight. Never the case on the dev set (every question
   * there matches ten or more), common in a small base and with short questions.
   */
  minCoverageWithFewMatches: number;
}

// Fitted by bench/calibrate.ts on the dev set and eval/members/fit together, each alone and with 2,000 synthetic
// distractors; validated across the two sets (docs/quality.md, "Calibration across question sets").
export const DEFAULT_ABSTENTION_MODEL: AbstentionModel = {
  normalisation: {
    fa: {
      mean: { prominence: 1.0124, margin: 0.4795, coverage: 0.2413, known: 0.8548, matched: 1.5015 },
      sd: { prominence: 0.4504, margin: 0.228, coverage: 0.1744, known: 0.2298, matched: 0.3439 },
    },
    zh: {
      mean: { prominence: 1.247, margin: 0.5678, coverage: 0.4364, known: 0.729, matched: 1.5748 },
      sd: { prominence: 0.4253, margin: 0.2239, coverage: 0.1928, known: 0.1437, matched: 0.2058 },
    },
    en: {
      mean: { prominence: 1.0364, margin: 0.4787, coverage: 0.2737, known: 0.9048, matched: 1.5062 },
      sd: { prominence: 0.4163, margin: 0.1946, coverage: 0.2133, known: 0.1594, matched: 0.2686 },
    },
  },
  weights: { prominence: 0.739, margin: 0.684, coverage: 0.451, known: 0.476, matched: 0.52 },
  intercept: 2.086,
  threshold: 0.625,
  relatedThreshold: 0.35,
  minCoverageWithFewMatches: 0.5,
};

/** Experiences that must match for prominence and margin to mean anything (both look at rank 3). */
const ENOUGH_MATCHES = 3;

/** Matched words past which `matched` grows no more. */
const ENOUGH_MATCHED_WORDS = 4;

/** A question of numbers and signs alone (a bare `12`) asks nothing the base could answer, whatever it matches. */
export function asksSomething(questionTokens: readonly string[]): boolean {
  return questionTokens.some((t) => /\p{L}/u.test(t));
}

/**
 * The features and, for the rule on few matches, the coverage of the question's words alone: a
 * story in a base of two rarely has a long question's words side by side, yet may well answer it.
 */
export interface QuestionFeatures extends AbstentionFeatures {
  wordCoverage: number;
}

/** `matches`: how many experiences matched the question at all; `language`: the question's. */
export function tier(features: QuestionFeatures, matches: number, language: Language, model: AbstentionModel = DEFAULT_ABSTENTION_MODEL): Tier {
  if (matches === 0) return 'nothing';
  if (matches < ENOUGH_MATCHES && features.wordCoverage < model.minCoverageWithFewMatches) return 'nothing';
  const c = confidence(features, language, model);
  if (c >= model.threshold) return 'answered';
  return c >= model.relatedThreshold || holdsEnoughWords(features) ? 'related' : 'nothing';
}

/**
 * The top experience holds as many of the question's words as `matched` counts at all. The
 * confidence can still be low when several stories share the topic ("伊朗清关要多久？": six demo
 * stories give clearance times, so the first hardly stands out of ranks 3–12), but a story sharing
 * that much with the question is worth offering as possibly related rather than saying nothing.
 */
function holdsEnoughWords(features: AbstentionFeatures): boolean {
  return features.matched >= Math.log(1 + ENOUGH_MATCHED_WORDS) - 1e-9;
}

export const NO_FEATURES: AbstentionFeatures = { prominence: 0, margin: 0, coverage: 0, known: 0, matched: 0 };

/** The question's own word a group stands for, unless it is a bare number (no evidence: isBareNumber). */
function ownWord(g: QueryGroup): string | undefined {
  const token = g.alternatives[0]!.tokens[0]!;
  return g.source === 'original' && !isBareNumber(token) ? token : undefined;
}

/**
 * Share of the question's own words, each weighted as in the ranking but not by IDF, that some
 * text of the base has. (Weighted by IDF, an unknown word would outweigh the rest, and a typo
 * alone would sink an answerable question: across the question sets it did worse.)
 */
function knownShare(groups: QueryGroup[], stats: CorpusStats, weights: QueryWeights): number {
  let all = 0;
  let known = 0;
  for (const g of groups) {
    const token = ownWord(g);
    if (token === undefined) continue;
    const w = tokenWeight(token, weights);
    all += w;
    if ((stats.df.get(token) ?? 0) > 0) known += w;
  }
  return all > 0 ? known / all : 0;
}

/**
 * `topTexts`: the scored texts of the experience the ranking puts first; `evidenceScores`: the
 * experiences' evidence scores (`ScoredText.evidence`), best first.
 */
export function abstentionFeatures(
  groups: QueryGroup[],
  stats: CorpusStats,
  weights: QueryWeights,
  topTexts: ScoredText[],
  evidenceScores: number[],
): QuestionFeatures {
  const [first, , third = 0] = evidenceScores;
  const known = knownShare(groups, stats, weights);
  if (topTexts.length === 0 || first === undefined || first <= 0) return { ...NO_FEATURES, known, wordCoverage: 0 };
  const rest = evidenceScores.slice(2, 12);
  const meanRest = rest.length > 0 ? rest.reduce((a, b) => a + b, 0) / rest.length : 0;
  const mass = groups.map((g) => {
    if (g.source === 'pair') return weights.pair * idf(stats, g.alternatives[0]!.tokens[0]!);
    const token = ownWord(g);
    return token === undefined ? 0 : tokenWeight(token, weights) * idf(stats, token);
  });
  const all = mass.reduce((a, b) => a + b, 0);
  const heldBy = (t: ScoredText) => t.matched.reduce((s, position) => s + mass[position]!, 0);
  const pairs = groups.reduce((s, g, position) => (g.source === 'pair' ? s + mass[position]! : s), 0);
  const pairsHeldBy = (t: ScoredText) => t.matched.reduce((s, position) => (groups[position]!.source === 'pair' ? s + mass[position]! : s), 0);
  const best = topTexts.reduce((a, b) => (heldBy(b) > heldBy(a) ? b : a));
  let words = 0;
  for (const position of best.matched) {
    const g = groups[position]!;
    const token = ownWord(g);
    if (token !== undefined) words += tokenWeight(token, weights);
    else if (g.source === 'glossary') words += 1;
  }
  return {
    // A lone candidate stands out as much as one five times its neighbours' mean.
    prominence: Math.min(Math.log(meanRest > 0 ? first / meanRest : 5), Math.log(5)),
    margin: (first - third) / first,
    coverage: all > 0 ? heldBy(best) / all : 0,
    wordCoverage: all > pairs ? Math.max(...topTexts.map((t) => heldBy(t) - pairsHeldBy(t))) / (all - pairs) : 0,
    known,
    matched: Math.log(1 + Math.min(words, ENOUGH_MATCHED_WORDS)),
  };
}

/**
 * A feature far outside what the calibration questions showed says no more than three spreads
 * do: a linear model extrapolated there lets one feature overrule the rest (an English question
 * over stories told only in Chinese knows none of its words in the base, 9 spreads below the mean).
 */
const MAX_SPREADS = 3;

/** A feature on the calibration's scale for the question's language, clipped to `MAX_SPREADS`. */
export function standardised(features: AbstentionFeatures, key: keyof AbstentionFeatures, language: Language, model: AbstentionModel): number {
  const { mean, sd } = model.normalisation[language];
  const z = (features[key] - mean[key]) / (sd[key] || 1);
  return Math.max(-MAX_SPREADS, Math.min(MAX_SPREADS, z));
}

export function confidence(features: AbstentionFeatures, language: Language, model: AbstentionModel = DEFAULT_ABSTENTION_MODEL): number {
  let z = model.intercept;
  for (const key of FEATURE_KEYS) z += model.weights[key] * standardised(features, key, language, model);
  return 1 / (1 + Math.exp(-z));
}
