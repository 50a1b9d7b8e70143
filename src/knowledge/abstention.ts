import type { QueryGroup } from './lexical-query.ts';
import type { CorpusStats, ScoredText } from './lexical-search.ts';
import { idf } from './lexical-search.ts';

/** What the confidence is computed from; all in [0, 1]. */
export interface AbstentionFeatures {
  /** Share of the question's own IDF mass found in the best text of the top experience. */
  coverage: number;
  /** Share of the IDF mass reachable in that text's language (question, translations, glossary) it matched. */
  reachableCoverage: number;
  /** How far the top experience is ahead of the second, relative to its score. */
  margin: number;
  /** Share of the question's rare terms (IDF above the median of its terms) matched. */
  rareCoverage: number;
}

export interface AbstentionModel {
  /** Logistic regression weights over the features, and intercept. */
  weights: Record<keyof AbstentionFeatures, number>;
  intercept: number;
  /** Abstain when confidence is below this. */
  threshold: number;
}

export const DEFAULT_ABSTENTION_MODEL: AbstentionModel = {
  weights: { coverage: 6, reachableCoverage: 4, margin: 2, rareCoverage: 2 },
  intercept: -5,
  threshold: 0.5,
};

function mass(groups: QueryGroup[], stats: CorpusStats, include: (g: QueryGroup) => boolean): number {
  let total = 0;
  for (const g of groups) {
    if (!include(g)) continue;
    let best = 0;
    for (const a of g.alternatives) best = Math.max(best, a.weight * a.tokens.reduce((s, t) => s + idf(stats, t), 0) / a.tokens.length);
    total += best;
  }
  return total;
}

export function abstentionFeatures(groups: QueryGroup[], stats: CorpusStats, top: ScoredText | undefined, topScore: number, secondScore: number): AbstentionFeatures {
  if (!top) return { coverage: 0, reachableCoverage: 0, margin: 0, rareCoverage: 0 };
  const original = (g: QueryGroup) => g.source === 'original';
  const originalMass = mass(groups, stats, original);
  const coverage = originalMass > 0 ? mass(groups, stats, (g) => original(g) && top.matched.has(g.key)) / originalMass : 0;
  const language = top.text.language;
  const reachable = (g: QueryGroup) => g.language === language || (g.source === 'original' && g.language === 'en');
  const reachableMass = mass(groups, stats, reachable);
  const reachableCoverage = reachableMass > 0 ? mass(groups, stats, (g) => reachable(g) && top.matched.has(g.key)) / reachableMass : 0;
  const originals = groups.filter(original).map((g) => ({ key: g.key, idf: idf(stats, g.alternatives[0]!.tokens[0]!) }));
  const sorted = originals.map((o) => o.idf).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const rare = originals.filter((o) => o.idf > median);
  const rareCoverage = rare.length > 0 ? rare.filter((o) => top.matched.has(o.key)).length / rare.length : 0;
  const margin = topScore > 0 ? Math.max(0, (topScore - secondScore) / topScore) : 0;
  return { coverage, reachableCoverage, margin, rareCoverage };
}

export function confidence(features: AbstentionFeatures, model: AbstentionModel = DEFAULT_ABSTENTION_MODEL): number {
  let z = model.intercept;
  for (const key of Object.keys(model.weights) as (keyof AbstentionFeatures)[]) z += model.weights[key] * features[key];
  return 1 / (1 + Math.exp(-z));
}
