import type { Queryable } from '../../db/db.ts';
import { loadExperiences } from './rows.ts';
import { flushSearchIndex, indexText, TermDeltas, updateTextRows, type TextRow } from './search-tokens.ts';
import type { ExperienceText, Industry, Language } from './experience.ts';

/** A change to an experience's content: one language version's text, its industry or its tags. */
export interface ContentChange {
  language?: Language;
  text?: ExperienceText;
  industry?: Industry;
  tags?: string[];
}

/**
 * Rewrites an experience's content inside the caller's transaction (which has already checked
 * who may change it, and locked the row), keeping the search index exact: every text row is
 * re-tokenised, since the tags are part of each one. `hasVector`: the database keeps embeddings,
 * and one of changed text would match the old text. Returns false when nothing is there to change.
 */
export async function rewriteContent(tx: Queryable, experienceId: number, change: ContentChange, hasVector: boolean): Promise<boolean> {
  const [experience] = await loadExperiences(tx, 'e.id = $1', [experienceId]);
  if (!experience) return false;
  if (change.text && (!change.language || !experience.texts[change.language])) return false;
  const tags = change.tags ?? experience.tags;
  if (change.industry !== undefined || change.tags !== undefined) {
    await tx.query('UPDATE experiences SET industry = $2, tags = $3::text[], updated_at = now() WHERE id = $1', [
      experienceId,
      change.industry ?? experience.industry,
      tags,
    ]);
  } else {
    await tx.query('UPDATE experiences SET updated_at = now() WHERE id = $1', [experienceId]);
  }
  const stored = await tx.query<{ id: string | number; language: Language; search_text: string }>(
    'SELECT id, language, search_text FROM experience_texts WHERE experience_id = $1',
    [experienceId],
  );
  const deltas = new TermDeltas();
  const ids: number[] = [];
  const rows: TextRow[] = [];
  for (const s of stored) {
    const current = experience.texts[s.language];
    if (!current) continue;
    const text = change.language === s.language && change.text ? change.text : current;
    const indexed = indexText(text, tags, s.language);
    deltas.add(s.search_text, -1);
    deltas.add(indexed, 1);
    ids.push(Number(s.id));
    rows.push({
      experienceId,
      language: s.language,
      isOriginal: current.isOriginal,
      // A person rewrote it, so it is no longer a machine's text.
      origin: text === current ? current.origin : 'human',
      title: text.title,
      problem: text.problem,
      solution: text.solution,
      outcome: text.outcome ?? null,
      ...indexed,
    });
  }
  await updateTextRows(tx, ids, rows);
  await deltas.apply(tx);
  if (hasVector && change.text && change.language) {
    await tx.query('DELETE FROM text_embeddings WHERE text_id IN (SELECT id FROM experience_texts WHERE experience_id = $1 AND language = $2)', [
      experienceId,
      change.language,
    ]);
  }
  await flushSearchIndex(tx);
  return true;
}
