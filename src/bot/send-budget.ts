import type { Queryable } from '../db/db.ts';

/** Telegram's published limit on messages a bot sends per second, over all chats. */
export const TELEGRAM_MESSAGES_PER_SECOND = 30;

// One statement takes a place in the current second (by the database's clock, which every
// process shares) unless the second is full, and says how long until the next one.
const TAKE_PLACE = `WITH now AS (SELECT clock_timestamp() AS at),
taken AS (
  INSERT INTO telegram_send_budget (second, used) SELECT date_trunc('second', at), 1 FROM now
  ON CONFLICT (second) DO UPDATE SET used = telegram_send_budget.used + 1 WHERE telegram_send_budget.used < $1
  RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM taken) AS taken,
       (extract(epoch FROM date_trunc('second', at) + interval '1 second' - at) * 1000)::float8 AS "nextSecondMs"`;

const TAKE_PLACE_ALONE = `${TAKE_PLACE} FROM now`;
const takePlaceReading = (sql: string) => `${TAKE_PLACE}, (SELECT to_jsonb(r) FROM (${sql}) AS r LIMIT 1) AS row FROM now`;

type Place = { taken: boolean; nextSecondMs: number; row?: unknown };

/**
 * Telegram's global sending limit held across every process that sends: before each call a
 * sender takes a place in the current second's count in the database, and waits for the next
 * second when it is full. (A per-process throttler would let N processes send N times too much.)
 */
export function createSendBudget(db: Queryable, perSecond = TELEGRAM_MESSAGES_PER_SECOND) {
  async function takePlace(sql: string, params: unknown[]): Promise<Place> {
    for (;;) {
      const [place] = (await db.query<Place>(sql, [perSecond, ...params])) as [Place];
      if (place.taken) return place;
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.ceil(place.nextSecondMs))));
    }
  }
  return {
    async take(): Promise<void> {
      await takePlace(TAKE_PLACE_ALONE, []);
    },
    /**
     * Takes a place and reads what the send depends on in the same statement: `read` is a SELECT
     * of at most one row, its parameters numbered from $2; undefined when it has none.
     */
    async takeReading<T>(read: { sql: string; params: unknown[] }): Promise<T | undefined> {
      return ((await takePlace(takePlaceReading(read.sql), read.params)).row ?? undefined) as T | undefined;
    },
  };
}

export type SendBudget = ReturnType<typeof createSendBudget>;
