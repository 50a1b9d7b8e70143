import type { QueryGroup } from './lexical-query.ts';
import type { CorpusStats, ScoredText } from './lexical-search.ts';
import { idf } from './lexical-search.ts';

/**
 * What the confidence is computed from. They describe how the top experience stands out, not
 * any particular question, so they carry over to questions and bases never seen.
 */
export interface AbstentionFeatures {
  /**
   * log of the top score over the mean of ranks 3–12: a real answer stands out of the crowd
   * (rank 2 is left out because two experiences on the same topic may both answer).
   */
  prominence: number;
  /** How far the top experience is ahead of the second, relative to its score. */
  margin: number;
  /** Share of the question's own IDF mass found in one text of the top experience (the best covered). */
  coverage: number;
  /** Top score relative to the question's self-score (capped at 1.5). */
  relative: number;
}

export interface AbstentionModel {
  /** Logistic regression over the features; confidence = sigmoid(intercept + Σ weight × feature). */
  weights: AbstentionFeatures;
  intercept: number;
  /** Abstain when the confidence is below this. */
  threshold: number;
}

// Fitted by bench/calibrate.ts on the dev set with its distractors (see the README for the procedure).
export const DEFAULT_ABSTENTION_MODEL: AbstentionModel = {
  weights: { prominence: 2.592, margin: 2.254, coverage: 5.153, relative: 0 },
  intercept: -3.748,
  threshold: 0.612,
};

export const NO_FEATURES: AbstentionFeatures = { prominence: 0, margin: 0, coverage: 0, relative: 0 };

function originalMass(groups: QueryGroup[], stats: CorpusStats, include: (g: QueryGroup) => boolean): number {
  let total = 0;
  for (const g of groups) if (g.source === 'original' && include(g)) total += idf(stats, g.alternatives[0]!.tokens[0]!);
  return total;
}

/** `scores`: the experiences' scores (relative to the question's self-score), best first. */
export function abstentionFeatures(groups: QueryGroup[], stats: CorpusStats, topTexts: ScoredText[], scores: number[]): AbstentionFeatures {
  const [first, second = 0] = scores;
  if (topTexts.length === 0 || first === undefined || first <= 0) return NO_FEATURES;
  const rest = scores.slice(2, 12);
  const meanRest = rest.length > 0 ? rest.reduce((a, b) => a + b, 0) / rest.length : 0;
  const all = originalMass(groups, stats, () => true);
  return {
    // A lone candidate stands out as much as one five times its neighbours' mean.
    prominence: Math.min(Math.log(meanRest > 0 ? first / meanRest : 5), Math.log(5)),
    margin: (first - second) / first,
    coverage: all > 0 ? Math.max(...topTexts.map((t) => originalMass(groups, stats, (g) => t.matched.has(g.key)))) / all : 0,
    relative: Math.min(first, 1.5),
  };
}

export function confidence(features: AbstentionFeatures, model: AbstentionModel = DEFAULT_ABSTENTION_MODEL): number {
  let z = model.intercept;
  for (const key of Object.keys(model.weights) as (keyof AbstentionFeatures)[]) z += model.weights[key] * features[key];
  return 1 / (1 + Math.exp(-z));
}
