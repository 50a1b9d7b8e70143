import { type QuestionOutcome, rankingMetrics } from '../src/knowledge/evaluation/metrics.ts';

/** Our search's outcomes on one evaluation folder, with or without synthetic distractors. */
export interface Standing {
  set: string;
  distractors: number;
  outcomes: QuestionOutcome[];
}

const f = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(2));
// The kinds the targets hold the search to: the answer exists in the asker's language.
const answerable = (o: QuestionOutcome) => o.kind === 'same' || o.kind === 'cross_translated';
const refused = (os: QuestionOutcome[]) => (os.length === 0 ? undefined : os.filter((o) => o.abstained).length / os.length);

/**
 * One row per set and base size: recall@1 and MRR@10 on same and cross-translated questions, the
 * share of them refused in each language, the share of every answerable question refused, and
 * the share of unanswerable ones refused.
 */
export function standingTable(rows: Standing[]): string[] {
  const lines = [
    '| set | distractors | questions | R@1 | MRR@10 | refused answerable fa | zh | en | refused, all answerable kinds | unanswerable refused |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { set, distractors, outcomes } of rows) {
    const a = outcomes.filter(answerable);
    const m = rankingMetrics(a);
    const byLanguage = (['fa', 'zh', 'en'] as const).map((l) => f(refused(a.filter((o) => o.language === l))));
    lines.push(
      `| ${set} | ${distractors} | ${outcomes.length} | ${f(m.recallAt1)} | ${f(m.mrrAt10)} | ${byLanguage.join(' | ')} | ${f(refused(outcomes.filter((o) => o.kind !== 'none')))} | ${f(refused(outcomes.filter((o) => o.kind === 'none')))} |`,
    );
  }
  return lines;
}

/** How a members' question is written, from its id (`mem-<script>-<style>-<n>`, eval/members/README.md). */
export function styleOf(id: string): string | undefined {
  const m = /^mem-([a-z]+)-([a-z]+)-\d+$/.exec(id);
  return m ? `${m[1]} ${m[2]}` : undefined;
}

/** Per way of writing (colloquial, Finglish, short, typos…): recall@1, MRR@10 and refusals, for sets whose ids say it. */
export function styleTable(outcomes: QuestionOutcome[]): string[] {
  const styles = [...new Set(outcomes.map((o) => styleOf(o.id)).filter((s): s is string => s !== undefined))].sort();
  if (styles.length === 0) return [];
  const lines = [
    '| written as | questions | R@1 (answerable) | MRR@10 | R@5 (untranslated) | refused answerable | refused unanswerable |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const style of styles) {
    const os = outcomes.filter((o) => styleOf(o.id) === style);
    const a = os.filter((o) => o.kind !== 'none');
    const m = a.length > 0 ? rankingMetrics(a) : undefined;
    const untranslated = os.filter((o) => o.kind === 'cross_untranslated');
    lines.push(
      `| ${style} | ${os.length} | ${f(m?.recallAt1)} | ${f(m?.mrrAt10)} | ${untranslated.length > 0 ? f(rankingMetrics(untranslated).recallAt5) : '–'} | ${f(refused(a))} | ${f(refused(os.filter((o) => o.kind === 'none')))} |`,
    );
  }
  return lines;
}

/** Finglish questions against the Persian-script questions they transliterate (same number): recall@1, MRR@10, refusals. */
export function finglishComparison(outcomes: QuestionOutcome[]): string[] {
  const finglish = outcomes.filter((o) => styleOf(o.id) === 'fa fing');
  const number = (id: string) => id.slice(id.lastIndexOf('-') + 1);
  const numbers = new Set(finglish.map((o) => number(o.id)));
  const persian = outcomes.filter((o) => o.language === 'fa' && styleOf(o.id) !== 'fa fing' && styleOf(o.id) !== undefined && numbers.has(number(o.id)));
  if (finglish.length === 0) return [];
  const row = (name: string, os: QuestionOutcome[]) => {
    const a = os.filter((o) => o.kind !== 'none');
    const m = rankingMetrics(a);
    return `| ${name} | ${os.length} | ${f(m.recallAt1)} | ${f(m.mrrAt10)} | ${f(refused(a))} | ${f(refused(os.filter((o) => o.kind === 'none')))} |`;
  };
  return [
    '| the same questions | questions | R@1 | MRR@10 | refused answerable | refused unanswerable |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('in Persian script', persian),
    row('in Finglish', finglish),
  ];
}

/** Experiences the related tier lists (answering/answering-service.ts). */
const RELATED_LISTED = 3;

/**
 * The three tiers per set and base size: of the answerable questions (same, cross-translated),
 * the share answered, offered related experiences, and told nothing, and how often the related
 * list holds a right experience; of the unanswerable ones, how often the list appears.
 */
export function tierTable(rows: Standing[]): string[] {
  const lines = [
    '| set | distractors | answerable: answered | related | nothing | right experience in the related list | unanswerable: answered | related | nothing |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const share = (os: QuestionOutcome[], tier: QuestionOutcome['tier']) => (os.length === 0 ? undefined : os.filter((o) => o.tier === tier).length / os.length);
  for (const { set, distractors, outcomes } of rows) {
    const a = outcomes.filter(answerable);
    const none = outcomes.filter((o) => o.kind === 'none');
    const related = a.filter((o) => o.tier === 'related');
    const found = related.filter((o) => o.ranked.slice(0, RELATED_LISTED).some((id) => o.relevant.includes(id))).length;
    lines.push(
      `| ${set} | ${distractors} | ${f(share(a, 'answered'))} | ${f(share(a, 'related'))} | ${f(share(a, 'nothing'))} | ${related.length === 0 ? '–' : `${f(found / related.length)} (${found} of ${related.length})`} | ${f(share(none, 'answered'))} | ${f(share(none, 'related'))} | ${f(share(none, 'nothing'))} |`,
    );
  }
  return lines;
}
