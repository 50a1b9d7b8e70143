import { randomBytes } from 'node:crypto';
import type { Db, Queryable } from '../../db/db.ts';
import { loadExperiences, toRecord } from './rows.ts';
import { flushSearchIndex, insertTextRows, TermDeltas } from './search-tokens.ts';
import type { Experience, ExperienceRecord, ExperienceStatus, ExperienceText, Industry, Language } from './experience.ts';
import { textRow, upsertRecords, type UpsertOptions, type UpsertSummary } from './upsert-records.ts';

export type { StatusOutcome, UpsertOptions, UpsertSummary } from './upsert-records.ts';

export interface NewContribution {
  /** The member credited (undefined: nobody, e.g. a saved group message whose author was not asked yet). */
  memberId?: number;
  /** `pending` (default): goes to review; `draft`: held back (a saved group message waiting for its author's consent). */
  status?: 'pending' | 'draft';
  /** `bot` (default): /share and community answers; `group`: a group message saved with /save. */
  source?: 'bot' | 'group';
  language: Language;
  industry: Industry;
  /** Defaults to the member's country, else "ZZ" (ISO's code for "unknown"). */
  country?: string;
  tags: string[];
  text: ExperienceText;
  contributor: { name?: string; company?: string; city?: string };
}

/** Experiences and their per-language texts, keeping the search index (term_stats) exact. */
export class ExperienceRepository {
  constructor(private readonly db: Db) {}

  /**
   * Creates or updates experiences by their kb-format id, all in one transaction. An updated
   * experience gets exactly the texts of its record: translations left out are deleted.
   */
  upsertRecords(records: readonly ExperienceRecord[], options: UpsertOptions): Promise<UpsertSummary> {
    return upsertRecords(this.db, records, options);
  }

  /** Every experience as kb-format records, in insertion order; `statuses` narrows it. */
  async exportRecords(options: { statuses?: readonly ExperienceStatus[] } = {}): Promise<ExperienceRecord[]> {
    const experiences = options.statuses
      ? await loadExperiences(this.db, 'e.status = ANY($1::text[])', [options.statuses])
      : await loadExperiences(this.db, 'true');
    return experiences.flatMap((e) => toRecord(e) ?? []);
  }

  async getById(id: number): Promise<Experience | undefined> {
    return (await loadExperiences(this.db, 'e.id = $1', [id]))[0];
  }

  async getByExternalId(externalId: string): Promise<Experience | undefined> {
    return (await loadExperiences(this.db, 'e.external_id = $1', [externalId]))[0];
  }

  /** The experiences with these ids, in the order of `ids` (ranked hits stay ranked); unknown ids are skipped. */
  async getMany(ids: readonly number[]): Promise<Experience[]> {
    if (ids.length === 0) return [];
    const found = new Map((await loadExperiences(this.db, 'e.id = ANY($1::bigint[])', [ids])).map((e) => [e.id, e]));
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  /**
   * A member's contribution from the bot: pending review (or a draft), with a generated external id.
   * `within` runs in the same transaction once it is stored (e.g. to queue its review card).
   */
  async createContribution(input: NewContribution, within?: (tx: Queryable, experienceId: number) => Promise<void>): Promise<Experience> {
    return this.db.transaction(async (tx) => {
      let country = input.country;
      if (country === undefined && input.memberId !== undefined) {
        const [member] = await tx.query<{ country: string | null }>('SELECT country FROM members WHERE id = $1', [input.memberId]);
        country = member?.country ?? undefined;
      }
      if (country === undefined || !/^[A-Z]{2}$/.test(country)) country = 'ZZ';
      const externalId = `bot-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
      const [row] = await tx.query<{ id: number | string }>(
        `INSERT INTO experiences (external_id, status, language, country, industry, tags, contributor_name, contributor_company, contributor_city, contributor_member_id, source)
         VALUES ($1, $10, $2, $3, $4, $5::text[], $6, $7, $8, $9, $11) RETURNING id`,
        [
          externalId,
          input.language,
          country,
          input.industry,
          input.tags,
          input.contributor.name ?? null,
          input.contributor.company ?? null,
          input.contributor.city ?? null,
          input.memberId ?? null,
          input.status ?? 'pending',
          input.source ?? 'bot',
        ],
      );
      const id = Number(row!.id);
      const deltas = new TermDeltas();
      await insertTextRows(tx, [{ ...textRow(input.language, input.text, input.tags), experienceId: id, isOriginal: true }], deltas);
      await deltas.apply(tx);
      await flushSearchIndex(tx);
      await within?.(tx, id);
      return (await loadExperiences(tx, 'e.id = $1', [id]))[0]!;
    });
  }

  async listByContributor(memberId: number): Promise<Experience[]> {
    return loadExperiences(this.db, 'e.contributor_member_id = $1', [memberId]);
  }

  /** Returns false when no experience has this id. `reviewedBy` records the curator who decided. */
  async setStatus(id: number, status: ExperienceStatus, options: { reviewedBy?: number } = {}): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE experiences SET status = $2, updated_at = now(),
         reviewed_by = COALESCE($3, reviewed_by), reviewed_at = CASE WHEN $3::bigint IS NULL THEN reviewed_at ELSE now() END
       WHERE id = $1 RETURNING id`,
      [id, status, options.reviewedBy ?? null],
    );
    return rows.length > 0;
  }
}
