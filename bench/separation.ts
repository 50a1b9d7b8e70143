/**
 * How well the committed abstention model separates answerable from unanswerable questions on one
 * question set, whatever threshold it would need: the share of unanswerable questions refused at
 * the confidence that refuses 3 % of the answerable ones (the target's budget), beside the shares
 * refused at the model's own threshold. On the base alone and with 2,000 synthetic distractors,
 * as bench/calibrate.ts measures across sets; answerable = same and cross-translated, as there.
 * It reads figures only, so it may be run on eval/members/report to check that a change fitted
 * without that half does not separate it worse (docs/quality.md, "Place names in the evidence").
 * Usage: tsx bench/separation.ts DIR
 */
import { confidence, DEFAULT_ABSTENTION_MODEL } from '../src/knowledge/search/abstention.ts';
import { evaluateWithFeatures, openEvalSet } from './support.ts';
import { syntheticExperiences } from './synthetic.ts';

const DISTRACTORS = 2000;

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: tsx bench/separation.ts DIR');
  const model = DEFAULT_ABSTENTION_MODEL;
  console.log(`| set | distractors | unanswerable refused at 3 % answerable refused | refused answerable / unanswerable at ${model.threshold} |`);
  console.log('| --- | ---: | ---: | ---: |');
  for (const extra of [0, DISTRACTORS]) {
    const probe = await openEvalSet(dir);
    let { db, glossary } = probe;
    if (extra > 0) {
      await db.close();
      ({ db, glossary } = await openEvalSet(dir, syntheticExperiences([...probe.set.distractors], extra, 7, 'bench-distractor')));
    }
    try {
      const rows = (await evaluateWithFeatures(db, glossary, probe.set.questions)).filter((r) => r.kind !== 'cross_untranslated');
      const conf = (r: (typeof rows)[number]) => confidence(r.features, r.language, model);
      const answerable = rows
        .filter((r) => r.kind !== 'none')
        .map(conf)
        .sort((a, b) => a - b);
      const unanswerable = rows.filter((r) => r.kind === 'none').map(conf);
      const share = (xs: number[], below: number) => (xs.filter((c) => c < below).length / xs.length).toFixed(2);
      const budget = answerable[Math.floor(0.03 * answerable.length)]!;
      console.log(`| ${dir} | ${extra} | ${share(unanswerable, budget)} | ${share(answerable, model.threshold)} / ${share(unanswerable, model.threshold)} |`);
    } finally {
      await db.close();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
