import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.ts';
import { housekeepingJobs } from '../../src/jobs/housekeeping.ts';
import { createJobRunner } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/log.ts';
import { testDatabases } from '../helpers/db.ts';

const count = async (db: Db, sql: string) => ((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`)) as [{ n: number }])[0].n;

describe.each(testDatabases())('housekeeping on $name', ({ open }) => {
  let db: Db;
  let embedded = 0;
  beforeAll(async () => {
    db = await open();
    await db.exec(`
      INSERT INTO processed_updates (update_id, processed_at) VALUES (1, now() - interval '3 days'), (2, now() - interval '1 day'), (3, now());
      INSERT INTO search_changes (experience_id) SELECT NULL FROM generate_series(1, 10005);
      INSERT INTO changes (topic, seq, key) SELECT 'glossary', n, 'k' FROM generate_series(1, 1003) AS n;
      INSERT INTO jobs (kind, done_at) VALUES ('old-done', now() - interval '8 days'), ('recent-done', now() - interval '1 day');
      INSERT INTO jobs (kind, failed_at, last_error) VALUES ('old-failed', now() - interval '31 days', 'x'), ('recent-failed', now() - interval '2 days', 'y');
      INSERT INTO jobs (kind, attempts, max_attempts, locked_until, locked_by) VALUES ('abandoned', 3, 3, now() - interval '1 minute', 'dead-worker');
      INSERT INTO telegram_send_budget (second, used) VALUES (date_trunc('second', now()) - interval '5 minutes', 30), (date_trunc('second', now()), 1);
    `);
    const { handlers, schedules } = housekeepingJobs({ db, embedNewTexts: async () => (embedded++, 0), keepUnansweredSavedMessages: async () => 0 });
    const worker = () => createJobRunner({ db, logger: createLogger('silent'), handlers, schedules });
    expect(await worker().runDue()).toBe(6);
    // Another process's worker in the same period finds nothing to do.
    expect(await worker().runDue()).toBe(0);
  });
  afterAll(async () => db?.close());

  it('forgets handled update ids Telegram can no longer send again', async () => {
    expect((await db.query<{ update_id: number }>('SELECT update_id::int FROM processed_updates ORDER BY 1')).map((r) => r.update_id)).toEqual([2, 3]);
  });

  it('keeps the last 10,000 search change numbers', async () => {
    expect(await count(db, 'search_changes')).toBe(10_000);
  });

  it('keeps the last 1,000 change numbers of each topic, out of the path of a question', async () => {
    expect(await count(db, 'changes')).toBe(1_000);
  });

  it('deletes old finished jobs and keeps failed ones a month, and fails a job whose worker died on its last attempt', async () => {
    const fixtures = ['old-done', 'recent-done', 'old-failed', 'recent-failed', 'abandoned'];
    const kinds = (await db.query<{ kind: string }>('SELECT kind FROM jobs WHERE kind = ANY($1::text[]) ORDER BY kind', [fixtures])).map((r) => r.kind);
    expect(kinds).toEqual(['abandoned', 'recent-done', 'recent-failed']);
    const [abandoned] = await db.query<{ failed_at: Date | null; last_error: string }>("SELECT failed_at, last_error FROM jobs WHERE kind = 'abandoned'");
    expect(abandoned!.failed_at).not.toBeNull();
    expect(abandoned!.last_error).toMatch(/worker stopped/);
  });

  it('forgets past seconds of the sending budget', async () => {
    expect(await count(db, 'telegram_send_budget')).toBe(1);
  });

  it('embeds texts imported without vectors', () => {
    expect(embedded).toBe(1);
  });
});
