/**
 * Calibrates the abstention model (src/knowledge/search/abstention.ts) on two question sets
 * written differently (the dev set, written as the experiences are, and eval/members/fit,
 * written as members type), so that what it learns carries over to questions nobody fitted on:
 *  1. asks every question of each set with abstention features recorded, once on the set's base
 *     and once with 2,000 synthetic distractors (bench/synthetic.ts, as the quality bench does);
 *  2. normalises each feature per language of the question (mean and spread over that
 *     language's questions) and fits a logistic regression (L2 penalty) separating answerable
 *     questions asked in a language the experience has (same, cross_translated) from `none`;
 *  3. picks the answer threshold minimising REFUSAL_COST × (share of answerable questions
 *     refused) + (share of none questions answered), averaged over the sets (each set and base
 *     size weighing the same): wrongly refusing a member who could have been helped costs more
 *     than occasionally showing a loosely related experience; and the related threshold, below
 *     which at most 1 % of the answerable questions fall;
 *  4. validates across sets: fitted on one set, measured on the other, both ways;
 *  5. fits on both sets together and prints the model to paste into DEFAULT_ABSTENTION_MODEL,
 *     and the sweep (threshold against the shares refused) for docs/quality.md.
 * eval/members/report is never read here.
 * Usage: tsx bench/calibrate.ts [DEV_DIR] [MEMBERS_FIT_DIR] [--features prominence,margin,coverage] [--one-scale]
 *   (default ../shared/eval/dev eval/members/fit, every feature, normalised per language; --features and --one-scale
 *   fit alternatives, e.g. the earlier prominence,margin,coverage,known, to compare across sets)
 */
import {
  type AbstentionFeatures,
  type AbstentionModel,
  confidence,
  DEFAULT_ABSTENTION_MODEL,
  FEATURE_KEYS,
  standardised,
} from '../src/knowledge/search/abstention.ts';
import { LANGUAGES, type Language } from '../src/text/language.ts';
import { evaluateWithFeatures, openEvalSet } from './support.ts';
import { syntheticExperiences } from './synthetic.ts';

export const REFUSAL_COST = 4;
const DISTRACTORS = 2000;

export interface Row {
  set: string;
  extra: number;
  language: Language;
  answerable: boolean;
  features: AbstentionFeatures;
}

export function fitLogistic(xs: number[][], ys: number[], l2 = 0.05, steps = 3000, rate = 0.2): { w: number[]; b: number } {
  const d = xs[0]!.length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let step = 0; step < steps; step++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    xs.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-(b + x.reduce((s, v, j) => s + v * w[j]!, 0))));
      const e = p - ys[i]!;
      x.forEach((v, j) => (gw[j]! += e * v));
      gb += e;
    });
    for (let j = 0; j < d; j++) w[j]! -= rate * (gw[j]! / xs.length + l2 * w[j]!);
    b -= (rate * gb) / xs.length;
  }
  return { w, b };
}

/**
 * Threshold minimising REFUSAL_COST × refused answerable share + answered none share, averaged
 * over `sets` (each a set of questions at one base size, as positive and negative confidences):
 * every set weighs the same, so the set with the most questions does not set the threshold for
 * questions written as the others are.
 */
export function chooseThreshold(sets: { positives: number[]; negatives: number[] }[]): number {
  const candidates = [...new Set(sets.flatMap((s) => [...s.positives, ...s.negatives]))].sort((a, b) => a - b);
  const share = (xs: number[], f: (x: number) => boolean) => (xs.length === 0 ? 0 : xs.filter(f).length / xs.length);
  let best = { t: 0.5, cost: Infinity };
  for (let i = 0; i < candidates.length; i++) {
    const t = i === 0 ? candidates[0]! : (candidates[i - 1]! + candidates[i]!) / 2;
    const cost = sets.reduce((sum, s) => sum + REFUSAL_COST * share(s.positives, (p) => p < t) + share(s.negatives, (n) => n >= t), 0) / sets.length;
    if (cost < best.cost) best = { t, cost };
  }
  return best.t;
}

const round = (x: number) => Number(x.toFixed(4));
const featuresFrom = (value: (key: (typeof FEATURE_KEYS)[number]) => number): AbstentionFeatures => ({
  prominence: value('prominence'),
  margin: value('margin'),
  coverage: value('coverage'),
  known: value('known'),
  matched: value('matched'),
});

type FeatureKey = (typeof FEATURE_KEYS)[number];

/**
 * Least spread a feature is scaled by: one that hardly varies over a language's calibration
 * questions (most dev questions match four words or more) would otherwise turn small
 * differences elsewhere into huge ones.
 */
const MIN_SPREAD = 0.1;

/** Share of the answerable calibration questions the related tier may let fall to "nothing". */
const RELATED_MISS = 0.01;

/** The model fitted on `rows` over `keys` (the others weigh 0): normalisation per language (or one for all), weights, intercept and threshold. */
function fitModel(rows: Row[], keys: readonly FeatureKey[], perLanguage: boolean): AbstentionModel {
  const normalisation = Object.fromEntries(
    LANGUAGES.map((language) => {
      const own = perLanguage ? rows.filter((r) => r.language === language) : rows;
      const mean = featuresFrom((k) => round(own.reduce((s, r) => s + r.features[k], 0) / own.length));
      const sd = featuresFrom((k) => Math.max(round(Math.sqrt(own.reduce((s, r) => s + (r.features[k] - mean[k]) ** 2, 0) / own.length)), MIN_SPREAD));
      return [language, { mean, sd }];
    }),
  ) as AbstentionModel['normalisation'];
  const x = (r: Row) => keys.map((k) => standardised(r.features, k, r.language, { ...DEFAULT_ABSTENTION_MODEL, normalisation }));
  const { w, b } = fitLogistic(
    rows.map(x),
    rows.map((r) => (r.answerable ? 1 : 0)),
  );
  const model: AbstentionModel = {
    ...DEFAULT_ABSTENTION_MODEL,
    normalisation,
    weights: featuresFrom((k) => (keys.includes(k) ? Number(w[keys.indexOf(k)]!.toFixed(3)) : 0)),
    intercept: Number(b.toFixed(3)),
  };
  const conf = (r: Row) => confidence(r.features, r.language, model);
  const sets = [...new Set(rows.map((r) => `${r.set} ${r.extra}`))].map((key) => {
    const own = rows.filter((r) => `${r.set} ${r.extra}` === key);
    return { positives: own.filter((r) => r.answerable).map(conf), negatives: own.filter((r) => !r.answerable).map(conf) };
  });
  model.threshold = Number(chooseThreshold(sets).toFixed(3));
  const positives = rows.filter((r) => r.answerable).map(conf);
  // Rounded down to a multiple of 0.05: the quantile of a few questions is no more precise than that, and a
  // lower related threshold errs on the side of showing a member something.
  model.relatedThreshold = Math.floor(positives.sort((a, b) => a - b)[Math.floor(RELATED_MISS * positives.length)]! * 20) / 20;
  return model;
}

/**
 * Share of unanswerable questions refused at the threshold that refuses 3 % of the answerable
 * ones (the target's budget): how well the confidence separates the two, whatever threshold a
 * set would need.
 */
export function refusedAtBudget(rows: Row[], model: AbstentionModel): string {
  const positives = rows
    .filter((r) => r.answerable)
    .map((r) => confidence(r.features, r.language, model))
    .sort((a, b) => a - b);
  const t = positives[Math.floor(0.03 * positives.length)]!;
  const negatives = rows.filter((r) => !r.answerable);
  return (negatives.filter((r) => confidence(r.features, r.language, model) < t).length / negatives.length).toFixed(2);
}

/** Shares of answerable and unanswerable questions refused (confidence below `threshold`). */
export function refusals(rows: Row[], model: AbstentionModel, threshold = model.threshold): string {
  const refused = (rs: Row[]) => (rs.filter((r) => confidence(r.features, r.language, model) < threshold).length / rs.length).toFixed(2);
  return `${refused(rows.filter((r) => r.answerable))} / ${refused(rows.filter((r) => !r.answerable))}`;
}

/** Every same, translated and unanswerable question of `dir` with its features, on the base alone and with the distractors. */
export async function collect(dir: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const extra of [0, DISTRACTORS]) {
    const probe = await openEvalSet(dir);
    let { db, glossary } = probe;
    if (extra > 0) {
      await db.close();
      ({ db, glossary } = await openEvalSet(dir, syntheticExperiences([...probe.set.distractors], extra, 7, 'bench-distractor')));
    }
    try {
      for (const r of await evaluateWithFeatures(db, glossary, probe.set.questions))
        // The confidence decides only what the rules leave to it: a live-information question is refused whatever its confidence.
        if (r.kind !== 'cross_untranslated' && r.reason === undefined)
          rows.push({ set: dir, extra, language: r.language, answerable: r.kind !== 'none', features: r.features });
    } finally {
      await db.close();
    }
  }
  return rows;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const featuresArg = args.indexOf('--features');
  const keys = featuresArg >= 0 ? (args[featuresArg + 1]!.split(',') as FeatureKey[]) : FEATURE_KEYS;
  if (keys.some((k) => !FEATURE_KEYS.includes(k))) throw new Error(`--features takes some of ${FEATURE_KEYS.join(',')}`);
  const perLanguage = !args.includes('--one-scale');
  const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--features');
  const dirs = [positional[0] ?? '../shared/eval/dev', positional[1] ?? 'eval/members/fit'];
  console.log(`Features ${keys.join(', ')}, normalised ${perLanguage ? 'per language' : 'on one scale for all languages'}.\n`);
  const rows = new Map<string, Row[]>();
  for (const dir of dirs) rows.set(dir, await collect(dir));
  const on = (dir: string, extra: number) => rows.get(dir)!.filter((r) => r.extra === extra);

  console.log('Validation across sets (refused answerable / refused unanswerable on the set not fitted on):\n');
  console.log('| fitted on | measured on | distractors | refused answerable / unanswerable | unanswerable refused at 3 % answerable refused |');
  console.log('| --- | --- | ---: | ---: | ---: |');
  for (const [fitted, measured] of [dirs, [...dirs].reverse()] as [string, string][]) {
    const model = fitModel(rows.get(fitted)!, keys, perLanguage);
    for (const extra of [0, DISTRACTORS])
      console.log(`| ${fitted} | ${measured} | ${extra} | ${refusals(on(measured, extra), model)} | ${refusedAtBudget(on(measured, extra), model)} |`);
  }

  const model = fitModel([...rows.values()].flat(), keys, perLanguage);
  console.log('\nFitted on both sets:\n');
  console.log(
    JSON.stringify({
      normalisation: model.normalisation,
      weights: model.weights,
      intercept: model.intercept,
      threshold: model.threshold,
      relatedThreshold: model.relatedThreshold,
    }),
  );

  console.log('\nSweep of the answer threshold, this model (refused answerable / refused unanswerable):\n');
  const columns = dirs.flatMap((dir) => [0, DISTRACTORS].map((extra) => ({ dir, extra })));
  console.log(`| threshold | ${columns.map((c) => `${c.dir} +${c.extra}`).join(' | ')} |`);
  console.log(`| ---: |${' ---: |'.repeat(columns.length)}`);
  for (let t = 0.2; t <= 0.801; t += 0.05) {
    const mark = Math.abs(t - model.threshold) < 0.025 ? ` (≈ ${model.threshold})` : '';
    console.log(`| ${t.toFixed(2)}${mark} | ${columns.map((c) => refusals(on(c.dir, c.extra), model, t)).join(' | ')} |`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
