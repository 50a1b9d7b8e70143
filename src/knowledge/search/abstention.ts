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
 * quality` shows English `none` abstention at 0.80 with it, 0.60 without). Only three features, fitted with an L2 penalty on the dev set with and without 2,000
 * synthetic distractors: with 77 calibration questions, every extra feature we tried (language,
 * share of unknown words, glossary share, rarest-term coverage) fitted the dev set better and did
 * worse in leave-one-question-out validation.
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
   * characters with a text (天, 明) covers little of it.
   */
  coverage: number;
}

export interface AbstentionModel {
  /** Logistic regression over the features; confidence = sigmoid(intercept + Σ weight × feature). */
  weights: AbstentionFeatures;
  intercept: number;
  /** Abstain when the confidence is below this. */
  threshold: number;
  /**
   * When fewer than three experiences match at all, prominence and margin compare the top one
   * with nothing and come out at their maximum, so one shared word ("capital" in "What is the
   * capital of France?") would look like a clear answer. The top experience must then hold at
   * least this share of the question's weight. Never the case on the dev set (every question
   * there matches ten or more), common in a small base and with short questions.
   */
  minCoverageWithFewMatches: number;
}

// Fitted by bench/calibrate.ts on the dev set, alone and with 2,000 synthetic distractors (see the README).
export const DEFAULT_ABSTENTION_MODEL: AbstentionModel = {
  weights: { prominence: 1.827, margin: 4.51, coverage: 3.997 },
  intercept: -4.139,
  threshold: 0.548,
  minCoverageWithFewMatches: 0.5,
};

/** Experiences that must match for prominence and margin to mean anything (both look at rank 3). */
const ENOUGH_MATCHES = 3;

/** `matches`: how many experiences matched the question at all. */
export function abstains(features: AbstentionFeatures, matches: number, model: AbstentionModel = DEFAULT_ABSTENTION_MODEL): boolean {
  if (matches === 0) return true;
  if (matches < ENOUGH_MATCHES && features.coverage < model.minCoverageWithFewMatches) return true;
  return confidence(features, model) < model.threshold;
}

export const NO_FEATURES: AbstentionFeatures = { prominence: 0, margin: 0, coverage: 0 };

/** The question's own words, each weighted as the ranking weighs it (a lone Chinese character counts little). */
function originalMass(groups: QueryGroup[], stats: CorpusStats, weights: QueryWeights, include: (position: number) => boolean): number {
  let total = 0;
  for (const [position, g] of groups.entries()) {
    const token = g.alternatives[0]!.tokens[0]!;
    if (g.source === 'original' && include(position)) total += tokenWeight(token, weights) * idf(stats, token);
  }
  return total;
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
): AbstentionFeatures {
  const [first, , third = 0] = evidenceScores;
  if (topTexts.length === 0 || first === undefined || first <= 0) return NO_FEATURES;
  const rest = evidenceScores.slice(2, 12);
  const meanRest = rest.length > 0 ? rest.reduce((a, b) => a + b, 0) / rest.length : 0;
  const all = originalMass(groups, stats, weights, () => true);
  return {
    // A lone candidate stands out as much as one five times its neighbours' mean.
    prominence: Math.min(Math.log(meanRest > 0 ? first / meanRest : 5), Math.log(5)),
    margin: (first - third) / first,
    coverage: all > 0 ? Math.max(...topTexts.map((t) => originalMass(groups, stats, weights, (position) => t.matched.includes(position)))) / all : 0,
  };
}

export function confidence(features: AbstentionFeatures, model: AbstentionModel = DEFAULT_ABSTENTION_MODEL): number {
  let z = model.intercept;
  for (const key of Object.keys(model.weights) as (keyof AbstentionFeatures)[]) z += model.weights[key] * features[key];
  return 1 / (1 + Math.exp(-z));
}
