import type { Db, Queryable } from '../../db/db.ts';
import type { Logger } from '../../log.ts';
import { TEXT_PIPELINE_VERSION } from '../../text/pipeline-version.ts';
import { textOf, type TextRowOut } from './rows.ts';
import { beginBulkIndexing, flushSearchIndex, indexText } from './search-tokens.ts';

const TEXTS_PER_BATCH = 1_000;

interface StoredText extends Pick<TextRowOut, 'language' | 'title' | 'problem' | 'solution' | 'outcome'> {
  id: number | string;
  tags: string[];
  search_text: string;
}

/**
 * Makes the stored search tokens those of this program's text pipeline: when the database was
 * indexed by another version, every text's tokens are made again and term_stats is rebuilt,
 * in one transaction (searches meanwhile see the old index, never a half-made one). Returns
 * how many texts changed; 0 and no work when the versions already agree.
 */
export async function reindexIfStale(db: Db, logger: Logger, version = TEXT_PIPELINE_VERSION): Promise<number> {
  if ((await storedVersion(db)) === version) return 0;
  return db.transaction(async (tx) => {
    // The row lock makes a second process starting at the same time wait, then find it done.
    const [state] = await tx.query<{ pipeline_version: number }>('SELECT pipeline_version FROM search_index_state FOR UPDATE');
    if (state?.pipeline_version === version) return 0;
    const started = performance.now();
    logger.info({ from: state?.pipeline_version, to: version }, 're-indexing experience texts for this version of the text pipeline');
    await beginBulkIndexing(tx);
    const changed = await retokenize(tx);
    await flushSearchIndex(tx);
    await tx.exec(`DELETE FROM term_stats;
      INSERT INTO term_stats (term, df)
      SELECT term, count(*) FROM (SELECT DISTINCT t.id, w.term FROM experience_texts t, unnest(string_to_array(t.search_text, ' ')) AS w(term) WHERE w.term <> '') d
      GROUP BY term;`);
    await tx.query('UPDATE search_index_state SET pipeline_version = $1, updated_at = now()', [version]);
    logger.info({ changed, ms: Math.round(performance.now() - started) }, 're-indexed experience texts');
    return changed;
  });
}

async function storedVersion(db: Queryable): Promise<number | undefined> {
  const [row] = await db.query<{ pipeline_version: number }>('SELECT pipeline_version FROM search_index_state');
  return row?.pipeline_version;
}

async function retokenize(tx: Queryable): Promise<number> {
  let changed = 0;
  for (let after = 0; ;) {
    const rows = await tx.query<StoredText>(
      `SELECT t.id, t.language, t.title, t.problem, t.solution, t.outcome, e.tags, t.search_text
       FROM experience_texts t JOIN experiences e ON e.id = t.experience_id
       WHERE t.id > $1 ORDER BY t.id LIMIT $2`,
      [after, TEXTS_PER_BATCH],
    );
    if (rows.length === 0) return changed;
    after = Number(rows.at(-1)!.id);
    const updates = rows.flatMap((row) => {
      const indexed = indexText(textOf(row), row.tags, row.language);
      return indexed.searchText === row.search_text ? [] : [{ id: Number(row.id), ...indexed }];
    });
    if (updates.length === 0) continue;
    await tx.query(
      `UPDATE experience_texts t SET search_text = u.search_text, search_length = u.search_length
       FROM unnest($1::bigint[], $2::text[], $3::integer[]) AS u(id, search_text, search_length) WHERE t.id = u.id`,
      [updates.map((u) => u.id), updates.map((u) => u.searchText), updates.map((u) => u.searchLength)],
    );
    changed += updates.length;
  }
}
