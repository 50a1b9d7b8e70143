import type { StorageAdapter } from 'grammy';
import type { Queryable } from '../db/db.ts';

/** A storage whose next read of a key can be answered from a value read earlier in the same update. */
export interface PrefetchingStorage<T> extends StorageAdapter<T> {
  /** The `sessions` row key for a plugin's key. */
  rowKey(key: string): string;
  /**
   * Hands `value` (read from the row `rowKey(key)` in this update) to the next read of `key`;
   * the returned function withdraws it if no read came. Updates of one chat run one at a time
   * (sequentialize), so no other write to the key can come between.
   */
  prefetch(key: string, value: T | undefined): () => void;
}

/**
 * grammY storage over the `sessions` table, so sessions and conversation state survive a
 * restart and are shared by every bot process. `namespace` keeps plugins' keys apart.
 */
export function createDbStorage<T>(db: Queryable, namespace: string): PrefetchingStorage<T> {
  const rowKey = (key: string) => `${namespace}:${key}`;
  const prefetched = new Map<string, { value: T | undefined }>();
  return {
    rowKey,
    prefetch(key, value) {
      const entry = { value };
      prefetched.set(key, entry);
      return () => {
        if (prefetched.get(key) === entry) prefetched.delete(key);
      };
    },
    async read(key) {
      const ready = prefetched.get(key);
      if (ready) {
        prefetched.delete(key);
        return ready.value;
      }
      const [row] = await db.query<{ value: T }>('SELECT value FROM sessions WHERE key = $1', [rowKey(key)]);
      return row?.value;
    },
    async write(key, value) {
      prefetched.delete(key);
      await db.query(
        `INSERT INTO sessions (key, value, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
        [rowKey(key), JSON.stringify(value)],
      );
    },
    async delete(key) {
      prefetched.delete(key);
      await db.query('DELETE FROM sessions WHERE key = $1', [rowKey(key)]);
    },
  };
}
