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
import { DEFAULT_ABSTENTION_MODEL } from '../src/knowledge/search/abstention.ts';
import { collect, refusals, refusedAtBudget } from './calibrate.ts';

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: tsx bench/separation.ts DIR');
  const model = DEFAULT_ABSTENTION_MODEL;
  console.log(`| set | distractors | unanswerable refused at 3 % answerable refused | refused answerable / unanswerable at ${model.threshold} |`);
  console.log('| --- | ---: | ---: | ---: |');
  const rows = await collect(dir);
  for (const extra of new Set(rows.map((r) => r.extra))) {
    const ofBase = rows.filter((r) => r.extra === extra);
    console.log(`| ${dir} | ${extra} | ${refusedAtBudget(ofBase, model)} | ${refusals(ofBase, model)} |`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
