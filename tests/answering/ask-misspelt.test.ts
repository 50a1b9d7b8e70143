import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { register } from '../../src/cli/ask.ts';
import type { CliContext } from '../../src/cli/context.ts';
import { loadConfig } from '../../src/config.ts';
import { cliContext } from '../../src/main.ts';
import type { Db } from '../../src/db/db.ts';
import { ExperienceRepository } from '../../src/knowledge/experiences/repository.ts';
import { parseKbFile } from '../../src/knowledge/experiences/kb-format.ts';
import { memoryLogger } from '../ai/support.ts';
import { openTestPglite } from '../helpers/db.ts';

let demoDb: Db;
beforeAll(async () => {
  demoDb = await openTestPglite();
  await new ExperienceRepository(demoDb).upsertRecords(parseKbFile(readFileSync('assets/demo-kb.jsonl', 'utf8')).records, { status: 'published' });
});
afterAll(async () => {
  await demoDb.close();
});

/** `sme-bridge ask --json QUESTION` against the real app over the demo base (offline, on PGlite). */
async function ask(question: string): Promise<{ tier: string; results: { id: string }[] }> {
  const out: string[] = [];
  const ctx: CliContext = {
    ...cliContext(),
    loadConfig: () => loadConfig({ LOG_LEVEL: 'silent' }),
    openApp: (config) => createApp(config, { db: demoDb, logger: memoryLogger().logger }),
    out: (line) => out.push(line),
    err: () => {},
  };
  const program = new Command('sme-bridge').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  register(program, ctx);
  await program.parseAsync(['ask', '--json', question], { from: 'user' });
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
