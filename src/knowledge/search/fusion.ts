import type { Language } from '../../text/language.ts';

/** One experience's best evidence from one ranking. */
export interface ExperienceScore {
  experienceId: number;
  externalId: string;
  country: string;
  industry: string;
  score: number;
  matchedLanguage: Language;
}

/** One language variant's score in one ranking (lexical or vector). */
export interface TextScore {
  experienceId: number;
  externalId: string;
  country: string;
  industry: string;
  language: Language;
  score: number;
}

/**
 * Per experience, the best-scoring language variant wins; other variants that also match add
 * `otherVariantsBonus` of their score (agreement across languages is weak extra evidence).
 */
export function groupByExperience(texts: TextScore[], otherVariantsBonus: number): ExperienceScore[] {
  const byExperience = new Map<number, TextScore[]>();
  for (const t of texts) {
    const list = byExperience.get(t.experienceId) ?? [];
    list.push(t);
    byExperience.set(t.experienceId, list);
  }
  const out: ExperienceScore[] = [];
  for (const list of byExperience.values()) {
    list.sort((a, b) => b.score - a.score);
    const best = list[0]!;
    const rest = list.slice(1).reduce((s, t) => s + t.score, 0);
    out.push({
      experienceId: best.experienceId,
      externalId: best.externalId,
      country: best.country,
      industry: best.industry,
      score: best.score + otherVariantsBonus * rest,
      matchedLanguage: best.language,
    });
  }
  return out.sort((a, b) => b.score - a.score || a.experienceId - b.experienceId);
}

/**
 * Weighted reciprocal rank fusion of several rankings of experiences. Scores are made relative
 * to the best possible fused score, so 1 means "first in every ranking".
 */
export function reciprocalRankFusion(rankings: { ranking: ExperienceScore[]; weight: number }[], k = 60): ExperienceScore[] {
  const fused = new Map<number, ExperienceScore>();
  const max = rankings.reduce((s, r) => s + r.weight / (k + 1), 0) || 1;
  for (const { ranking, weight } of rankings) {
    ranking.forEach((hit, i) => {
      const add = weight / (k + i + 1) / max;
      const existing = fused.get(hit.experienceId);
      if (existing) existing.score += add;
      else fused.set(hit.experienceId, { ...hit, score: add });
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score || a.experienceId - b.experienceId);
}
