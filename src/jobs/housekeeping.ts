import { pruneChanges } from '../db/change-feed.ts';
import type { Queryable } from '../db/db.ts';
import type { JobHandler, Schedule } from './runner.ts';

// Telegram keeps an undelivered update for at most 24 hours, so older ids can never come back.
const KEEP_PROCESSED_UPDATES = '2 days';
/**
 * Change numbers of the search index kept (migration 0012): a process whose last applied
 * number is older than the oldest kept reloads its whole index instead of applying changes.
 */
export const KEEP_SEARCH_CHANGES = 10_000;
const KEEP_DONE_JOBS = '7 days';
// Failed jobs stay longer: someone may need to see what went wrong, and why.
const KEEP_FAILED_JOBS = '30 days';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Forgets handled update ids that Telegram can no longer send again. */
export async function pruneProcessedUpdates(db: Queryable): Promise<number> {
  const rows = await db.query(`DELETE FROM processed_updates WHERE processed_at < now() - interval '${KEEP_PROCESSED_UPDATES}' RETURNING 1`);
  return rows.length;
}

/** Deletes search change numbers older than the last `keep`. */
export async function pruneSearchChanges(db: Queryable, keep = KEEP_SEARCH_CHANGES): Promise<number> {
  const rows = await db.query('DELETE FROM search_changes WHERE seq <= (SELECT max(seq) FROM search_changes) - $1 RETURNING 1', [keep]);
  return rows.length;
}

/**
 * Deletes finished jobs and past seconds of the sending budget, and keeps as failed the jobs
 * whose worker died during their last attempt (their lease ran out; nobody will take them).
 */
export async function pruneJobs(db: Queryable): Promise<{ deleted: number; abandoned: number }> {
  const abandoned = await db.query(
    `UPDATE jobs SET failed_at = now(), locked_until = NULL, last_error_at = now(),
       last_error = 'its worker stopped during the last attempt (lease ran out)'
     WHERE done_at IS NULL AND failed_at IS NULL AND attempts >= max_attempts AND locked_until < now() RETURNING 1`,
  );
  const deleted = await db.query(
    `DELETE FROM jobs WHERE done_at < now() - interval '${KEEP_DONE_JOBS}' OR failed_at < now() - interval '${KEEP_FAILED_JOBS}' RETURNING 1`,
  );
  await db.query("DELETE FROM telegram_send_budget WHERE second < now() - interval '1 minute'");
  return { deleted: deleted.length, abandoned: abandoned.length };
}

export interface HousekeepingDeps {
  db: Queryable;
  /** Embeds published texts that have no vector yet (an import in any process); returns how many. */
  embedNewTexts(): Promise<number>;
  /** Sends to review, without a name, the messages saved with /save whose author has not answered in 7 days; returns how many. */
  keepUnansweredSavedMessages(): Promise<number>;
}

/**
 * The upkeep that used to run in the path of a question or at start, as scheduled jobs: one
 * worker in one process does each once per period.
 */
export function housekeepingJobs(deps: HousekeepingDeps): { handlers: Record<string, JobHandler>; schedules: Schedule[] } {
  const { db } = deps;
  return {
    handlers: {
      'prune-processed-updates': async () => ({ deleted: await pruneProcessedUpdates(db) }),
      'prune-search-changes': async () => ({ deleted: await pruneSearchChanges(db) }),
      'prune-changes': async () => ({ deleted: await pruneChanges(db) }),
      'prune-jobs': async () => pruneJobs(db),
      'embed-new-texts': async () => ({ embedded: await deps.embedNewTexts() }),
      'keep-unanswered-saved-messages': async () => ({ kept: await deps.keepUnansweredSavedMessages() }),
    },
    schedules: [
      { kind: 'prune-processed-updates', everyMs: HOUR },
      { kind: 'prune-search-changes', everyMs: 10 * MINUTE },
      { kind: 'prune-changes', everyMs: 10 * MINUTE },
      { kind: 'prune-jobs', everyMs: HOUR },
      { kind: 'embed-new-texts', everyMs: 5 * MINUTE },
      { kind: 'keep-unanswered-saved-messages', everyMs: HOUR },
    ],
  };
}
