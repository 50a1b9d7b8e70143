import type { Queryable } from '../db/db.ts';
import type { ExperienceText } from '../knowledge/experiences/experience.ts';
import { putExperienceText } from '../knowledge/experiences/texts.ts';
import type { LockedExperience } from './locked-experience.ts';

/** The contribution's original text into `target`: as its version in that language, or appended to its solution there. */
export async function mergeInto(
  tx: Queryable,
  contribution: LockedExperience,
  target: LockedExperience,
  mode: 'version' | 'append',
): Promise<{ mode: 'version' | 'append' }> {
  const [source] = await tx.query<{ title: string; problem: string; solution: string; outcome: string | null }>(
    'SELECT title, problem, solution, outcome FROM experience_texts WHERE experience_id = $1 AND language = $2',
    [contribution.id, contribution.language],
  );
  const [existing] = await tx.query<{ title: string; problem: string; solution: string; outcome: string | null }>(
    'SELECT title, problem, solution, outcome FROM experience_texts WHERE experience_id = $1 AND language = $2',
    [target.id, contribution.language],
  );
  const text = (r: { title: string; problem: string; solution: string; outcome: string | null }): ExperienceText => ({
    title: r.title,
    problem: r.problem,
    solution: r.solution,
    ...(r.outcome !== null ? { outcome: r.outcome } : {}),
  });
  // Appending needs a text in the contribution's language to append to; without one it becomes that version.
  if (mode === 'append' && existing) {
    const merged = text(existing);
    merged.solution = `${existing.solution}\n\n${source!.solution}`;
    if (source!.outcome) merged.outcome = existing.outcome ? `${existing.outcome}\n\n${source!.outcome}` : source!.outcome;
    await putExperienceText(tx, target.id, contribution.language, merged, { origin: 'human' });
    return { mode: 'append' };
  }
  await putExperienceText(tx, target.id, contribution.language, text(source!), { origin: 'human' });
  return { mode: 'version' };
}
