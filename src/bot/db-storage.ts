import type { StorageAdapter } from 'grammy';
import type { Queryable } from '../db/db.ts';

/**
 * grammY storage over the `sessions` table, so sessions and conversation state survive a
 * restart and are shared by every bot process. `namespace` keeps plugins' keys apart.
 */
export function createDbStorage<T>(db: Queryable, namespace: string): StorageAdapter<T> {
  const keyOf = (key: string) => `${namespace}:${key}`;
  return {
    async read(key) {
      const [row] = await db.query<{ value: T }>('SELECT value FROM sessions WHERE key = $1', [keyOf(key)]);
      return row?.value;
    },
    async write(key, value) {
      await db.query(
        `INSERT INTO sessions (key, value, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
        [keyOf(key), JSON.stringify(value)],
      );
    },
    async delete(key) {
      await db.query('DELETE FROM sessions WHERE key = $1', [keyOf(key)]);
    },
  };
}
