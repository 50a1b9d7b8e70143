import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ExperienceRepository } from '../../../src/knowledge/experiences/repository.ts';
import { parseKbFile } from '../../../src/knowledge/experiences/kb-format.ts';
import { formatKbFile } from '../../../src/knowledge/experiences/kb-format-writing.ts';
import type { ExperienceRecord } from '../../../src/knowledge/experiences/experience.ts';
import { freshDataDir, testDatabases } from '../../helpers/db.ts';
import { anExperience, kbLines } from '../../helpers/experiences.ts';
import { cli } from '../../helpers/cli.ts';

// CI puts a copy of shared/ beside the clone; a clone on its own has no evaluation set.
const DEV_SET = fileURLToPath(new URL('../../../../shared/eval/dev/', import.meta.url));
const hasDevSet = existsSync(join(DEV_SET, 'experiences.jsonl'));
const CLI_TIMEOUT = 240_000;

const scratch = await mkdtemp(join(tmpdir(), 'sme-kb-io-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe.each(testDatabases())('kb-format round trip on $name', ({ open }) => {
  it.skipIf(!hasDevSet)('export → import into an empty database → export gives the same bytes (dev set + distractors)', async () => {
    const input = [
      ...parseKbFile(await readFile(join(DEV_SET, 'experiences.jsonl'), 'utf8')).records,
      ...parseKbFile(await readFile(join(DEV_SET, 'distractors.jsonl'), 'utf8')).records,
    ];
    expect(input.length).toBeGreaterThan(100);
    const first = await open();
    const second = await open();
    try {
      await new ExperienceRepository(first).upsertRecords(input, { status: 'published' });
      const exported = formatKbFile(await new ExperienceRepository(first).exportRecords());
      // Nothing of the input is lost: the export is the input in the canonical key order, with its status.
      expect(exported).toBe(formatKbFile(input.map((r) => ({ ...r, status: 'published' }))));

      const { records, problems } = parseKbFile(exported);
      expect(problems).toEqual([]);
      await new ExperienceRepository(second).upsertRecords(records, { status: 'published' });
      expect(formatKbFile(await new ExperienceRepository(second).exportRecords())).toBe(exported);
    } finally {
      await first.close();
      await second.close();
    }
  });
});

/**
 * The program (in this process, as `main` runs it) against a fresh embedded database of its own.
 * The same import and export code runs on PostgreSQL in the repository tests.
 */
const cliTargets: { name: string; env(): Promise<Record<string, string>> }[] = [{ name: 'pglite', env: async () => ({ DATA_DIR: freshDataDir() }) }];
async function writeKb(name: string, lines: readonly (ExperienceRecord | string)[]): Promise<string> {
  const path = join(scratch, `${name}-${Math.random().toString(36).slice(2, 8)}.jsonl`);
  await writeFile(path, kbLines(lines));
  return path;
}

async function exported(env: Record<string, string>, ...options: string[]): Promise<string> {
  const path = join(scratch, `export-${Math.random().toString(36).slice(2, 8)}.jsonl`);
  const run = await cli(['export', path, ...options], env);
  expect(run, run.stderr).toMatchObject({ code: 0 });
  return readFile(path, 'utf8');
}

describe('sme-bridge import FILE', () => {
  it(
    'explains a file that does not exist, with exit code 2',
    async () => {
      const run = await cli(['import', join(scratch, 'missing.jsonl')], { DATA_DIR: join(scratch, 'unused') });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/Cannot read .*missing\.jsonl: no such file/);
    },
    CLI_TIMEOUT,
  );

  it(
    'describes itself in --help',
    async () => {
      const run = await cli(['import', '--help'], {});
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/kb-format v1/);
      expect(run.stdout).toMatch(/--status <status>/);
    },
    CLI_TIMEOUT,
  );
});

describe.each(cliTargets)('sme-bridge import and export on $name', (target) => {
  it(
    'lists every problem of a bad file, exits with 2 and imports nothing, even when only the last lines are bad',
    async () => {
      const env = await target.env();
      const good = [anExperience(), anExperience({ language: 'zh', country: 'CN', translations: {} })];
      const first = await cli(['import', await writeKb('good', good)], env);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/^Imported 2 experiences from .*good-\w+\.jsonl: 2 new \(published\), 0 updated in \d+\.\d s\n$/);

      const bad = await writeKb('bad', [
        { ...good[0]!, title: 'changed title' },
        anExperience(),
        JSON.stringify({ ...anExperience(), industry: 'foods' }),
        JSON.stringify({ ...anExperience(), country: 'iran' }),
      ]);
      const run = await cli(['import', bad], env);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trim().split('\n');
      expect(lines[0]).toMatch(/^line 3, field industry: unknown industry "foods"; expected one of food, textiles/);
      expect(lines[1]).toMatch(/^line 4, field country: "iran" is not an ISO 3166-1 alpha-2 code/);
      expect(lines[2]).toMatch(/2 problems found; nothing was imported/);

      expect(await exported(env)).toBe(kbLines(good.map((r) => ({ ...r, status: 'published' }))));
    },
    CLI_TIMEOUT,
  );

  it(
    'updates experiences imported again, gives --status to new ones without a status only and removes dropped translations',
    async () => {
      const env = await target.env();
      const original = anExperience();
      expect((await cli(['import', await writeKb('a', [original]), '--status', 'pending'], env)).code).toBe(0);

      const revised: ExperienceRecord = { ...original, outcome: 'پول در سه روز رسید.', translations: { en: original.translations!.en! } };
      const added = anExperience({ language: 'en', translations: {} });
      const run = await cli(['import', await writeKb('b', [revised, added]), '--status', 'published'], env);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/: 1 new \(published\), 1 updated \(kept pending\) in /);

      const [pending, published] = [
        { ...revised, status: 'pending' as const },
        { ...added, status: 'published' as const },
      ];
      expect(await exported(env, '--status', 'pending')).toBe(kbLines([pending]));
      expect(await exported(env, '--status', 'published')).toBe(kbLines([published]));
      expect(await exported(env)).toBe(kbLines([pending, published]));
    },
    CLI_TIMEOUT,
  );
});
