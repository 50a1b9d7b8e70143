import type { Language } from '../../text/language.ts';
import type { NothingReason, Tier } from '../search/abstention.ts';

export const QUESTION_KINDS = ['same', 'cross_translated', 'cross_untranslated', 'none'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** One question asked during an evaluation, and what came back. */
export interface QuestionOutcome {
  id: string;
  kind: QuestionKind;
  language: Language;
  relevant: string[];
  /** External ids, best first. */
  ranked: string[];
  abstained: boolean;
  /** `related`: the top three were offered as possibly related (see `relatedMetrics`). */
  tier: Tier;
  /** With `nothing`, when the search says why (the question asks for live information). */
  reason?: NothingReason;
  confidence: number;
}

export interface RankingMetrics {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  mrrAt10: number;
  /** Share of these questions on which the retriever abstained. */
  abstentionRate: number;
}

export interface EvalSummary {
  overall: RankingMetrics;
  byKind: Partial<Record<QuestionKind, RankingMetrics>>;
  byLanguage: Partial<Record<Language, RankingMetrics>>;
  /** Rows kind × language, for the answerable kinds. */
  byKindAndLanguage: Record<string, RankingMetrics>;
  abstention: { precision: number; recall: number; truePositives: number; falsePositives: number; noneQuestions: number };
}

/**
 * Recall@k with the denominator capped at k, so a question with two relevant experiences can
 * still reach 1 at k = 1 by ranking either of them first.
 */
export function recallAt(ranked: string[], relevant: string[], k: number): number {
  if (relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((r) => top.has(r)).length / Math.min(k, relevant.length);
}

export function reciprocalRank(ranked: string[], relevant: string[], k: number): number {
  const i = ranked.slice(0, k).findIndex((id) => relevant.includes(id));
  return i < 0 ? 0 : 1 / (i + 1);
}

/** Ranking metrics over answerable questions (ranking used whether or not the retriever abstained). */
export function rankingMetrics(outcomes: QuestionOutcome[]): RankingMetrics {
  const answerable = outcomes.filter((o) => o.kind !== 'none');
  const mean = (f: (o: QuestionOutcome) => number) => (answerable.length === 0 ? 0 : answerable.reduce((s, o) => s + f(o), 0) / answerable.length);
  return {
    questions: outcomes.length,
    recallAt1: mean((o) => recallAt(o.ranked, o.relevant, 1)),
    recallAt5: mean((o) => recallAt(o.ranked, o.relevant, 5)),
    mrrAt10: mean((o) => reciprocalRank(o.ranked, o.relevant, 10)),
    abstentionRate: outcomes.length === 0 ? 0 : outcomes.filter((o) => o.abstained).length / outcomes.length,
  };
}

export function summarise(outcomes: QuestionOutcome[]): EvalSummary {
  const byKind: EvalSummary['byKind'] = {};
  for (const kind of QUESTION_KINDS) {
    const subset = outcomes.filter((o) => o.kind === kind);
    if (subset.length > 0) byKind[kind] = rankingMetrics(subset);
  }
  const byLanguage: EvalSummary['byLanguage'] = {};
  const byKindAndLanguage: Record<string, RankingMetrics> = {};
  for (const language of ['fa', 'zh', 'en'] as const) {
    const subset = outcomes.filter((o) => o.language === language);
    if (subset.length > 0) byLanguage[language] = rankingMetrics(subset);
    for (const kind of QUESTION_KINDS) {
      const cell = subset.filter((o) => o.kind === kind);
      if (cell.length > 0) byKindAndLanguage[`${kind}/${language}`] = rankingMetrics(cell);
    }
  }
  const none = outcomes.filter((o) => o.kind === 'none');
  const abstained = outcomes.filter((o) => o.abstained);
  const truePositives = abstained.filter((o) => o.kind === 'none').length;
  return {
    overall: rankingMetrics(outcomes),
    byKind,
    byLanguage,
    byKindAndLanguage,
    abstention: {
      precision: abstained.length === 0 ? 0 : truePositives / abstained.length,
      recall: none.length === 0 ? 0 : truePositives / none.length,
      truePositives,
      falsePositives: abstained.length - truePositives,
      noneQuestions: none.length,
    },
  };
}

/** The summary as a plain-text table for people. */
export function formatSummary(summary: EvalSummary): string[] {
  const pct = (x: number) => x.toFixed(3);
  const lines = ['| group | n | recall@1 | recall@5 | MRR@10 | abstained |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  const row = (name: string, m: RankingMetrics | undefined, isNone = false) => {
    if (m)
      lines.push(
        `| ${name} | ${m.questions} | ${isNone ? '–' : pct(m.recallAt1)} | ${isNone ? '–' : pct(m.recallAt5)} | ${isNone ? '–' : pct(m.mrrAt10)} | ${pct(m.abstentionRate)} |`,
      );
  };
  for (const kind of QUESTION_KINDS) row(kind, summary.byKind[kind], kind === 'none');
  for (const language of ['fa', 'zh', 'en'] as const) row(`lang ${language}`, summary.byLanguage[language]);
  row('all answerable+none', summary.overall);
  const a = summary.abstention;
  lines.push(
    '',
    `abstention (positive = kind none): precision ${pct(a.precision)}, recall ${pct(a.recall)} (${a.truePositives} of ${a.noneQuestions} none questions; ${a.falsePositives} answerable questions abstained)`,
  );
  return lines;
}
