import type { Queryable } from '../db/db.ts';

/** A job to be done later by a worker (src/jobs/runner.ts), in this or another process. */
export interface NewJob {
  kind: string;
  /** Plain JSON: what the handler needs, read back as written. */
  payload?: Record<string, unknown>;
  /** At most one job of this kind with this key is ever enqueued; a second is dropped. */
  uniqueKey?: string;
  /** Not before this many milliseconds from now. */
  delayMs?: number;
  /** Tries before the job is kept as failed (default 5). */
  maxAttempts?: number;
  /** Jobs with the same key are done one at a time, in the order they were queued (e.g. one chat's messages). */
  sequenceKey?: string;
}

/** A job as a handler receives it; `attempts` counts this one. */
export interface Job {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
  /** What earlier attempts recorded with saveJobProgress (null: nothing yet). */
  progress: Record<string, unknown> | null;
  /** Milliseconds since it was enqueued, by the database's clock (which every process shares). */
  ageMs: number;
  /** An earlier attempt failed or was postponed: whatever such an attempt leaves behind may exist. */
  retried: boolean;
}

/**
 * Thrown by a handler that was told to come back later (Telegram's 429 with retry_after): the
 * job runs again after `delayMs`, and the attempt does not count against its maximum.
 */
export class RetryLaterError extends Error {
  constructor(
    readonly delayMs: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RetryLaterError';
  }
}

/** Thrown by a handler when trying again cannot help (the member blocked the bot): kept as failed now. */
export class GiveUpError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GiveUpError';
  }
}

/**
 * Queues a job on `q` — the caller's transaction, so the job exists exactly when what caused it
 * was committed. Returns its id, or undefined when `uniqueKey` was already used.
 */
export async function enqueueJob(q: Queryable, job: NewJob): Promise<number | undefined> {
  const insert = jobInsert(job, 1, '(SELECT) AS one', "'{}'::jsonb");
  const [row] = await q.query<{ id: number }>(`${insert.sql} RETURNING id::float8 AS id`, insert.params);
  return row?.id;
}

/**
 * enqueueJob's INSERT as a part of a bigger statement (a data-modifying CTE), so what causes a
 * job and the job are written in one round trip: one job for each row of `from`, its payload
 * merged with `payloadFrom` (a jsonb expression over those rows, e.g. an id just inserted), its
 * parameters numbered from `$first`.
 */
export function jobInsert(job: NewJob, first: number, from: string, payloadFrom: string): { sql: string; params: unknown[] } {
  const $ = (i: number) => `$${first + i}`;
  return {
    sql: `INSERT INTO jobs (kind, payload, unique_key, run_at, max_attempts, sequence_key)
     SELECT ${$(0)}, ${$(1)}::jsonb || ${payloadFrom}, ${$(2)}, now() + make_interval(secs => ${$(3)}::float8 / 1000), ${$(4)}, ${$(5)} FROM ${from}
     ON CONFLICT (kind, unique_key) WHERE unique_key IS NOT NULL DO NOTHING`,
    params: [job.kind, JSON.stringify(job.payload ?? {}), job.uniqueKey ?? null, job.delayMs ?? 0, job.maxAttempts ?? 5, job.sequenceKey ?? null],
  };
}

const TAKE = `UPDATE jobs
SET attempts = attempts + 1, locked_by = $2,
    locked_until = now() + make_interval(secs => $3::float8 / 1000)
WHERE id = (
  SELECT id FROM jobs j
  WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= now() AND kind = ANY($1::text[])
    AND attempts < max_attempts AND (locked_until IS NULL OR locked_until < now())
    AND (sequence_key IS NULL OR NOT EXISTS (
      SELECT 1 FROM jobs earlier WHERE earlier.sequence_key = j.sequence_key AND earlier.id < j.id
        AND earlier.done_at IS NULL AND earlier.failed_at IS NULL))
  ORDER BY run_at, id
  LIMIT 1
  FOR UPDATE SKIP LOCKED
)
RETURNING id::float8 AS id, kind, payload, attempts, max_attempts AS "maxAttempts", progress,
  (extract(epoch FROM now() - created_at) * 1000)::float8 AS "ageMs", last_error IS NOT NULL AS retried`;

/**
 * Takes the next due job of one of `kinds` for `leaseMs`: no other worker takes it meanwhile
 * (rows another worker is taking are skipped, not waited for); after the lease, a job whose
 * worker died is due again.
 */
export async function takeJob(q: Queryable, kinds: readonly string[], workerId: string, leaseMs: number): Promise<Job | undefined> {
  const [row] = await q.query<Job>(TAKE, [kinds, workerId, leaseMs]);
  return row;
}

/** SQL to run as part of another statement (a data-modifying CTE), its parameters numbered from `$first`. */
export type StatementPart = (first: number) => { sql: string; params: unknown[] };

/**
 * Marks a job done, with what it reports, and runs `along` in the same statement (both or
 * neither; `along` runs even when the job is no longer this worker's). This and the two below
 * change a job only while it is still this worker's (a worker slower than its lease lost it to
 * another).
 */
export async function completeJob(q: Queryable, job: Job, workerId: string, result: unknown, along?: StatementPart): Promise<boolean> {
  const part = along?.(4);
  const rows = await q.query(
    `WITH done AS (UPDATE jobs SET done_at = now(), locked_until = NULL, result = $3::jsonb WHERE id = $1 AND locked_by = $2 RETURNING 1)${part ? `, along AS (${part.sql})` : ''}
     SELECT 1 FROM done`,
    [job.id, workerId, result === undefined ? null : JSON.stringify(result), ...(part?.params ?? [])],
  );
  return rows.length > 0;
}

export interface Backoff {
  /** Delay after the first failed attempt; each further one doubles it. */
  baseMs: number;
  maxMs: number;
}

/**
 * Records a failed attempt with its error: the job is due again after the backoff, or, when
 * that was its last attempt, kept as failed (failed_at) for someone to look at.
 */
export async function failJob(q: Queryable, job: Job, workerId: string, error: string, backoff: Backoff, options: { final?: boolean } = {}): Promise<void> {
  await q.query(
    `UPDATE jobs SET locked_until = NULL, last_error = $2, last_error_at = now(),
       failed_at = CASE WHEN attempts >= max_attempts OR $5::boolean THEN now() END,
       run_at = CASE WHEN attempts >= max_attempts OR $5::boolean THEN run_at
                ELSE now() + make_interval(secs => least($3::float8 * 2 ^ least(attempts - 1, 40), $4::float8) / 1000) END
     WHERE id = $1 AND locked_by = $6`,
    [job.id, error, backoff.baseMs, backoff.maxMs, options.final ?? false, workerId],
  );
}

/** Puts a job back, due (and held: held_until) after `delayMs`, without counting the attempt. */
export async function postponeJob(q: Queryable, job: Job, workerId: string, delayMs: number, reason: string): Promise<void> {
  await q.query(
    `UPDATE jobs SET locked_until = NULL, attempts = attempts - 1, last_error = $3, last_error_at = now(),
       run_at = now() + make_interval(secs => $2::float8 / 1000), held_until = now() + make_interval(secs => $2::float8 / 1000)
     WHERE id = $1 AND locked_by = $4`,
    [job.id, delayMs, reason, workerId],
  );
}

/** A worker that took longer than its lease: another may have the job now, so this one must stop. */
export class LostLeaseError extends Error {
  constructor(job: Job) {
    super(`job ${job.id} is no longer this worker's (its lease ran out)`);
    this.name = 'LostLeaseError';
  }
}

/**
 * Records what the job has done so far (e.g. the parts of a message already sent), kept for its
 * next attempts; throws LostLeaseError when the job is no longer this worker's.
 */
export async function saveJobProgress(q: Queryable, job: Job, workerId: string, progress: Record<string, unknown>): Promise<void> {
  const rows = await q.query('UPDATE jobs SET progress = $2::jsonb WHERE id = $1 AND locked_by = $3 AND done_at IS NULL RETURNING 1', [
    job.id,
    JSON.stringify(progress),
    workerId,
  ]);
  if (rows.length === 0) throw new LostLeaseError(job);
  job.progress = progress;
}

/** Extends a taken job's lease while its worker is still at it; false when it is no longer this worker's. */
export async function renewLease(q: Queryable, job: Job, workerId: string, leaseMs: number): Promise<boolean> {
  const rows = await q.query(
    `UPDATE jobs SET locked_until = now() + make_interval(secs => $3::float8 / 1000)
     WHERE id = $1 AND locked_by = $2 AND done_at IS NULL AND failed_at IS NULL RETURNING 1`,
    [job.id, workerId, leaseMs],
  );
  return rows.length > 0;
}

/**
 * Frees the jobs held by workers of this machine (`host:pid:…`) whose process is gone (killed,
 * crashed): a restarted process takes them at once instead of after their lease. Returns how many.
 */
export async function releaseJobsOfDeadWorkers(q: Queryable, host: string, isAlive: (pid: number) => boolean): Promise<number> {
  const holders = await q.query<{ worker: string }>(
    `SELECT DISTINCT locked_by AS worker FROM jobs
     WHERE done_at IS NULL AND failed_at IS NULL AND locked_until > now() AND starts_with(locked_by, $1)`,
    [`${host}:`],
  );
  const dead = holders.map((h) => h.worker).filter((w) => !isAlive(Number(w.split(':')[1])));
  if (dead.length === 0) return 0;
  const rows = await q.query(
    'UPDATE jobs SET locked_until = NULL WHERE done_at IS NULL AND failed_at IS NULL AND locked_by = ANY($1::text[]) AND locked_until > now() RETURNING 1',
    [dead],
  );
  return rows.length;
}
