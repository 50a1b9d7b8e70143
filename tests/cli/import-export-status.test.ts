import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { cliContext, runCommands } from '../../src/main.ts';
import type { Db } from '../../src/db/db.ts';
import type { ExperienceRecord } from '../../src/knowledge/experiences/experience.ts';
import { ExperienceRepository } from '../../src/knowledge/experiences/repository.ts';
import { memoryLogger } from '../ai/support.ts';
import { testDatabases } from '../helpers/db.ts';
import { anExperience, kbLines } from '../helpers/experiences.ts';

// A dozen commands, each building the app (and the first cloning a database): seconds on a busy machine.
const COMMANDS_TIMEOUT = 120_000;
const scratch = await mkdtemp(join(tmpdir(), 'sme-kb-status-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

// Closed when their test ends, not when the file does: a closed embedded database is emptied and
// lent to the next test (helpers/db.ts) instead of another being loaded, which is most of this
// file's time.
const opened: Db[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

/**
 * `sme-bridge import|export|ask …` in process against the real app on `db` (opening a data
 * folder per command costs a second or more; commands on a DATA_DIR of their own are tested in
 * tests/knowledge/experiences/import-export.test.ts).
 */
async function run(db: Db, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommands(argv, {
    ...cliContext({ out: (line) => out.push(line), err: (line) => err.push(line) }),
    loadConfig: () => loadConfig({ LOG_LEVEL: 'silent' }),
    openApp: (config) => createApp(config, { db, logger: memoryLogger().logger }),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function file(lines: readonly (ExperienceRecord | string)[]): Promise<string> {
  const path = join(scratch, `kb-${Math.random().toString(36).slice(2, 8)}.jsonl`);
  await writeFile(path, kbLines(lines));
  return path;
}

async function exportOf(db: Db): Promise<string> {
  const path = join(scratch, `export-${Math.random().toString(36).slice(2, 8)}.jsonl`);
  const result = await run(db, 'export', path);
  expect(result.code, result.err).toBe(0);
  return readFile(path, 'utf8');
}

/** The ids `ask` cites for a question that all the test experiences answer. */
async function found(db: Db): Promise<string[]> {
  const result = await run(db, 'ask', 'How do I pay a Chinese supplier through an exchange house?', '--lang', 'en', '--json');
  expect(result.code, result.err).toBe(0);
  return (JSON.parse(result.out) as { results: { id: string }[] }).results.map((r) => r.id).sort();
}

async function fresh(open: () => Promise<Db>): Promise<Db> {
  const db = await open();
  opened.push(db);
  return db;
}

/** Every test record answers the same question; they differ in id and status. */
const story = (id: string, overrides: Partial<ExperienceRecord> = {}) => anExperience({ id, ...overrides });

describe.each(testDatabases())('import and export keep what staff decided, on $name', ({ open }) => {
  it(
    'an export imported into an empty database publishes nothing that was not published, and keeps verified_on and machine translations',
    async () => {
      const first = await fresh(open);
      const machineMade = story('exp-published', { verified_on: '2025-03-14' });
      machineMade.translations = { ...machineMade.translations, en: { ...machineMade.translations!.en!, machine: true } };
      expect((await run(first, 'import', await file([machineMade]))).code).toBe(0);
      const imported = await run(
        first,
        'import',
        await file([story('exp-pending'), story('exp-rejected', { status: 'rejected' }), story('exp-archived', { status: 'archived' })]),
        '--status',
        'pending',
      );
      expect(imported.out).toMatch(/: 3 new \(1 pending, 1 rejected, 1 archived\), 0 updated in /);
      expect(await found(first)).toEqual(['exp-published']);

      const backup = await exportOf(first);
      expect(backup).toContain('"status":"published","verified_on":"2025-03-14"');
      expect(backup).toContain('"machine":true');

      const second = await fresh(open);
      // --status is the default, published: it must not apply to records that carry their own.
      const restored = await run(second, 'import', await file(backup.trimEnd().split('\n')));
      expect(restored.out).toMatch(/: 4 new \(1 pending, 1 published, 1 rejected, 1 archived\), 0 updated in /);
      expect(await found(second)).toEqual(['exp-published']);
      expect(await exportOf(second)).toBe(backup);
    },
    COMMANDS_TIMEOUT,
  );

  it(
    'a contribution still without its problem (a group message saved with /save) is left out of the export with what to fix, so the backup restores',
    async () => {
      const first = await fresh(open);
      expect((await run(first, 'import', await file([story('exp-published')]))).code).toBe(0);
      const repository = new ExperienceRepository(first);
      const saved = { language: 'en' as const, industry: 'other' as const, tags: [], source: 'group' as const, contributor: {} };
      const withoutProblem = await repository.createContribution({
        ...saved,
        text: {
          title: 'We paid through an exchange house in Urumqi',
          problem: '',
          solution: 'We paid through an exchange house in Urumqi and kept the receipt.',
        },
      });
      const withProblem = await repository.createContribution({
        ...saved,
        text: { title: 'Paying a supplier', problem: 'How do we pay a supplier in Yiwu?', solution: 'Through an exchange house, with a receipt for customs.' },
      });

      const path = join(scratch, 'backup-left-out.jsonl');
      const exported = await run(first, 'export', path);
      expect(exported.code, exported.err).toBe(0);
      expect(exported.out).toMatch(/^Exported 2 experiences to .* in [\d.]+ s; left out 1 that kb-format cannot hold \(listed above/);
      expect(exported.err).toBe(
        `left out ${withoutProblem.externalId} (pending), field problem: has none yet (an answer whose question the bot did not see, or has in another language only); write it with ✏️ Edit on its review card`,
      );
      const backup = await readFile(path, 'utf8');
      expect(
        backup
          .trimEnd()
          .split('\n')
          .map((line) => (JSON.parse(line) as ExperienceRecord).id),
      ).toEqual(['exp-published', withProblem.externalId]);
      // Nothing is lost where it was: it waits for a curator.
      expect((await repository.getById(withoutProblem.id))?.status).toBe('pending');

      const second = await fresh(open);
      const restored = await run(second, 'import', path);
      expect(restored.code, restored.err).toBe(0);
      expect(restored.out).toMatch(/: 2 new \(1 pending, 1 published\), 0 updated in /);
      expect(await exportOf(second)).toBe(backup);

      // Once a curator writes the problem, it is exported like any other.
      await first.query(`UPDATE experience_texts SET problem = 'How do I pay a Chinese supplier?' WHERE experience_id = $1`, [withoutProblem.id]);
      const complete = await exportOf(first);
      expect(complete.trimEnd().split('\n')).toHaveLength(3);
      const third = await fresh(open);
      expect((await run(third, 'import', await file(complete.trimEnd().split('\n')))).code).toBe(0);
      expect(await exportOf(third)).toBe(complete);
    },
    COMMANDS_TIMEOUT,
  );

  it(
    'a group message saved with /save is left out while its author has not agreed to keep it, and the summary says why; other drafts are exported as drafts',
    async () => {
      const first = await fresh(open);
      // A draft from another source (an earlier backup) is a draft like any other in the format.
      expect((await run(first, 'import', await file([story('exp-published'), story('exp-draft', { status: 'draft' })]))).code).toBe(0);
      const app = await createApp(loadConfig({ LOG_LEVEL: 'silent' }), { db: first, logger: memoryLogger().logger });
      try {
        const author = await app.community.members.upsertFromTelegram({ telegramId: 700_001, name: 'Maryam', language: 'en' });
        const save = (messageId: number, answer: string) =>
          app.community.savedMessages.save({
            chatId: -100_700,
            messageId,
            saverTelegramId: 700_002,
            isGroupAdmin: async () => true,
            authorTelegramId: author.telegramId,
            answer,
            problem: 'How do I pay a Chinese supplier without a letter of credit?',
            fallbackLanguage: 'en',
          });
        const words = 'We paid our supplier through an exchange house in Urumqi and had the bank receipt the same day.';
        expect(await save(1, words)).toEqual({ kind: 'saved', author: 'asked' });
        const [waiting] = await first.query<{ external_id: string }>(
          `SELECT e.external_id FROM experiences e JOIN experience_texts t ON t.experience_id = e.id WHERE t.solution = $1`,
          [words],
        );

        const path = join(scratch, 'backup-unconsented.jsonl');
        const exported = await run(first, 'export', path);
        expect(exported.code, exported.err).toBe(0);
        expect(exported.out).toMatch(
          /^Exported 2 experiences to .* in [\d.]+ s; left out 1 draft saved with \/save whose author has not agreed to keep it yet \(a restore would bring back words nobody consented to/,
        );
        expect(exported.err).toBe(`left out ${waiting!.external_id} (draft), a group message saved with /save whose author has not agreed to keep it yet`);
        const backup = await readFile(path, 'utf8');
        expect(backup).not.toContain(words);
        expect(
          backup
            .trimEnd()
            .split('\n')
            .map((line) => [(JSON.parse(line) as ExperienceRecord).id, (JSON.parse(line) as ExperienceRecord).status]),
        ).toEqual([
          ['exp-published', 'published'],
          ['exp-draft', 'draft'],
        ]);
        const second = await fresh(open);
        const restored = await run(second, 'import', path);
        expect(restored.code, restored.err).toBe(0);
        expect(restored.out).toMatch(/: 2 new \(1 draft, 1 published\), 0 updated in /);
        expect(await exportOf(second)).toBe(backup);

        // Once its author agrees, it is a pending contribution, exported like any other.
        const [row] = await first.query<{ id: string }>(`SELECT id FROM saved_messages WHERE message_id = 1`);
        expect(await app.community.savedMessages.decide({ saveId: Number(row!.id), authorTelegramId: author.telegramId, choice: 'anonymous' })).toEqual({
          kind: 'done',
          choice: 'anonymous',
        });
        const after = await run(first, 'export', path);
        expect(after.out).toMatch(/^Exported 3 experiences to .* in [\d.]+ s$/);
        expect(after.err).toBe('');
        expect(await readFile(path, 'utf8')).toContain(words);
      } finally {
        await app.close();
      }
    },
    COMMANDS_TIMEOUT,
  );

  it(
    're-importing a pending experience keeps it pending unless the record carries a status, and the summary says so',
    async () => {
      const db = await fresh(open);
      const record = story('exp-review');
      expect((await run(db, 'import', await file([record]), '--status', 'pending')).out).toMatch(/: 1 new \(pending\), 0 updated in /);

      const again = await run(db, 'import', await file([record, story('exp-other')]), '--status', 'published');
      expect(again.code, again.err).toBe(0);
      expect(again.out).toMatch(/: 1 new \(published\), 1 updated \(kept pending\) in /);
      expect(await found(db)).toEqual(['exp-other']);

      const approved = await run(db, 'import', await file([{ ...record, status: 'published' }]));
      expect(approved.out).toMatch(/: 0 new, 1 updated \(pending → published\) in /);
      expect(await found(db)).toEqual(['exp-other', 'exp-review']);
    },
    COMMANDS_TIMEOUT,
  );
});
