import type { Db, Queryable } from '../src/db/db.ts';

/** Statements sent so far, by statement (its first words, whitespace folded): BEGIN and COMMIT count as one each. */
export type StatementCounts = Record<string, number>;

/**
 * `db` with every statement counted, for the bot bench's "statements per question": each is a
 * round trip to PostgreSQL (a message to PGlite's thread), and on two shared cores their number,
 * more than their SQL, is what an answer costs the database.
 */
export function countingDb(db: Db): { db: Db; counts: () => StatementCounts } {
  const counts: StatementCounts = {};
  const count = (sql: string) => {
    const key = sql.replace(/\s+/g, ' ').trim().slice(0, 90);
    counts[key] = (counts[key] ?? 0) + 1;
  };
  const counted = (q: Queryable): Queryable => ({
    query: (sql, params) => (count(sql), q.query(sql, params)),
    exec: (sql) => (count(sql), q.exec(sql)),
  });
  const wrapped: Db = {
    get kind() {
      return db.kind;
    },
    get hasVector() {
      return db.hasVector;
    },
    set hasVector(value) {
      db.hasVector = value;
    },
    ...counted(db),
    transaction: (fn) => {
      count('BEGIN');
      return db.transaction((tx) => fn(counted(tx))).finally(() => count('COMMIT or ROLLBACK'));
    },
    close: () => db.close(),
  };
  return { db: wrapped, counts: () => ({ ...counts }) };
}

/** What was counted between two readings. */
export function countsSince(before: StatementCounts, now: StatementCounts): StatementCounts {
  return Object.fromEntries(Object.entries(now).flatMap(([k, n]) => (n - (before[k] ?? 0) > 0 ? [[k, n - (before[k] ?? 0)]] : [])));
}

export const total = (counts: StatementCounts) => Object.values(counts).reduce((a, b) => a + b, 0);
