import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type QuestionOutcome, recallAt, reciprocalRank, summarise } from '../../../src/knowledge/evaluation/metrics.ts';
import { EvalSetError, loadEvalSet, runEval } from '../../../src/knowledge/evaluation/eval.ts';
import { createLogger } from '../../../src/log.ts';
import { anExperience, kbLines } from '../../helpers/experiences.ts';

const outcome = (o: Partial<QuestionOutcome> & Pick<QuestionOutcome, 'kind' | 'relevant' | 'ranked'>): QuestionOutcome => ({
  id: 'q',
  language: 'en',
  abstained: false,
  tier: 'answered',
  confidence: 1,
  ...o,
});

describe('eval metrics', () => {
  it('counts recall with the denominator capped at k, and the reciprocal rank of the first relevant', () => {
    expect(recallAt(['a', 'b', 'c'], ['b', 'x'], 1)).toBe(0);
    expect(recallAt(['b', 'a'], ['b', 'x'], 1)).toBe(1);
    expect(recallAt(['a', 'b', 'c', 'd', 'x'], ['b', 'x'], 5)).toBe(1);
    expect(recallAt(['a', 'b', 'c', 'd', 'e'], ['b', 'x'], 5)).toBe(0.5);
    expect(reciprocalRank(['a', 'b', 'c'], ['c'], 10)).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['a', 'b', 'c'], ['c'], 2)).toBe(0);
  });

  it('summarises a hand-made run by kind, language and abstention', () => {
    const s = summarise([
      outcome({ kind: 'same', language: 'fa', relevant: ['e1'], ranked: ['e1', 'e2'] }),
      outcome({ kind: 'same', language: 'en', relevant: ['e2'], ranked: ['e1', 'e2'], abstained: true }),
      outcome({ kind: 'cross_untranslated', language: 'zh', relevant: ['e3'], ranked: ['e4', 'e5', 'e6', 'e7', 'e8', 'e3'] }),
      outcome({ kind: 'none', language: 'fa', relevant: [], ranked: ['e1'], abstained: true }),
      outcome({ kind: 'none', language: 'zh', relevant: [], ranked: ['e1'], abstained: false }),
    ]);
    expect(s.byKind.same).toEqual({ questions: 2, recallAt1: 0.5, recallAt5: 1, mrrAt10: 0.75, abstentionRate: 0.5 });
    expect(s.byKind.cross_untranslated).toMatchObject({ recallAt1: 0, recallAt5: 0, mrrAt10: 1 / 6 });
    expect(s.byLanguage.fa).toMatchObject({ questions: 2, recallAt1: 1, abstentionRate: 0.5 });
    expect(s.abstention).toEqual({ precision: 0.5, recall: 0.5, truePositives: 1, falsePositives: 1, noneQuestions: 2 });
  });
});

describe('eval runs', () => {
  it('reports a bad question line with its number', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'));
    writeFileSync(join(dir, 'experiences.jsonl'), kbLines([anExperience()]));
    writeFileSync(
      join(dir, 'questions.jsonl'),
      '{"id":"q1","language":"en","text":"x","relevant":[],"kind":"none"}\n{"id":"q2","language":"de","text":"x","relevant":[],"kind":"none"}\n',
    );
    expect(() => loadEvalSet(dir)).toThrow(EvalSetError);
    expect(() => loadEvalSet(dir)).toThrow(/line 2: language/);
  });

  it('evaluates a tiny folder in a temporary database, distractors included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'));
    const saffron = anExperience({
      id: 'e-saffron',
      translations: {},
      title: 'ثبت کارخانه زعفران در گمرک چین',
      problem: 'خریدار چینی زعفران گفت بدون شماره ثبت گمرک چین محموله ترخیص نمی‌شود.',
    });
    const carpets = anExperience({
      id: 'e-carpets',
      language: 'en',
      translations: {},
      title: 'Selling handmade carpets online in China',
      problem: 'Buyers returned carpets because colours differed from the photos.',
      solution: 'Daylight photos and videos of the knots.',
    });
    writeFileSync(join(dir, 'experiences.jsonl'), kbLines([saffron, carpets]));
    writeFileSync(join(dir, 'distractors.jsonl'), kbLines([anExperience({ id: 'd-1' })]));
    writeFileSync(
      join(dir, 'questions.jsonl'),
      [
        { id: 'q1', language: 'fa', text: 'ثبت زعفران تو گمرک چین چطوریه؟', relevant: ['e-saffron'], kind: 'same' },
        { id: 'q2', language: 'en', text: 'carpet buyers keep returning rugs because of colours in photos', relevant: ['e-carpets'], kind: 'same' },
      ]
        .map((q) => JSON.stringify(q))
        .join('\n'),
    );
    const { outcomes, summary } = await runEval(dir, { logger: createLogger('silent'), k: 3 });
    expect(outcomes.map((o) => o.ranked[0])).toEqual(['e-saffron', 'e-carpets']);
    expect(outcomes.every((o) => o.ranked.length <= 3)).toBe(true);
    expect(summary.byKind.same?.recallAt1).toBe(1);
  });
});
