import type { Queryable } from './db.ts';

/** What changed in a topic since a follower last asked. */
export type Changed = { everything: true } | { everything: false; keys: string[] };

export interface ChangeFeedOptions {
  /** More changes than this at once are reported as `everything`. */
  maxKeys: number;
}

export const DEFAULT_CHANGE_FEED: ChangeFeedOptions = { maxKeys: 500 };

/**
 * Change numbers kept per topic (older ones are deleted by a housekeeping job, pruneChanges): a
 * follower that missed deleted numbers reloads everything instead of applying changes.
 */
export const KEEP_CHANGES = 1000;

/** Deletes each topic's numbers older than its last `keep`; returns how many. */
export async function pruneChanges(db: Queryable, keep = KEEP_CHANGES): Promise<number> {
  const rows = await db.query(
    `DELETE FROM changes AS c USING (SELECT topic, max(seq) AS last FROM changes GROUP BY topic) AS t
      WHERE c.topic = t.topic AND c.seq <= t.last - $1 RETURNING 1`,
    [keep],
  );
  return rows.length;
}

export interface ChangeFollower {
  /**
   * The changes committed to `topic` since the previous call (the first call says
   * `everything`: load it all). Read the data after this resolves: what commits meanwhile is
   * reported again next time.
   */
  next(): Promise<Changed>;
  /** The number of the last change `next()` reported (undefined before the first call). */
  readonly applied: number | undefined;
}

/**
 * Follows one topic of the `changes` feed (migration 0014), which triggers write whoever
 * changes the data — this process, another one, the CLI, psql. A process that keeps a copy in
 * memory calls `next()` before each use; the usual answer, nothing, costs one indexed range
 * read.
 */
export function followChanges(db: Queryable, topic: string, options: ChangeFeedOptions = DEFAULT_CHANGE_FEED): ChangeFollower {
  let applied: number | undefined;

  const latest = async () => (await db.query<{ seq: number }>('SELECT coalesce(max(seq), 0)::float8 AS seq FROM changes WHERE topic = $1', [topic]))[0]!.seq;

  return {
    get applied() {
      return applied;
    },
    async next(): Promise<Changed> {
      if (applied === undefined) {
        applied = await latest();
        return { everything: true };
      }
      const rows = await db.query<{ seq: number; key: string | null }>(
        'SELECT seq::float8 AS seq, key FROM changes WHERE topic = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [topic, applied, options.maxKeys + 1],
      );
      if (rows.length === 0) return { everything: false, keys: [] };
      // Numbers are contiguous within a topic: a missing next one was deleted before this process saw it.
      const missed = rows[0]!.seq !== applied + 1;
      const everything = missed || rows.length > options.maxKeys || rows.some((r) => r.key === null);
      applied = everything ? await latest() : rows.at(-1)!.seq;
      return everything ? { everything: true } : { everything: false, keys: [...new Set(rows.map((r) => r.key!))] };
    },
  };
}

/**
 * `catchUp` run one at a time: a caller arriving while one runs (which may have read before the
 * caller's change committed) waits for the next run, shared with everyone else who arrived
 * meanwhile.
 */
export function oneAtATime(catchUp: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const run = (): Promise<void> => {
    if (!running) {
      running = catchUp().finally(() => (running = undefined));
      return running;
    }
    next ??= running
      .catch(() => {})
      .then(() => {
        next = undefined;
        return run();
      });
    return next;
  };
  return run;
}

/** The SQL of a topic's latest number, for changeNumbers. */
export const topicLatest = (topic: string) => `SELECT max(seq) FROM changes WHERE topic = '${topic.replaceAll("'", "''")}'`;

/** Latest numbers of several feeds, by name. */
export type LatestChanges = Record<string, number>;

/**
 * The latest change number of each feed a process follows (`feeds`: name → SQL of the feed's
 * highest number), read for all of them in one statement: before each question the search index
 * and the glossary each ask whether anything changed, and the usual answer, no, then costs one
 * round trip for both instead of one each. A call is answered by a statement sent after it, so
 * it sees every change committed before it; calls made together (in one tick, or while a
 * statement is out) share the next statement.
 */
export function changeNumbers(db: Queryable, feeds: Record<string, string>): () => Promise<LatestChanges> {
  const sql = `SELECT ${Object.entries(feeds)
    .map(([name, latest]) => `coalesce((${latest}), 0)::float8 AS "${name}"`)
    .join(', ')}`;
  let gathering: Promise<LatestChanges> | undefined;
  let inFlight: Promise<unknown> = Promise.resolve();
  return () => {
    gathering ??= inFlight
      .catch(() => {})
      .then(() => {
        gathering = undefined;
        const read = db.query<LatestChanges>(sql).then(([row]) => row!);
        inFlight = read;
        return read;
      });
    return gathering;
  };
}
