import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/db.ts';
import type { ExperienceText, Language } from './experience.ts';
import { deleteTextRows, flushSearchIndex, indexText, insertTextRows, TermDeltas } from './search-tokens.ts';

/**
 * Writes one language version of an experience in the caller's transaction, replacing the one
 * there was (whose text is returned), with its search tokens and term statistics kept exact.
 * `origin` human: written or checked by a person. The change feed's triggers tell every
 * process's search index.
 */
export async function putExperienceText(
  tx: Queryable,
  experienceId: number,
  language: Language,
  text: ExperienceText,
  options: { origin: 'human' | 'machine' },
): Promise<ExperienceText | undefined> {
  const [experience] = await tx.query<{ tags: string[]; language: Language }>('SELECT tags, language FROM experiences WHERE id = $1', [experienceId]);
  if (!experience) throw new Error(`experience ${experienceId} is gone`);
  const [old] = await tx.query<{ title: string; problem: string; solution: string; outcome: string | null }>(
    'SELECT title, problem, solution, outcome FROM experience_texts WHERE experience_id = $1 AND language = $2',
    [experienceId, language],
  );
  const deltas = new TermDeltas();
  await deleteTextRows(tx, 't.experience_id = $1 AND t.language = $2', [experienceId, language], deltas);
  await insertTextRows(
    tx,
    [
      {
        experienceId,
        language,
        isOriginal: experience.language === language,
        origin: options.origin,
        title: text.title,
        problem: text.problem,
        solution: text.solution,
        outcome: text.outcome ?? null,
        ...indexText(text, experience.tags, language),
      },
    ],
    deltas,
  );
  await deltas.apply(tx);
  await flushSearchIndex(tx);
  if (!old) return undefined;
  return { title: old.title, problem: old.problem, solution: old.solution, ...(old.outcome !== null ? { outcome: old.outcome } : {}) };
}

/** A short fingerprint of a version's text: whether it is still exactly as it was, without keeping the words. */
export function textFingerprint(text: ExperienceText): string {
  return createHash('sha256')
    .update(JSON.stringify([text.title, text.problem, text.solution, text.outcome ?? null]))
    .digest('hex');
}

/**
 * Replaces a pending contribution's text, whatever language it was stored in, with `text` in
 * `language` as its original version, in the caller's transaction (which has locked the row and
 * checked nothing else changed). The experience's language becomes `language`.
 */
export async function replaceContributionText(tx: Queryable, experienceId: number, language: Language, text: ExperienceText): Promise<void> {
  await tx.query('UPDATE experiences SET language = $2, updated_at = now() WHERE id = $1', [experienceId, language]);
  const deltas = new TermDeltas();
  await deleteTextRows(tx, 't.experience_id = $1 AND t.language <> $2', [experienceId, language], deltas);
  await deltas.apply(tx);
  await putExperienceText(tx, experienceId, language, text, { origin: 'human' });
}
