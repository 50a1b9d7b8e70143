import type { Queryable } from '../db/db.ts';
import { queueEmbedding, queueTranslation } from '../jobs/experience-upkeep.ts';
import { LANGUAGES } from '../text/language.ts';

/** What follows a publication in this installation (app.ts decides from the config). */
export interface PublicationWork {
  /** A chat model is configured: missing language versions are machine-translated. */
  translate: boolean;
  /** An embedding model and pgvector exist: the experience's texts get vectors. */
  embed: boolean;
}

const MISSING_LANGUAGES = `SELECT l AS language FROM unnest($2::text[]) AS l
  WHERE NOT EXISTS (SELECT 1 FROM experience_texts t WHERE t.experience_id = $1 AND t.language = l)`;

/**
 * Work that follows an experience's publication, queued on the publishing transaction so it
 * exists exactly when the publication does: a machine translation of each missing language
 * version (each job embeds what it wrote), and the embeddings of the texts it has. Called by
 * every way an experience becomes published (a curator's approval, a merge). Without a model
 * nothing is queued: the experience is published with the languages it has.
 */
export async function queuePublicationWork(tx: Queryable, experienceId: number, work: PublicationWork): Promise<void> {
  if (work.translate) {
    const missing = await tx.query<{ language: string }>(MISSING_LANGUAGES, [experienceId, LANGUAGES]);
    for (const { language } of missing) await queueTranslation(tx, { experienceId, language });
  }
  if (work.embed) await queueEmbedding(tx, { experienceId });
}
