import type { Queryable } from './db.ts';

/** What changed in a topic since a follower last asked. */
export type Changed = { everything: true } | { everything: false; keys: string[] };

export interface ChangeFeedOptions {
  /** More changes than this at once are reported as `everything`. */
  maxKeys: number;
  /** Numbers kept per topic: older ones are deleted by the follower that crosses a tenth of this. */
  keep: number;
}

export const DEFAULT_CHANGE_FEED: ChangeFeedOptions = { maxKeys: 500, keep: 1000 };

export interface ChangeFollower {
  /**
   * The changes committed to `topic` since the previous call (the first call says
   * `everything`: load it all). Read the data after this resolves: what commits meanwhile is
   * reported again next time.
   */
  next(): Promise<Changed>;
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
      const before = applied;
      // Numbers are contiguous within a topic: a missing next one was deleted before this process saw it.
      const missed = rows[0]!.seq !== applied + 1;
      const everything = missed || rows.length > options.maxKeys || rows.some((r) => r.key === null);
      applied = everything ? await latest() : rows.at(-1)!.seq;
      const every = Math.max(1, Math.floor(options.keep / 10));
      if (Math.floor(applied / every) > Math.floor(before / every)) {
        await db.query('DELETE FROM changes WHERE topic = $1 AND seq <= $2', [topic, applied - options.keep]);
      }
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
