import { CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/cli/context.ts';
import type { Db } from '../../src/db/db.ts';
import { ExperienceRepository } from '../../src/knowledge/experiences/repository.ts';
import { openTestPglite } from '../helpers/db.ts';
import { anExperience } from '../helpers/experiences.ts';
import { createTranslator } from '../../src/i18n.ts';
import type { Language } from '../../src/text/language.ts';
import { openDemoBase, runAsk } from './ask-command.ts';

let db: Db;
/** The demo base, where some questions are near stories without being answered by them. */
let demoDb: Db;
beforeAll(async () => {
  db = await openTestPglite();
  await new ExperienceRepository(db).upsertRecords([anExperience({ id: 'exp-ir-pay' }), anExperience({ id: 'exp-ir-pay-2' })], { status: 'published' });
  demoDb = await openDemoBase();
});
afterAll(async () => {
  await db.close();
  await demoDb.close();
});

/** Runs `sme-bridge ask …` in process against the real app (offline, on PGlite). */
const ask = (args: string[], database = db) => runAsk(database, args);

describe('sme-bridge ask', () => {
  it("--json prints exactly one object with the ranked results and their titles in the asker's language", async () => {
    const { out, error } = await ask(['How do I pay a Chinese supplier through an exchange house?', '--json']);
    expect(error).toBeUndefined();
    expect(out).toHaveLength(1);
    const result = JSON.parse(out[0]!) as {
      language: string;
      abstained: boolean;
      tier: string;
      results: { id: string; score: number; title: string }[];
      answer: string;
    };
    expect(Object.keys(result)).toEqual(['language', 'abstained', 'tier', 'results', 'answer']);
    expect(result.language).toBe('en');
    expect(result).toMatchObject({ abstained: false, tier: 'answered' });
    expect(result.results.length).toBeGreaterThan(0);
    expect(result.results.length).toBeLessThanOrEqual(5);
    for (const r of result.results) {
      expect(r.id).toMatch(/^exp-ir-pay/);
      expect(typeof r.score).toBe('number');
      expect(r.title).toMatch(/^Paying a Chinese supplier through an exchange house/);
    }
    expect(typeof result.answer).toBe('string');
  });

  it('--json says the tier of a question the base has nothing on', async () => {
    const { out } = await ask(['What is the capital of France?', '--json']);
    expect(JSON.parse(out[0]!)).toMatchObject({ abstained: true, tier: 'nothing' });
  });

  it.each(['هوای تهران فردا چطوره؟', 'gold price today', '今天人民币兑美元汇率多少'])(
    '--json says nothing, and why, for a question asking live information the demo base shares words with: %s',
    async (question) => {
      const { out, error } = await ask([question, '--json'], demoDb);
      expect(error).toBeUndefined();
      const result = JSON.parse(out[0]!) as { language: string; tier: string; answer: string };
      expect(result).toMatchObject({ abstained: true, tier: 'nothing', reason: 'live-information' });
      expect(result.answer).toBe(createTranslator().t(result.language as Language, 'answer-live-information'));
    },
  );

  it('without --json lists the experiences that might be related when no answer is sure', async () => {
    const { out, error } = await ask(['who insures goods on the train from China to Iran', '--lang', 'en'], demoDb);
    expect(error).toBeUndefined();
    expect(out[0]).toBe("I have no sure answer to this. These members' experiences might be related:");
    expect(out.slice(1).length).toBeGreaterThanOrEqual(1);
    expect(out.slice(1).length).toBeLessThanOrEqual(3);
    for (const [i, line] of out.slice(1).entries()) expect(line).toMatch(new RegExp(`^  ${i + 1}\\. .+ \\(demo-\\d+\\)$`));
  });

  it("--lang sets the asker's language", async () => {
    const { out } = await ask(['exchange house', '--lang', 'zh', '--json']);
    const result = JSON.parse(out[0]!) as { language: string; results: { title: string }[] };
    expect(result.language).toBe('zh');
    for (const r of result.results) expect(r.title).toMatch(/^通过换汇所向中国供应商付款/);
  });

  it('without --json prints the answer text', async () => {
    const { out, error } = await ask(['exchange house payment to China', '--lang', 'en']);
    expect(error).toBeUndefined();
    expect(out.join('\n').length).toBeGreaterThan(0);
  });

  it('refuses an unknown --lang as a user error (exit code 2)', async () => {
    const { error } = await ask(['hello', '--lang', 'de']);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message).toMatch(/fa, zh, en/);
  });

  it('requires the question', async () => {
    const { error } = await ask([]);
    expect(error).toBeInstanceOf(CommanderError);
  });
});
