import type { Queryable } from '../db/db.ts';

export interface RateLimitResult {
  allowed: boolean;
  hits: number;
  /** The first hit over the limit in this window: the one a refusal is worth telling about. */
  firstRefused: boolean;
  /** Seconds until the current window ends. */
  retryAfterSeconds: number;
}

export type RateLimits = ReturnType<typeof createRateLimits>;

/**
 * A per-key counter in the database. The window opens at the first hit and lasts
 * `windowSeconds`; one atomic upsert counts and reports, so several bot replicas share the
 * same limit (an in-process counter would let each replica allow the full amount).
 */
export function createRateLimits(db: Queryable) {
  return {
    async hit(key: string, limit: number, windowSeconds = 60): Promise<RateLimitResult> {
      const [row] = await db.query<{ hits: number; retry_after: number | string }>(
        `INSERT INTO rate_limits AS r (key, window_start, hits) VALUES ($1, now(), 1)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN r.window_start > now() - make_interval(secs => $2) THEN r.hits + 1 ELSE 1 END,
           window_start = CASE WHEN r.window_start > now() - make_interval(secs => $2) THEN r.window_start ELSE now() END
         RETURNING hits, ceil(extract(epoch FROM (window_start + make_interval(secs => $2) - now())))::int AS retry_after`,
        [key, windowSeconds],
      );
      const hits = Number(row!.hits);
      return { allowed: hits <= limit, hits, firstRefused: hits === limit + 1, retryAfterSeconds: Math.max(1, Number(row!.retry_after)) };
    },
  };
}
