/**
 * Calibrates the abstention model (src/knowledge/search/abstention.ts) on an evaluation folder:
 *  1. asks every question with abstention features recorded, once on the folder's base and once
 *     with synthetic distractors added (bench/synthetic.ts, as the quality bench does), so the
 *     model is fitted on how the features move when the base grows, not on one base size;
 *  2. fits a logistic regression (standardised features, L2 penalty) separating answerable
 *     questions asked in a language the experience has (same, cross_translated) from `none`,
 *     over both runs together;
 *  3. picks the single threshold that minimises 4 × (share of answerable questions abstained)
 *     + (share of none questions answered): wrongly refusing a member who could have been
 *     helped costs more than occasionally showing a loosely related experience;
 *  4. prints the model to paste into DEFAULT_ABSTENTION_MODEL.
 * Usage: tsx bench/calibrate.ts [DIR] [DISTRACTORS] [--held-out] [--sweep]   (default ../shared/eval/dev 2000; 0 for
 * the base alone; --held-out also fits on answerable questions asked with their answers archived;
 * --sweep prints what each threshold would abstain on)
 */
import { type AbstentionFeatures, type AbstentionModel, confidence, DEFAULT_ABSTENTION_MODEL, NO_FEATURES } from '../src/knowledge/search/abstention.ts';
import { evaluateHeldOut, evaluateWithFeatures, openEvalSet } from './support.ts';
import { syntheticExperiences } from './synthetic.ts';

const KEYS: (keyof AbstentionFeatures)[] = ['prominence', 'margin', 'coverage'];
export const REFUSAL_COST = 4;

export function fitLogistic(xs: number[][], ys: number[], l2 = 0.05, steps = 4000, rate = 0.1): { w: number[]; b: number; mean: number[]; sd: number[] } {
  const d = xs[0]!.length;
  const mean = Array.from({ length: d }, (_, j) => xs.reduce((s, x) => s + x[j]!, 0) / xs.length);
  const sd = Array.from({ length: d }, (_, j) => Math.sqrt(xs.reduce((s, x) => s + (x[j]! - mean[j]!) ** 2, 0) / xs.length) || 1);
  const zs = xs.map((x) => x.map((v, j) => (v - mean[j]!) / sd[j]!));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let step = 0; step < steps; step++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    zs.forEach((z, i) => {
      const p = 1 / (1 + Math.exp(-(b + z.reduce((s, v, j) => s + v * w[j]!, 0))));
      const e = p - ys[i]!;
      z.forEach((v, j) => (gw[j]! += e * v));
      gb += e;
    });
    for (let j = 0; j < d; j++) w[j]! -= rate * (gw[j]! / zs.length + l2 * w[j]!);
    b -= (rate * gb) / zs.length;
  }
  return { w, b, mean, sd };
}

/** Threshold minimising REFUSAL_COST × refused answerable share + answered none share. */
export function chooseThreshold(positives: number[], negatives: number[]): number {
  const candidates = [...new Set([...positives, ...negatives])].sort((a, b) => a - b);
  let best = { t: 0.5, cost: Infinity };
  for (let i = 0; i < candidates.length; i++) {
    const t = i === 0 ? candidates[0]! : (candidates[i - 1]! + candidates[i]!) / 2;
    const refused = positives.filter((p) => p < t).length / positives.length;
    const answered = negatives.filter((n) => n >= t).length / negatives.length;
    const cost = REFUSAL_COST * refused + answered;
    if (cost < best.cost) best = { t, cost };
  }
  return best.t;
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? '../shared/eval/dev';
  const distractors = Number(process.argv[3] ?? 2000);
  const heldOut = process.argv.includes('--held-out');
  const runs: { extra: number; rows: Awaited<ReturnType<typeof evaluateWithFeatures>>; held: Awaited<ReturnType<typeof evaluateHeldOut>> }[] = [];
  for (const extra of distractors > 0 ? [0, distractors] : [0]) {
    const probe = await openEvalSet(dir);
    let { db, glossary } = probe;
    if (extra > 0) {
      await db.close();
      ({ db, glossary } = await openEvalSet(dir, syntheticExperiences([...probe.set.distractors], extra, 7, 'bench-distractor')));
    }
    try {
      runs.push({ extra, rows: await evaluateWithFeatures(db, glossary, probe.set.questions), held: await evaluateHeldOut(db, glossary, probe.set.questions) });
    } finally {
      await db.close();
    }
  }
  const train = runs.flatMap((r) => [...r.rows, ...(heldOut ? r.held : [])]).filter((r) => r.kind !== 'cross_untranslated');
  const fit = fitLogistic(
    train.map((r) => KEYS.map((k) => r.features[k])),
    train.map((r) => (r.kind === 'none' ? 0 : 1)),
  );
  // Back to raw feature units so the model needs no scaler at run time.
  const weights = { ...NO_FEATURES, ...Object.fromEntries(KEYS.map((k, j) => [k, fit.w[j]! / fit.sd[j]!])) } as AbstentionFeatures;
  const intercept = fit.b - KEYS.reduce((s, _k, j) => s + (fit.w[j]! * fit.mean[j]!) / fit.sd[j]!, 0);
  const model: AbstentionModel = { ...DEFAULT_ABSTENTION_MODEL, weights, intercept, threshold: 0.5 };
  const conf = (r: (typeof train)[number]) => confidence(r.features, model);
  model.threshold = chooseThreshold(train.filter((r) => r.kind !== 'none').map(conf), train.filter((r) => r.kind === 'none').map(conf));
  const round = (x: number) => Number(x.toFixed(3));
  console.log(
    JSON.stringify({
      weights: Object.fromEntries(Object.entries(model.weights).map(([k, v]) => [k, round(v)])),
      intercept: round(model.intercept),
      threshold: round(model.threshold),
    }),
  );
  for (const run of runs) {
    const { extra, rows } = run;
    const counts = (['same', 'cross_translated', 'cross_untranslated', 'none'] as const).map((kind) => {
      const subset = rows.filter((r) => r.kind === kind);
      return `${kind} ${subset.filter((r) => conf(r) < model.threshold).length}/${subset.length}`;
    });
    console.log(
      `+${extra} distractors, abstained: ${counts.join(', ')}, answerable asked with their answers archived ${run.held.filter((r) => conf(r) < model.threshold).length}/${run.held.length}`,
    );
  }
  if (process.argv.includes('--sweep')) {
    for (let t = 0.4; t <= 0.75; t += 0.02) {
      const line = runs.map((run) => {
        const ab = (r: { features: AbstentionFeatures }) => confidence(r.features) < t;
        const answerable = run.rows.filter((r) => r.kind === 'same' || r.kind === 'cross_translated');
        return `+${run.extra}: answerable ${answerable.filter(ab).length}/${answerable.length} none ${run.rows.filter((r) => r.kind === 'none' && ab(r)).length}/18 held ${run.held.filter(ab).length}/${run.held.length}`;
      });
      console.log(`t=${t.toFixed(2)} ${line.join(' | ')}`);
    }
  }
  // The model in use, on the same questions: what a refit would change.
  for (const run of runs) {
    const inUse = (r: { features: AbstentionFeatures }) => confidence(r.features) < DEFAULT_ABSTENTION_MODEL.threshold;
    const counts = (['same', 'cross_translated', 'cross_untranslated', 'none'] as const).map(
      (kind) => `${kind} ${run.rows.filter((r) => r.kind === kind && inUse(r)).length}/${run.rows.filter((r) => r.kind === kind).length}`,
    );
    console.log(`model in use, +${run.extra} distractors, abstained: ${counts.join(', ')}, held out ${run.held.filter(inUse).length}/${run.held.length}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
