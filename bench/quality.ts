import type { Db } from '../src/db/db.ts';
import { type EvalSet, evaluate } from '../src/knowledge/evaluation/eval.ts';
import { type EvalSummary, type QuestionOutcome, summarise } from '../src/knowledge/evaluation/metrics.ts';
import type { Glossary } from '../src/knowledge/glossary/glossary.ts';
import { memoryLexicalIndex } from '../src/knowledge/search/memory-index-sync.ts';
import { createRetriever } from '../src/knowledge/search/retrieval.ts';
import { miniSearchBaseline, miniSearchTokensBaseline, postgresBaseline, runBaseline } from './baselines.ts';
import { evaluateHeldOut, logger, openEvalSet } from './support.ts';
import { finglishComparison, type Standing, standingTable, styleTable, tierTable } from './standing.ts';
import { syntheticExperiences } from './synthetic.ts';

async function systems(db: Db, glossary: Glossary, set: EvalSet): Promise<[string, QuestionOutcome[]][]> {
  const ours = (useGlossary: boolean) =>
    evaluate(createRetriever({ db, glossary, logger, lexical: memoryLexicalIndex(db, logger), options: { useGlossary } }), set.questions);
  return [
    ['SME Bridge (glossary on)', await ours(true)],
    ['SME Bridge (glossary off)', await ours(false)],
    ['PostgreSQL ts_rank', await runBaseline(postgresBaseline(db), set.questions)],
    ['MiniSearch (raw text)', await runBaseline(await miniSearchBaseline(db), set.questions)],
    ['MiniSearch (our tokens)', await runBaseline(await miniSearchTokensBaseline(db), set.questions)],
  ];
}

const f = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(2));

export function qualityTables(results: [string, EvalSummary][]): string[] {
  const lines = [
    '| system | same R@1 | same MRR | x-transl R@1 | x-transl MRR | x-untransl R@5 | x-untransl MRR | abstain none | abstain same+x-transl |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [name, s] of results) {
    const k = s.byKind;
    const answerableAbstained =
      ((k.same?.abstentionRate ?? 0) * (k.same?.questions ?? 0) + (k.cross_translated?.abstentionRate ?? 0) * (k.cross_translated?.questions ?? 0)) /
      ((k.same?.questions ?? 0) + (k.cross_translated?.questions ?? 0) || 1);
    lines.push(
      `| ${name} | ${f(k.same?.recallAt1)} | ${f(k.same?.mrrAt10)} | ${f(k.cross_translated?.recallAt1)} | ${f(k.cross_translated?.mrrAt10)} | ${f(k.cross_untranslated?.recallAt5)} | ${f(k.cross_untranslated?.mrrAt10)} | ${f(k.none?.abstentionRate)} | ${f(answerableAbstained)} |`,
    );
  }
  lines.push('', '| system | ' + ['fa', 'zh', 'en'].flatMap((l) => [`${l} R@1`, `${l} R@5`, `${l} MRR`]).join(' | ') + ' |', '| --- |' + ' ---: |'.repeat(9));
  for (const [name, s] of results) {
    lines.push(
      `| ${name} | ${(['fa', 'zh', 'en'] as const).flatMap((l) => [f(s.byLanguage[l]?.recallAt1), f(s.byLanguage[l]?.recallAt5), f(s.byLanguage[l]?.mrrAt10)]).join(' | ')} |`,
    );
  }
  lines.push('', 'Per kind and language (SME Bridge, glossary on): R@1 / R@5 / MRR@10 / abstained', '', '| kind | fa | zh | en |', '| --- | --- | --- | --- |');
  const ours = results[0]![1];
  for (const kind of ['same', 'cross_translated', 'cross_untranslated', 'none']) {
    lines.push(
      `| ${kind} | ${(['fa', 'zh', 'en'] as const)
        .map((l) => {
          const m = ours.byKindAndLanguage[`${kind}/${l}`];
          return m
            ? kind === 'none'
              ? `abst ${f(m.abstentionRate)}`
              : `${f(m.recallAt1)} / ${f(m.recallAt5)} / ${f(m.mrrAt10)} / ${f(m.abstentionRate)}`
            : '–';
        })
        .join(' | ')} |`,
    );
  }
  return lines;
}

/** Every figure for one evaluation folder, with its own base and with `distractors` synthetic ones added; our outcomes for the side-by-side table. */
async function qualityOn(dir: string, out: (line: string) => void, distractors: number): Promise<Standing[]> {
  const standings: Standing[] = [];
  for (const extra of [0, distractors]) {
    const started = performance.now();
    const probe = await openEvalSet(dir);
    let db = probe.db;
    let glossary = probe.glossary;
    if (extra > 0) {
      await db.close();
      const synthetic = syntheticExperiences([...probe.set.distractors], extra, 7, 'bench-distractor');
      ({ db, glossary } = await openEvalSet(dir, synthetic));
    }
    try {
      const results = await systems(db, glossary, probe.set);
      out(
        `\n### Quality on ${dir}${extra > 0 ? ` + ${extra} synthetic distractors` : ''} (${probe.set.questions.length} questions, offline; ${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
      );
      for (const line of qualityTables(results.map(([n, o]) => [n, summarise(o)]))) out(line);
      const ours = results[0]![1];
      standings.push({ set: dir, distractors: extra, outcomes: ours });
      const styles = styleTable(ours);
      if (styles.length > 0) {
        out('\nBy way of writing (SME Bridge, glossary on):\n');
        for (const line of styles) out(line);
      }
      const finglish = finglishComparison(ours);
      if (finglish.length > 0) {
        out('\nFinglish against the same questions in Persian script:\n');
        for (const line of finglish) out(line);
      }
      // More unanswerable questions than the set's own: its answerable ones, their answers archived.
      const held = await evaluateHeldOut(db, glossary, probe.set.questions);
      const abstained = held.filter((r) => r.abstained).length;
      out(
        `\nAnswerable questions asked with their answers archived (unanswerable, on topic): abstained ${abstained} of ${held.length} (${(abstained / held.length).toFixed(2)}).`,
      );
    } finally {
      await db.close();
    }
  }
  return standings;
}

/** The quality bench over several evaluation folders, then our search on all of them side by side. */
export async function runQuality(dirs: string[], out: (line: string) => void, distractors = 2000): Promise<void> {
  const standings: Standing[] = [];
  for (const dir of dirs) standings.push(...(await qualityOn(dir, out, distractors)));
  out('\n### SME Bridge on every set (glossary on; answerable = same and cross-translated)\n');
  for (const line of standingTable(standings)) out(line);
  out('\n### The three answers: answered, possibly related experiences, nothing (SME Bridge, glossary on)\n');
  for (const line of tierTable(standings)) out(line);
}
