import type { Queryable } from '../../db/db.ts';
import type { ExperienceText, Language } from './experience.ts';
import { putExperienceText } from './texts.ts';

export type StoreOutcome = 'stored' | 'exists' | 'not-published';

/**
 * Stores a model's translation of a published experience as its `language` version, marked
 * machine-made (origin 'machine', kb-format's `"machine": true`), in the caller's transaction.
 * A version already there — written by a person meanwhile, or by an earlier try — is kept:
 * a machine never overwrites anything. A person's later edit of this version stores it as
 * human-written, which clears the mark.
 */
export async function storeMachineTranslation(tx: Queryable, experienceId: number, language: Language, text: ExperienceText): Promise<StoreOutcome> {
  // Locked so a curator's edit of the same experience and this insert do not cross.
  const [experience] = await tx.query<{ status: string }>('SELECT status FROM experiences WHERE id = $1 FOR UPDATE', [experienceId]);
  if (experience?.status !== 'published') return 'not-published';
  const existing = await tx.query('SELECT 1 FROM experience_texts WHERE experience_id = $1 AND language = $2', [experienceId, language]);
  if (existing.length > 0) return 'exists';
  await putExperienceText(tx, experienceId, language, text, { origin: 'machine' });
  return 'stored';
}
