import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { freshDataDir } from '../helpers/db.ts';
import { anExperience, kbLines } from '../helpers/experiences.ts';
import { cli, spawnedCli } from '../helpers/cli.ts';

const dataDir = freshDataDir();
const settings = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '', BOT_TOKEN: '', OPENAI_API_KEY: '' };

const run = (argv: string[]) => cli(argv, settings);

const saffron = anExperience({
  id: 'exp-imported-while-running',
  language: 'en',
  title: 'Shipping saffron to Zanzibar under a cold-chain permit',
  problem: 'Customs in Zanzibar held our saffron for lack of a cold-chain permit.',
  solution: 'We applied for the permit through a licensed forwarder before shipping.',
  outcome: 'The next saffron shipment cleared in two days.',
  translations: {},
});
const question = 'How do I ship saffron to Zanzibar with a cold-chain permit?';

describe('commands while the bot runs on the embedded database', () => {
  let running: App | undefined;
  beforeAll(async () => {
    // What `start` opens: the bot's app, owning DATA_DIR and serving it to other commands.
    running = await createApp(loadConfig(settings), { ownDatabase: true });
    await running.loadSearchIndex();
  }, 60_000);
  afterAll(async () => {
    await running?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('an import goes through the running bot: its search finds the experience at once, and it is kept after the bot stops', async () => {
    const before = await running!.answering.answer({ text: question, language: 'en' });
    expect(before.hits.map((h) => h.externalId)).not.toContain(saffron.id);

    const file = join(dataDir, 'staff.jsonl');
    writeFileSync(file, kbLines([saffron]));
    const imported = await run(['import', file]);
    expect(imported.stderr).toBe('');
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.stdout).toMatch(/1 new/);

    const after = await running!.answering.answer({ text: question, language: 'en' });
    expect(after.hits[0]?.externalId).toBe(saffron.id);

    const asked = await run(['ask', '--json', '--lang', 'en', question]);
    expect(JSON.parse(asked.stdout).results[0].id).toBe(saffron.id);
  }, 60_000);

  it('a second `start` on the same DATA_DIR is refused in one line saying who has it and what to do', async () => {
    const started = await run(['start']);
    expect(started.code).toBe(1);
    expect(started.stderr.trimEnd()).not.toContain('\n');
    expect(started.stderr).toMatch(
      new RegExp(`DATA_DIR ${dataDir} is already open in pid ${process.pid} \\(.*\\), since .* UTC.*stop that process first.*DATABASE_URL`),
    );
  });

  it('another process imports through the running bot too, and a second `start` process is refused (spawned smoke test)', async () => {
    const file = join(dataDir, 'more.jsonl');
    writeFileSync(file, kbLines([anExperience({ id: 'exp-from-another-process' })]));
    const imported = await spawnedCli(['import', file], settings, { cwd: dataDir });
    expect(imported, imported.stderr).toMatchObject({ code: 0 });
    expect(imported.stdout).toMatch(/1 new/);
    const started = await spawnedCli(['start'], settings, { cwd: dataDir });
    expect(started).toMatchObject({ code: 1 });
    expect(started.stderr.trim().split('\n')).toHaveLength(1);
    expect(started.stderr).toMatch(/is already open in pid \d+ .*stop that process first.*DATABASE_URL/);
  }, 180_000);

  it('what was imported while the bot ran is still there after it stops', async () => {
    await running!.close();
    running = undefined;
    const file = join(dataDir, 'backup.jsonl');
    const exported = await run(['export', file]);
    expect(exported).toMatchObject({ code: 0 });
    const ids = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).id);
    expect(ids).toEqual(expect.arrayContaining([saffron.id, 'exp-from-another-process']));
  }, 60_000);
});
