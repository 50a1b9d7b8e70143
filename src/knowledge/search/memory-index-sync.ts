import { oneAtATime } from '../../db/change-feed.ts';
import type { Queryable } from '../../db/db.ts';
import type { Logger } from '../../log.ts';
import type { LexicalIndex, LexicalView } from './lexical-index.ts';
import { PublishedTextIndex, type PublishedTextRow } from './memory-index.ts';

export interface MemoryIndexOptions {
  /** Texts read per statement while loading everything. */
  pageSize: number;
  /** More changes than this at once (an import) are reloaded whole, not experience by experience. */
  maxDeltaChanges: number;
  /** The latest number of search_changes read along with other feeds' (changeNumbers): changes are read only when it moved. */
  latestShared?: () => Promise<number>;
}

/** The latest number of search_changes, for changeNumbers. */
export const SEARCH_CHANGES_LATEST = 'SELECT max(seq) FROM search_changes';

// Old change numbers are deleted by a housekeeping job (src/jobs/housekeeping.ts), not here in
// the path of a question; a process further behind than the oldest kept reloads everything.
export const DEFAULT_MEMORY_INDEX: MemoryIndexOptions = { pageSize: 2000, maxDeltaChanges: 1000 };

export interface MemoryLexicalIndex extends LexicalIndex {
  /** Loads the published texts now (otherwise the first question does), and returns how many. */
  load(): Promise<number>;
}

const PUBLISHED_TEXTS = `SELECT t.id::int AS "textId", t.experience_id::int AS "experienceId", e.external_id AS "externalId",
       t.language, e.country, e.industry, t.search_text AS "searchText", t.search_length AS "searchLength"
FROM experience_texts t JOIN experiences e ON e.id = t.experience_id
WHERE e.status = 'published'`;

/**
 * The published texts in this process's memory (memory-index.ts), kept in step with
 * the database through the change numbers migration 0012 records: before each question the
 * changes since the last one applied are read (one indexed range read, shared by the
 * questions that arrive meanwhile) and those experiences reloaded, so what another process
 * archives is never found by a question asked after it committed.
 */
export function memoryLexicalIndex(db: Queryable, logger: Logger, options: MemoryIndexOptions = DEFAULT_MEMORY_INDEX): MemoryLexicalIndex {
  let index: PublishedTextIndex | undefined;
  let appliedSeq = 0;

  async function loadAll(): Promise<void> {
    const started = performance.now();
    // The number first: whatever changes while the pages are read is numbered above it and applied again.
    const [mark] = await db.query<{ seq: number }>('SELECT coalesce(max(seq), 0)::float8 AS seq FROM search_changes');
    const fresh = new PublishedTextIndex();
    for (let after = 0; ;) {
      const rows = await db.query<PublishedTextRow>(`${PUBLISHED_TEXTS} AND t.id > $1 ORDER BY t.id LIMIT $2`, [after, options.pageSize]);
      fresh.replace([], rows);
      if (rows.length < options.pageSize) break;
      after = rows.at(-1)!.textId;
    }
    index = fresh;
    appliedSeq = mark!.seq;
    logger.debug({ texts: fresh.size, ms: Math.round(performance.now() - started) }, 'published texts loaded into the search index');
  }

  async function catchUp(): Promise<void> {
    if (!index) return loadAll();
    // The usual answer is no row: a plain range read of the key, the cheapest statement there is
    // (an aggregate over the same empty range cost PGlite three times as much).
    const changes = await db.query<{ seq: number; id: number | null }>(
      'SELECT seq::float8 AS seq, experience_id::float8 AS id FROM search_changes WHERE seq > $1 ORDER BY seq LIMIT $2',
      [appliedSeq, options.maxDeltaChanges + 1],
    );
    if (changes.length === 0) return;
    const ids = [...new Set(changes.map((c) => c.id))];
    const [{ oldest }] = (await db.query<{ oldest: number | null }>('SELECT min(seq)::float8 AS oldest FROM search_changes')) as [{ oldest: number | null }];
    // Numbers right after ours were deleted: changes this process never saw may be among them.
    const missed = oldest !== null && oldest > appliedSeq + 1;
    if (ids.includes(null) || missed || changes.length > options.maxDeltaChanges) await loadAll();
    else {
      const changed = ids as number[];
      const rows = await db.query<PublishedTextRow>(`${PUBLISHED_TEXTS} AND e.id = ANY($1::bigint[]) ORDER BY t.id`, [changed]);
      index.replace(changed, rows);
      appliedSeq = changes.at(-1)!.seq;
    }
  }

  /**
   * Resolves once every change committed before the call is applied. A catch-up already
   * running may have read before the call, so callers arriving meanwhile share the next one.
   */
  const caughtUp = oneAtATime(catchUp);
  async function current(): Promise<PublishedTextIndex> {
    // The usual answer, nothing changed, read with the other feeds' numbers: no catch-up to wait for.
    if (index && options.latestShared && (await options.latestShared()) === appliedSeq) return index;
    await caughtUp();
    return index!;
  }

  return {
    async load() {
      return (await current()).size;
    },
    async view(): Promise<LexicalView> {
      const held = await current();
      // One view serves one question, which asks for the statistics and the counts of the same
      // terms: each term is looked up in the index's vocabulary once.
      let resolved: { terms: string[]; ids: Int32Array } | undefined;
      const idsOf = (terms: string[]) => (resolved?.terms === terms ? resolved : (resolved = { terms, ids: held.termIdsOf(terms) })).ids;
      return {
        stats: async (terms) => held.stats(terms, idsOf(terms)),
        documentFrequencies: async (terms) => held.stats(terms, held.termIdsOf(terms)).df,
        candidates: async (terms, filters, limit, perTermLimit) => held.candidates(terms, filters, limit, perTermLimit),
        countTerms: (candidates, terms) => held.countTerms(candidates, terms, idsOf(terms)),
      };
    },
  };
}
