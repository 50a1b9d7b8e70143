import { describe, expect, it } from 'vitest';
import { loadEvalSet, type EvalQuestion } from '../../../src/knowledge/evaluation/eval.ts';
import type { ExperienceRecord } from '../../../src/knowledge/experiences/experience.ts';

// The members' questions (eval/members): labels the metrics rely on must stay consistent with the base.
const root = new URL('../../../eval/members/', import.meta.url).pathname;
const fit = loadEvalSet(`${root}fit`);
const report = loadEvalSet(`${root}report`);
const base = new Map<string, ExperienceRecord>([...fit.experiences, ...fit.distractors].map((e) => [e.id, e]));

function expectedKind(q: EvalQuestion): EvalQuestion['kind'] {
  const relevant = q.relevant.map((id) => base.get(id)!);
  if (relevant.length === 0) return 'none';
  if (relevant.some((e) => e.language === q.language)) return 'same';
  if (relevant.some((e) => e.translations?.[q.language])) return 'cross_translated';
  return 'cross_untranslated';
}

describe('the members’ question set', () => {
  const all = [...fit.questions, ...report.questions];

  it('holds at least 300 questions in two halves of about the same size over one base', () => {
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(Math.abs(fit.questions.length - report.questions.length)).toBeLessThan(10);
    expect(report.experiences.map((e) => e.id)).toEqual(fit.experiences.map((e) => e.id));
  });

  it('labels every question with experiences of the base and the kind their languages give', () => {
    for (const q of all) {
      for (const id of q.relevant) expect(base.has(id), `${q.id}: ${id}`).toBe(true);
      expect(q.kind, q.id).toBe(expectedKind(q));
    }
  });

  it('never asks the same question in both halves', () => {
    const ids = new Set(fit.questions.map((q) => q.id));
    const texts = new Set(fit.questions.map((q) => `${q.language} ${q.text}`));
    for (const q of report.questions) {
      expect(ids.has(q.id), q.id).toBe(false);
      expect(texts.has(`${q.language} ${q.text}`), q.id).toBe(false);
    }
  });

  it('keeps each Finglish question beside the Persian question it transliterates, with the same labels', () => {
    for (const half of [fit, report]) {
      const byId = new Map(half.questions.map((q) => [q.id, q]));
      const finglish = half.questions.filter((q) => q.id.startsWith('mem-fa-fing-'));
      expect(finglish.length).toBeGreaterThan(20);
      for (const q of finglish) {
        expect(q.text, q.id).toMatch(/^[\x20-\x7e]+$/);
        const persian = half.questions.find((p) => p.language === 'fa' && p.id !== q.id && p.id.endsWith(q.id.slice(-4)));
        expect(persian, q.id).toBeDefined();
        expect(byId.get(persian!.id)!.relevant).toEqual(q.relevant);
      }
    }
  });
});
