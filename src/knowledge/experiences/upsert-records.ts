import { LANGUAGES } from '../../text/language.ts';
import type { Db, Queryable } from '../../db/db.ts';
import type { TextRowOut } from './rows.ts';
import { beginBulkIndexing, deleteTextRows, flushSearchIndex, indexText, insertTextRows, TermDeltas, updateTextRows, type TextRow } from './search-tokens.ts';
import { STATUSES, type ExperienceRecord, type ExperienceStatus, type ExperienceText, type Language } from './experience.ts';

// The import of kb-format records (`sme-bridge import`, the demo base, tests): written in
// batches in one transaction, texts compared with what is stored so unchanged ones keep their
// embeddings, and term statistics applied once at the end. ExperienceRepository.upsertRecords
// is the way in.

export interface UpsertOptions {
  /**
   * Status of a new experience whose record has none. A record's own status always wins; an
   * existing experience whose record has none keeps the status it has (a re-import never
   * publishes, or unpublishes, what staff decided).
   */
  status: ExperienceStatus;
  /** Called after each batch with the number of records written so far. */
  onProgress?: (done: number, total: number) => void;
}

// $9: each record's own status (null when it has none); $10: the status for new ones without;
// $11: the ids whose record has a status, the only existing experiences whose status changes.
// verified_on is kept when the record has none, like the status.
const UPSERT_EXPERIENCES = `
  INSERT INTO experiences (external_id, status, language, country, industry, tags, contributor_name, contributor_company, contributor_city, verified_on, source)
  SELECT u.external_id, COALESCE(u.status, $10), u.language, u.country, u.industry, ARRAY(SELECT jsonb_array_elements_text(u.tags::jsonb)),
         u.name, u.company, u.city, u.verified_on::date, 'import'
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $12::text[])
    WITH ORDINALITY AS u(external_id, language, country, industry, tags, name, company, city, status, verified_on, ord)
  ORDER BY u.ord
  ON CONFLICT (external_id) DO UPDATE SET
    language = excluded.language, country = excluded.country, industry = excluded.industry, tags = excluded.tags,
    contributor_name = excluded.contributor_name, contributor_company = excluded.contributor_company,
    contributor_city = excluded.contributor_city,
    status = CASE WHEN excluded.external_id = ANY($11::text[]) THEN excluded.status ELSE experiences.status END,
    verified_on = COALESCE(excluded.verified_on, experiences.verified_on), updated_at = now()
  RETURNING id, external_id, status`;

interface StoredText extends TextRowOut {
  id: number | string;
  search_text: string;
}

/** A record with its texts tokenised, waiting for its experience id. */
interface PreparedRecord {
  record: ExperienceRecord;
  texts: Omit<TextRow, 'experienceId'>[];
}

// About 750 text rows per batch: round trips stay few, parameter arrays modest, progress visible.
const EXPERIENCES_PER_BATCH = 250;

/** What an import did to the status of the experiences with one `before` → `after`. */
export interface StatusOutcome {
  /** Undefined for a new experience. */
  before?: ExperienceStatus;
  after: ExperienceStatus;
  count: number;
}

export interface UpsertSummary {
  created: number;
  updated: number;
  /** One entry per distinct (before, after), new experiences first, in STATUSES order. */
  statuses: StatusOutcome[];
}

/**
 * Creates or updates experiences by their kb-format id, all in one transaction. An updated
 * experience gets exactly the texts of its record: translations left out are deleted.
 */
export async function upsertRecords(db: Db, records: readonly ExperienceRecord[], options: UpsertOptions): Promise<UpsertSummary> {
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.id)) throw new Error(`Experience id "${r.id}" appears twice in one import; ids must be unique.`);
    seen.add(r.id);
  }
  return db.transaction(async (tx) => {
    await beginBulkIndexing(tx);
    const changes = new StatusTally();
    // Applied once at the end: common terms recur in every batch, so this saves most upserts.
    const deltas = new TermDeltas();
    let next = prepareBatch(records.slice(0, EXPERIENCES_PER_BATCH));
    for (let start = 0; start < records.length; start += EXPERIENCES_PER_BATCH) {
      const batch = next;
      const following = records.slice(start + EXPERIENCES_PER_BATCH, start + 2 * EXPERIENCES_PER_BATCH);
      // Tokenising is most of Node's share of an import (~0.3 ms a text): the next batch is
      // tokenised, yielding between records, while the database writes this one.
      const [written, prepared] = await Promise.allSettled([upsertBatch(tx, batch, options.status, deltas, db.hasVector), prepareBatchYielding(following)]);
      if (written.status === 'rejected') throw written.reason;
      if (prepared.status === 'rejected') throw prepared.reason;
      next = prepared.value;
      for (const change of written.value) changes.add(change.before, change.after);
      options.onProgress?.(start + batch.length, records.length);
    }
    await deltas.apply(tx);
    await flushSearchIndex(tx);
    return changes.summary();
  });
}

/** Writes one tokenised batch; returns the status of each experience before (if it existed) and after. */
async function upsertBatch(
  tx: Queryable,
  batch: readonly PreparedRecord[],
  status: ExperienceStatus,
  deltas: TermDeltas,
  hasVector: boolean,
): Promise<{ before?: ExperienceStatus; after: ExperienceStatus }[]> {
  const externalIds = batch.map(({ record }) => record.id);
  // Only the experiences that exist have texts to compare with, and a first import has none.
  // One index probe per id (LIMIT 1 keeps it one) whatever plan the server chooses: a generic
  // plan for `external_id = ANY($1)` (or a join) was seen to scan all of experiences, 0.4 s per
  // batch at 100k experiences, most of the import.
  const existing = await tx.query<{ id: number | string; external_id: string; status: ExperienceStatus }>(
    `SELECT e.id, e.external_id, e.status FROM unnest($1::text[]) AS u(external_id)
     CROSS JOIN LATERAL (SELECT id, external_id, status FROM experiences WHERE external_id = u.external_id LIMIT 1) e`,
    [externalIds],
  );
  const stored =
    existing.length === 0
      ? []
      : await tx.query<StoredText>(
          `SELECT t.experience_id, t.id, t.language, t.is_original, t.origin, t.title, t.problem, t.solution, t.outcome, t.search_text
           FROM experience_texts t WHERE t.experience_id = ANY($1::bigint[])`,
          [existing.map((e) => e.id)],
        );
  const returned = await tx.query<{ id: number | string; external_id: string; status: ExperienceStatus }>(UPSERT_EXPERIENCES, [
    externalIds,
    batch.map(({ record }) => record.language),
    batch.map(({ record }) => record.country),
    batch.map(({ record }) => record.industry),
    batch.map(({ record }) => JSON.stringify(record.tags ?? [])),
    batch.map(({ record }) => record.contributor?.name ?? null),
    batch.map(({ record }) => record.contributor?.company ?? null),
    batch.map(({ record }) => record.contributor?.city ?? null),
    batch.map(({ record }) => record.status ?? null),
    status,
    batch.flatMap(({ record }) => (record.status !== undefined ? [record.id] : [])),
    batch.map(({ record }) => record.verified_on ?? null),
  ]);
  const idOf = new Map(returned.map((r) => [r.external_id, Number(r.id)]));
  const wanted = batch.flatMap(({ record, texts }) => texts.map((text) => ({ ...text, experienceId: idOf.get(record.id)! })));
  await syncTexts(tx, stored, wanted, deltas, hasVector);
  const before = new Map(existing.map((e) => [e.external_id, e.status]));
  return returned.map((r) => ({ before: before.get(r.external_id), after: r.status }));
}

/** Brings stored texts to `wanted`: unchanged rows are left alone (and keep their embeddings). */
async function syncTexts(tx: Queryable, stored: readonly StoredText[], wanted: readonly TextRow[], deltas: TermDeltas, hasVector: boolean): Promise<void> {
  const old = new Map(stored.map((s) => [`${Number(s.experience_id)}:${s.language}`, s]));
  const inserts: TextRow[] = [];
  const updates: TextRow[] = [];
  const updateIds: number[] = [];
  const contentChanged: number[] = [];
  for (const row of wanted) {
    const key = `${row.experienceId}:${row.language}`;
    const before = old.get(key);
    old.delete(key);
    if (!before) {
      inserts.push(row);
      continue;
    }
    const sameContent = before.title === row.title && before.problem === row.problem && before.solution === row.solution && before.outcome === row.outcome;
    if (sameContent && before.search_text === row.searchText && before.is_original === row.isOriginal && before.origin === row.origin) continue;
    updates.push(row);
    updateIds.push(Number(before.id));
    if (!sameContent) contentChanged.push(Number(before.id));
    deltas.add(before.search_text, -1);
    deltas.add(row, 1);
  }
  const removed = [...old.values()].map((s) => Number(s.id));
  if (removed.length > 0) await deleteTextRows(tx, 't.id = ANY($1::bigint[])', [removed], deltas);
  if (updates.length > 0) await updateTextRows(tx, updateIds, updates);
  // An embedding of text that changed would match the old text; embedMissingTexts makes a new one.
  if (contentChanged.length > 0 && hasVector) {
    await tx.query('DELETE FROM text_embeddings WHERE text_id = ANY($1::bigint[])', [contentChanged]);
  }
  await insertTextRows(tx, inserts, deltas);
}

function prepareBatch(records: readonly ExperienceRecord[]): PreparedRecord[] {
  return records.map((record) => ({ record, texts: textRowsOf(record) }));
}

/** prepareBatch, handing the event loop back every few records so database replies are read meanwhile. */
async function prepareBatchYielding(records: readonly ExperienceRecord[]): Promise<PreparedRecord[]> {
  const out: PreparedRecord[] = [];
  for (let start = 0; start < records.length; start += RECORDS_PER_YIELD) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    out.push(...prepareBatch(records.slice(start, start + RECORDS_PER_YIELD)));
  }
  return out;
}

// About 5 ms of tokenising between two looks at the database connection.
const RECORDS_PER_YIELD = 10;

function textRowsOf(record: ExperienceRecord): Omit<TextRow, 'experienceId'>[] {
  const tags = record.tags ?? [];
  const rows = [{ ...textRow(record.language, record, tags), isOriginal: true }];
  for (const language of LANGUAGES) {
    const translation = record.translations?.[language];
    if (translation && language !== record.language) rows.push({ ...textRow(language, translation, tags), origin: translation.machine ? 'machine' : 'human' });
  }
  return rows;
}

/** Counts the (before, after) status pairs of an import for its summary. */
class StatusTally {
  private readonly counts = new Map<string, StatusOutcome>();

  add(before: ExperienceStatus | undefined, after: ExperienceStatus): void {
    const key = `${before ?? ''}>${after}`;
    const outcome = this.counts.get(key);
    if (outcome) outcome.count++;
    else this.counts.set(key, { ...(before !== undefined ? { before } : {}), after, count: 1 });
  }

  summary(): UpsertSummary {
    const rank = (s: ExperienceStatus | undefined) => (s === undefined ? -1 : STATUSES.indexOf(s));
    const statuses = [...this.counts.values()].sort((a, b) => rank(a.before) - rank(b.before) || rank(a.after) - rank(b.after));
    const created = statuses.filter((s) => s.before === undefined).reduce((n, s) => n + s.count, 0);
    const updated = statuses.reduce((n, s) => n + s.count, 0) - created;
    return { created, updated, statuses };
  }
}

export function textRow(language: Language, text: ExperienceText, tags: readonly string[]): Omit<TextRow, 'experienceId'> {
  return {
    language,
    isOriginal: false,
    origin: 'human',
    title: text.title,
    problem: text.problem,
    solution: text.solution,
    outcome: text.outcome ?? null,
    ...indexText(text, tags, language),
  };
}
