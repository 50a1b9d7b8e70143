import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.ts';
import { migrate } from '../../src/db/migrate.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { enqueueJob, takeJob } from '../../src/jobs/queue.ts';
import { createJobRunner, type JobHandler } from '../../src/jobs/runner.ts';
import { createWakeSignal } from '../../src/jobs/wake.ts';
import { createLogger } from '../../src/log.ts';
import { createTestPostgresSchema, postgresUrl, testDatabases } from '../helpers/db.ts';

const logger = createLogger('silent');

interface JobRow {
  attempts: number;
  last_error: string | null;
  failed_at: Date | null;
  done_at: Date | null;
  delay_s: number;
  result: unknown;
}
const jobRow = async (db: Db, id: number) =>
  (
    await db.query<JobRow>(
      `SELECT attempts, last_error, failed_at, done_at, result,
              extract(epoch FROM run_at - last_error_at)::float8 AS delay_s
       FROM jobs WHERE id = $1`,
      [id],
    )
  )[0]!;
// Stands in for the clock moving past a job's run_at.
const timePasses = (db: Db) => db.query('UPDATE jobs SET run_at = now() WHERE done_at IS NULL AND failed_at IS NULL');

describe.each(testDatabases())('background jobs on $name', ({ open }) => {
  let db: Db;
  afterEach(async () => db?.close());

  it('retries a failing job later and later, then keeps it as failed with its error', async () => {
    db = await open();
    let calls = 0;
    const runner = createJobRunner({
      db,
      logger,
      handlers: { 'fetch-rates': async () => (calls++, Promise.reject(new Error('the rates service answered 503'))) },
      backoff: { baseMs: 1_000, maxMs: 60_000 },
    });
    const id = (await enqueueJob(db, { kind: 'fetch-rates', maxAttempts: 3 }))!;

    expect(await runner.runDue()).toBe(1);
    expect(await jobRow(db, id)).toMatchObject({ attempts: 1, delay_s: 1, failed_at: null, last_error: 'the rates service answered 503' });
    // Not due yet: nothing runs until the delay has passed.
    expect(await runner.runDue()).toBe(0);

    await timePasses(db);
    expect(await runner.runDue()).toBe(1);
    expect(await jobRow(db, id)).toMatchObject({ attempts: 2, delay_s: 2, failed_at: null });

    await timePasses(db);
    expect(await runner.runDue()).toBe(1);
    const failed = await jobRow(db, id);
    expect(failed.attempts).toBe(3);
    expect(failed.failed_at).not.toBeNull();
    expect(failed.last_error).toBe('the rates service answered 503');

    await timePasses(db);
    expect(await runner.runDue()).toBe(0);
    expect(calls).toBe(3);
  });

  it('keeps what a job that succeeds on a later attempt reports', async () => {
    db = await open();
    let calls = 0;
    const flaky: JobHandler = async () => {
      if (++calls === 1) throw new Error('timeout');
      return { sent: 7 };
    };
    const runner = createJobRunner({ db, logger, handlers: { flaky } });
    const id = (await enqueueJob(db, { kind: 'flaky' }))!;
    await runner.runDue();
    await timePasses(db);
    await runner.runDue();
    expect(await jobRow(db, id)).toMatchObject({ attempts: 2, result: { sent: 7 }, failed_at: null });
    expect((await jobRow(db, id)).done_at).not.toBeNull();
  });

  it('enqueues a job with a unique key once, and only when the caller commits', async () => {
    db = await open();
    expect(await enqueueJob(db, { kind: 'digest', uniqueKey: '2026-12-06' })).toBeTypeOf('number');
    expect(await enqueueJob(db, { kind: 'digest', uniqueKey: '2026-12-06' })).toBeUndefined();
    await expect(
      db.transaction(async (tx) => {
        await enqueueJob(tx, { kind: 'digest', uniqueKey: '2026-12-07' });
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    const rows = await db.query<{ unique_key: string }>("SELECT unique_key FROM jobs WHERE kind = 'digest'");
    expect(rows.map((r) => r.unique_key)).toEqual(['2026-12-06']);
  });

  it('enqueues a scheduled job once per period, however many workers look', async () => {
    db = await open();
    let runs = 0;
    const make = () => createJobRunner({ db, logger, handlers: { tidy: async () => void runs++ }, schedules: [{ kind: 'tidy', everyMs: 3_600_000 }] });
    await make().runDue();
    await make().runDue();
    expect(runs).toBe(1);
  });

  it('gives a job whose worker died to another worker once its lease has run out', async () => {
    db = await open();
    const id = (await enqueueJob(db, { kind: 'resend' }))!;
    // A worker takes it, then its process dies.
    expect(await takeJob(db, ['resend'], 'dead-worker', 60_000)).toMatchObject({ id });
    const handled: number[] = [];
    const runner = createJobRunner({ db, logger, handlers: { resend: async (job) => void handled.push(job.id) } });
    expect(await runner.runDue()).toBe(0);
    await db.query("UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = $1", [id]);
    expect(await runner.runDue()).toBe(1);
    expect(handled).toEqual([id]);
  });

  it('takes back at once the jobs a stopped process of this machine held, not those of a live one', async () => {
    db = await open();
    const [orphan, busy] = [(await enqueueJob(db, { kind: 'resend' }))!, (await enqueueJob(db, { kind: 'resend' }))!];
    // No process has pid 2^22 + 1 (Linux's highest is 2^22); this test's own process is alive.
    await takeJob(db, ['resend'], `${hostname()}:4194305:dead`, 60_000);
    await takeJob(db, ['resend'], `${hostname()}:${process.pid}:alive`, 60_000);
    const handled: number[] = [];
    const running = createJobRunner({ db, logger, handlers: { resend: async (job) => void handled.push(job.id) }, pollMs: 50 }).start();
    try {
      for (const deadline = Date.now() + 10_000; handled.length === 0 && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 20));
    } finally {
      await running.stop();
    }
    expect(handled).toEqual([orphan]);
    expect((await jobRow(db, busy)).done_at).toBeNull();
  });

  it('keeps a job that takes longer than its lease, renewing it: no other worker takes it meanwhile', async () => {
    db = await open();
    const id = (await enqueueJob(db, { kind: 'slow' }))!;
    const runs: string[] = [];
    const worker = (name: string) =>
      createJobRunner({
        db,
        logger,
        leaseMs: 300,
        handlers: {
          slow: async () => {
            runs.push(name);
            await new Promise((r) => setTimeout(r, 1_000));
          },
        },
      });
    const first = worker('first').runDue();
    await new Promise((r) => setTimeout(r, 600));
    // Past the first lease: without renewal, the job would be due again here.
    expect(await worker('second').runDue()).toBe(0);
    await first;
    expect(runs).toEqual(['first']);
    expect((await jobRow(db, id)).done_at).not.toBeNull();
  });

  it('runs a job queued in this process at once when woken, not at its next poll', async () => {
    db = await open();
    const wake = createWakeSignal();
    const handled: number[] = [];
    const running = createJobRunner({
      db,
      logger,
      handlers: { send: async (job) => void handled.push(job.id) },
      pollMs: 60_000,
      wakeOn: wake.subscribe,
    }).start();
    try {
      // Let the worker find nothing and go to sleep for a minute.
      await new Promise((r) => setTimeout(r, 300));
      const id = (await enqueueJob(db, { kind: 'send' }))!;
      wake.wake();
      for (const deadline = Date.now() + 10_000; handled.length === 0 && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 20));
      expect(handled).toEqual([id]);
    } finally {
      await running.stop();
    }
  });
});

describe.runIf(postgresUrl)('two worker processes on one PostgreSQL database', () => {
  const dbs: Db[] = [];
  afterEach(async () => {
    await Promise.all(dbs.splice(0).map((db) => db.close()));
  });

  it('never take the same job', async () => {
    const url = await createTestPostgresSchema();
    const [a, b] = [await openPostgres(url), await openPostgres(url)];
    dbs.push(a, b);
    await migrate(a);
    await a.query("INSERT INTO jobs (kind, payload) SELECT 'count', jsonb_build_object('n', n) FROM generate_series(1, 300) AS n");
    const taken = new Map<number, string[]>();
    const worker = (db: Db, name: string) =>
      createJobRunner({
        db,
        logger,
        handlers: {
          count: async (job) => {
            taken.set(job.id, [...(taken.get(job.id) ?? []), name]);
            await new Promise((r) => setImmediate(r));
          },
        },
      });
    // Four loops per process, as concurrency would run them.
    const runners = [worker(a, 'a'), worker(a, 'a'), worker(b, 'b'), worker(b, 'b'), worker(a, 'a'), worker(b, 'b')];
    await Promise.all(runners.map((r) => r.runDue()));
    expect(taken.size).toBe(300);
    expect([...taken.values()].filter((names) => names.length > 1)).toEqual([]);
    const byProcess = [...taken.values()].flat();
    expect(byProcess.filter((n) => n === 'a').length).toBeGreaterThan(0);
    expect(byProcess.filter((n) => n === 'b').length).toBeGreaterThan(0);
    const [{ done }] = (await a.query<{ done: number }>('SELECT count(*)::int AS done FROM jobs WHERE done_at IS NOT NULL')) as [{ done: number }];
    expect(done).toBe(300);
  });
});
