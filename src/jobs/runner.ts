import { hostname } from 'node:os';
import { isProcessAlive, processInstanceId } from '../db/process-liveness.ts';
import type { Db, Queryable } from '../db/db.ts';
import type { Logger } from '../log.ts';
import {
  completeJob,
  failJob,
  GiveUpError,
  LostLeaseError,
  postponeJob,
  releaseJobsOfDeadWorkers,
  renewLease,
  RetryLaterError,
  saveJobProgress,
  takeJob,
  type Backoff,
  type Job,
  type StatementPart,
} from './queue.ts';

/** What a handler may do with its job while it runs. */
export interface JobSteps {
  /** Keeps what is done so far for the next attempts (job.progress); throws when the lease was lost. */
  saveProgress(progress: Record<string, unknown>): Promise<void>;
}

/**
 * Does one job; what it returns is kept with the job (a Completion or a DoneWith: its result,
 * and writes made with the job's mark as done). Throwing fails the attempt.
 */
export type JobHandler = (job: Job, steps: JobSteps) => Promise<unknown>;

/** A handler's result whose `alongside` writes commit in the same transaction that marks the job done, or not at all. */
export class Completion {
  constructor(
    readonly result: unknown,
    readonly alongside: (tx: Queryable) => Promise<void>,
  ) {}
}

/** Like a Completion, in one round trip: the `along` writes are made by the statement that marks the job done. */
export class DoneWith {
  constructor(
    readonly result: unknown,
    readonly along: StatementPart,
  ) {}
}

/** A job enqueued once per period by whichever worker first notices the period began. */
export interface Schedule {
  kind: string;
  everyMs: number;
}

export interface JobRunnerOptions {
  db: Db;
  logger: Logger;
  handlers: Record<string, JobHandler>;
  schedules?: Schedule[];
  /** Jobs handled at once by this process. */
  concurrency?: number;
  /** How long an idle worker waits before looking again. */
  pollMs?: number;
  /** How long a taken job is this worker's; after that a job whose worker died is due again. */
  leaseMs?: number;
  backoff?: Backoff;
  /**
   * Subscribes to "jobs were just queued here" (returns the unsubscribe): an idle worker then
   * looks at once instead of at its next poll.
   */
  wakeOn?: (wake: () => void) => () => void;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 5_000, maxMs: 60 * 60_000 };

export interface JobRunner {
  /** Handles every job due now (and the schedules' jobs due now), one after another; returns how many. */
  runDue(): Promise<number>;
  /** Keeps handling jobs as they fall due until stop() (which waits for the jobs in hand). */
  start(): { stop(): Promise<void> };
}

const SCHEDULE_CHECK_MS = 30_000;

/**
 * Workers over the jobs table. Any number of processes may run them against one database:
 * each job is taken by one of them (queue.ts), and a period's scheduled job is enqueued once.
 */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, logger, handlers } = options;
  const kinds = Object.keys(handlers);
  const host = hostname();
  const workerId = processInstanceId();
  const leaseMs = options.leaseMs ?? 15 * 60_000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const schedules = (options.schedules ?? []).filter((s) => handlers[s.kind]);
  let scheduledAt = -Infinity;

  async function enqueueScheduled(): Promise<void> {
    if (schedules.length === 0) return;
    scheduledAt = performance.now();
    // The period's number, from the database's clock, is the unique key: every process computes the same.
    await db.query(
      `INSERT INTO jobs (kind, unique_key, max_attempts)
       SELECT kind, floor(extract(epoch FROM now()) * 1000 / every_ms)::bigint::text, 3
       FROM unnest($1::text[], $2::float8[]) AS s(kind, every_ms)
       ON CONFLICT (kind, unique_key) WHERE unique_key IS NOT NULL DO NOTHING`,
      [schedules.map((s) => s.kind), schedules.map((s) => s.everyMs)],
    );
  }

  /** Takes and handles one due job; false when none was due. */
  async function runOne(): Promise<boolean> {
    const job = await takeJob(db, kinds, workerId, leaseMs);
    if (!job) return false;
    const log = logger.child({ job_id: job.id, job_kind: job.kind, attempt: job.attempts });
    let result: unknown;
    // A short lease, renewed while the handler works: a worker that dies holds its job only briefly.
    const renewing = setInterval(() => {
      renewLease(db, job, workerId, leaseMs).catch((error: unknown) => log.warn({ err: error }, "renewing the job's lease failed"));
    }, leaseMs / 3);
    try {
      result = await handlers[job.kind]!(job, { saveProgress: (progress) => saveJobProgress(db, job, workerId, progress) });
    } catch (error) {
      clearInterval(renewing);
      if (error instanceof LostLeaseError) {
        log.warn({ err: error }, 'job taken over by another worker; leaving it to them');
        return true;
      }
      if (error instanceof RetryLaterError) {
        log.warn({ err: error, delay_ms: error.delayMs }, 'job postponed: told to come back later');
        await postponeJob(db, job, workerId, error.delayMs, error.message);
        return true;
      }
      const message = error instanceof Error ? error.message : String(error);
      const last = job.attempts >= job.maxAttempts || error instanceof GiveUpError;
      log[last ? 'error' : 'warn']({ err: error }, last ? 'job failed for the last time; kept as failed' : 'job failed; retrying later');
      await failJob(db, job, workerId, message, backoff, { final: last });
      return true;
    }
    clearInterval(renewing);
    if (result instanceof Completion) return completeInTransaction(job, result, log);
    if (result instanceof DoneWith) {
      const marked = await completeJob(db, job, workerId, result.result, result.along).catch(async (error: unknown) => {
        log.warn({ err: error }, 'marking the job done failed; retrying later');
        await failJob(db, job, workerId, error instanceof Error ? error.message : String(error), backoff);
        return undefined;
      });
      if (marked === false) log.warn('job taken over by another worker before it was marked done');
      else if (marked) log.debug('job done');
      return true;
    }
    if (!(await completeJob(db, job, workerId, result))) log.warn('job taken over by another worker before it was marked done');
    else log.debug('job done');
    return true;
  }

  async function completeInTransaction(job: Job, completion: Completion, log: Logger): Promise<true> {
    const done = await db
      .transaction(async (tx) => {
        if (!(await completeJob(tx, job, workerId, completion.result))) throw new LostLeaseError(job);
        await completion.alongside(tx);
      })
      .then(
        () => 'done' as const,
        async (error: unknown) => {
          if (error instanceof LostLeaseError) return 'lost' as const;
          // What was done is in the job's progress: the next attempt only marks it done.
          log.warn({ err: error }, 'marking the job done failed; retrying later');
          await failJob(db, job, workerId, error instanceof Error ? error.message : String(error), backoff);
          return 'failed' as const;
        },
      );
    if (done === 'lost') log.warn('job taken over by another worker before it was marked done');
    else if (done === 'done') log.debug('job done');
    return true;
  }

  async function runDue(): Promise<number> {
    await enqueueScheduled();
    let count = 0;
    while (await runOne()) count++;
    return count;
  }

  function start() {
    let stopping = false;
    const sleeping = new Set<() => void>();
    const pollMs = options.pollMs ?? 1_000;
    const idle = () =>
      new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          sleeping.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, pollMs);
        sleeping.add(wake);
      });
    // Jobs a killed process of this machine held are free again before anything is taken.
    const released = releaseJobsOfDeadWorkers(db, host, isProcessAlive).then(
      (count) => count > 0 && logger.info({ jobs: count }, 'took back the jobs of a stopped process of this machine'),
      (error: unknown) => logger.warn({ err: error }, 'could not check for jobs of stopped processes; their lease will free them'),
    );
    async function loop(): Promise<void> {
      await released;
      while (!stopping) {
        let worked = false;
        try {
          if (performance.now() - scheduledAt >= SCHEDULE_CHECK_MS) await enqueueScheduled();
          worked = await runOne();
        } catch (error) {
          // The database may be briefly unreachable: the job stays in the table; look again later.
          logger.error({ err: error }, 'taking or recording a job failed; trying again shortly');
        }
        if (!worked && !stopping) await idle();
      }
    }
    const unsubscribe = options.wakeOn?.(() => {
      for (const wake of [...sleeping]) wake();
    });
    const loops = Array.from({ length: options.concurrency ?? 1 }, () => loop());
    logger.info({ worker: workerId, kinds }, 'job workers started');
    return {
      async stop() {
        stopping = true;
        unsubscribe?.();
        for (const wake of [...sleeping]) wake();
        await Promise.all(loops);
      },
    };
  }

  return { runDue, start };
}
