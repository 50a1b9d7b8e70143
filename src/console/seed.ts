import { readFile } from 'node:fs/promises';
import type { Db } from '../db/db.ts';
import type { ExperienceRepository } from '../knowledge/experiences/repository.ts';
import { parseKbFile } from '../knowledge/experiences/kb-format.ts';
import type { Logger } from '../log.ts';

/**
 * Loads the demo knowledge base as published experiences, only into a database with no
 * experiences at all, so a first `npm start` has something to answer from and a member's own
 * knowledge base is never touched. Returns how many were loaded (0 when skipped).
 */
export async function seedDemoKnowledgeBase(deps: { db: Db; experiences: ExperienceRepository; logger: Logger }, path: string): Promise<number> {
  const [row] = await deps.db.query<{ present: boolean }>('SELECT EXISTS (SELECT 1 FROM experiences) AS present');
  if (row?.present) return 0;
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (e) {
    deps.logger.warn({ err: e, path }, 'demo knowledge base not found: starting with an empty one');
    return 0;
  }
  const { records, problems } = parseKbFile(content);
  for (const p of problems) deps.logger.warn({ path, line: p.line, field: p.field }, `demo knowledge base: ${p.message}`);
  const { created } = await deps.experiences.upsertRecords(records, { status: 'published' });
  return created;
}
