import type { Queryable } from '../../db/db.ts';
import { adjacentPairs, searchTokens } from '../../text/tokenize.ts';
import type { ExperienceText, Language } from './experience.ts';

/** What experience_texts stores for lexical search. */
export interface IndexedText {
  searchText: string;
  searchLength: number;
  /** The tokens searchText joins, kept so term_stats need not split it again. */
  tokens?: readonly string[];
}

/**
 * Tokens of everything a member could search an experience text by: its fields and its tags,
 * then its adjacent word pairs (adjacentPairs). The length BM25 normalises by counts the words only.
 */
export function indexText(text: ExperienceText, tags: readonly string[], language: Language): IndexedText {
  const source = [text.title, text.problem, text.solution, text.outcome ?? '', tags.join(' ')].join('\n');
  const words = searchTokens(source, language);
  const tokens = [...words, ...adjacentPairs(words)];
  return { searchText: tokens.join(' '), searchLength: words.length, tokens };
}

/**
 * Changes to term_stats.df gathered in memory, so a whole import of inserted, changed and
 * deleted texts costs one statement (per 20,000 terms) instead of one per text or term.
 */
export class TermDeltas {
  private readonly deltas = new Map<string, TermDelta>();
  private texts = 0;

  /** A text row with this search_text appeared (+1) or disappeared (-1). */
  add(text: string | IndexedText, sign: 1 | -1): void {
    const tokens = typeof text === 'string' ? text.split(' ') : (text.tokens ?? text.searchText.split(' '));
    // Each term counts once per text however often it occurs: marking the terms seen in this
    // text costs one map lookup per token instead of building a set of them first.
    const mark = ++this.texts;
    for (const term of tokens) {
      const delta = this.deltas.get(term);
      if (delta === undefined) {
        if (term !== '') this.deltas.set(term, { df: sign, lastText: mark });
      } else if (delta.lastText !== mark) {
        delta.df += sign;
        delta.lastText = mark;
      }
    }
  }

  async apply(q: Queryable): Promise<void> {
    // Sorted so two concurrent imports lock term rows in the same order and cannot deadlock. The
    // default sort (UTF-16 order, as `<`) needs no comparator call per step: ~20 ms less at 20k terms.
    const terms = [...this.deltas.keys()].filter((term) => this.deltas.get(term)!.df !== 0).sort();
    const dfs = terms.map((term) => this.deltas.get(term)!.df);
    this.deltas.clear();
    for (let start = 0; start < terms.length; start += TERMS_PER_STATEMENT) {
      const chunk = terms.slice(start, start + TERMS_PER_STATEMENT);
      const chunkDfs = dfs.slice(start, start + TERMS_PER_STATEMENT);
      await q.query(
        `INSERT INTO term_stats (term, df) SELECT term, df FROM unnest($1::text[], $2::integer[]) AS u(term, df)
         ON CONFLICT (term) DO UPDATE SET df = term_stats.df + excluded.df`,
        [chunk, chunkDfs],
      );
      const shrunk = chunk.filter((_, i) => chunkDfs[i]! < 0);
      if (shrunk.length > 0) await q.query('DELETE FROM term_stats WHERE term = ANY($1::text[]) AND df <= 0', [shrunk]);
    }
  }
}

interface TermDelta {
  df: number;
  /** The last text that counted this term (numbered by TermDeltas), so repeats within one text are skipped. */
  lastText: number;
}

/**
 * Merges the GIN index's pending list (migration 0009) into the index. Every transaction that
 * inserts or updates experience_texts calls it before committing: searches scan the pending
 * list in full on each term lookup, so it must be empty at rest.
 */
export async function flushSearchIndex(q: Queryable): Promise<void> {
  await q.query('SELECT flush_search_index()');
}

/**
 * For a bulk write: lets this transaction's pending list grow to `PENDING_LIST_LIMIT` before an
 * insert merges it (other sessions keep the server's default, 4 MB), so most of an import is
 * merged once, by flushSearchIndex at the end. Each merge updates the posting list of every term
 * it holds, so fewer, larger merges do less work (10k experiences into PGlite: merging at 4 MB
 * cost ~2 s more than once at the end). The cap bounds what a search running meanwhile scans.
 */
export async function beginBulkIndexing(q: Queryable): Promise<void> {
  await q.query("SELECT set_config('gin_pending_list_limit', $1, true)", [PENDING_LIST_LIMIT]);
}

// In kB. 5,000 synthetic bench experiences (7,400 texts) make about 19 MB of pending entries:
// one merge during the import, one at its end.
const PENDING_LIST_LIMIT = String(16 * 1024);

/** One experience_texts row as written. */
export interface TextRow extends IndexedText {
  experienceId: number;
  language: Language;
  isOriginal: boolean;
  origin: 'human' | 'machine';
  title: string;
  problem: string;
  solution: string;
  outcome: string | null;
}

const TERMS_PER_STATEMENT = 20_000;
// Large enough to amortise the round trip, small enough to keep parameter arrays modest.
const ROWS_PER_STATEMENT = 400;

/** Multi-row insert through unnest of array parameters; counts the new rows into `deltas`. */
export async function insertTextRows(q: Queryable, rows: readonly TextRow[], deltas: TermDeltas): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    await q.query(
      `INSERT INTO experience_texts (experience_id, language, is_original, origin, title, problem, solution, outcome, search_text, search_length)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::boolean[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::integer[])`,
      columns(chunk),
    );
    for (const row of chunk) deltas.add(row, 1);
  }
}

/** Rewrites existing rows in place (keeping their ids) from `rows`, matched by `ids`. */
export async function updateTextRows(q: Queryable, ids: readonly number[], rows: readonly TextRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const [, ...rest] = columns(chunk);
    await q.query(
      `UPDATE experience_texts t SET is_original = u.is_original, origin = u.origin, title = u.title, problem = u.problem,
         solution = u.solution, outcome = u.outcome, search_text = u.search_text, search_length = u.search_length
       FROM unnest($1::bigint[], $2::text[], $3::boolean[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::integer[])
         AS u(id, language, is_original, origin, title, problem, solution, outcome, search_text, search_length)
       WHERE t.id = u.id`,
      [ids.slice(start, start + ROWS_PER_STATEMENT), ...rest],
    );
  }
}

/** Deletes text rows chosen by `where` (on alias t) and takes their terms out of term_stats. */
export async function deleteTextRows(q: Queryable, where: string, params: readonly unknown[], deltas: TermDeltas): Promise<number> {
  const gone = await q.query<{ search_text: string }>(`DELETE FROM experience_texts t WHERE ${where} RETURNING t.search_text`, params);
  for (const row of gone) deltas.add(row.search_text, -1);
  return gone.length;
}

function columns(rows: readonly TextRow[]): unknown[][] {
  return [
    rows.map((r) => r.experienceId),
    rows.map((r) => r.language),
    rows.map((r) => r.isOriginal),
    rows.map((r) => r.origin),
    rows.map((r) => r.title),
    rows.map((r) => r.problem),
    rows.map((r) => r.solution),
    rows.map((r) => r.outcome),
    rows.map((r) => r.searchText),
    rows.map((r) => r.searchLength),
  ];
}

/** Deletes experiences through the search index's own bookkeeping, so term_stats stays exact. */
export async function deleteExperiences(tx: Queryable, ids: readonly (string | number)[]): Promise<void> {
  if (ids.length === 0) return;
  const deltas = new TermDeltas();
  await deleteTextRows(tx, 't.experience_id = ANY($1::bigint[])', [ids], deltas);
  await deltas.apply(tx);
  await tx.query('DELETE FROM experiences WHERE id = ANY($1::bigint[])', [ids]);
}
