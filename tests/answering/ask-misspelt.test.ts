import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.ts';
import { openDemoBase, runAsk } from './ask-command.ts';

let demoDb: Db;
beforeAll(async () => {
  demoDb = await openDemoBase();
});
afterAll(async () => {
  await demoDb.close();
});

/** `sme-bridge ask --json QUESTION` against the real app over the demo base (offline, on PGlite). */
async function ask(question: string): Promise<{ tier: string; results: { id: string }[] }> {
  const { out, error } = await runAsk(demoDb, ['--json', question]);
  if (error) throw error;
  return JSON.parse(out[0]!) as { tier: string; results: { id: string }[] };
}

describe('sme-bridge ask with words misspelt as on a phone', () => {
  it.each([
    ['ثبط کارگاه خرما در سامانه سیفر گمرگ چین', 'demo-001'],
    ['注塑机安装签证言误', 'demo-013'],
    ['sampel requests and MOQ for smal Iranain buyers', 'demo-026'],
  ])('%s is answered from %s', async (question, expected) => {
    const result = await ask(question);
    expect(result.tier).toBe('answered');
    expect(result.results[0]?.id).toBe(expected);
  });
});
