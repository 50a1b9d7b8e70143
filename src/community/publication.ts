import type { Queryable } from '../db/db.ts';

/**
 * Work that follows an experience's publication, queued on the publishing transaction so it
 * exists exactly when the publication does: machine translations of its missing language
 * versions and their embeddings. Called by every way an experience becomes published (a
 * curator's approval, a merge). Nothing is queued yet: translation jobs come with curation
 * (issue 13); embeddings of new texts are made by the housekeeping job meanwhile.
 */
export async function queuePublicationWork(tx: Queryable, experienceId: number): Promise<void> {
  void tx;
  void experienceId;
}
