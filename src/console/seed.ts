import { readFile } from 'node:fs/promises';
import type { Db } from '../db/db.ts';
import type { ExperienceRepository } from '../knowledge/experiences/repository.ts';
import { parseKbFile } from '../knowledge/experiences/kb-format.ts';
import type { Logger } from '../log.ts';

/** What the demo seed loaded: published experiences, and contributions waiting for review. */
export interface Seeded {
  published: number;
  pending: number;
}

/**
 * Loads the demo knowledge base, only into a database with no experiences at all, so a first
 * `npm start` has something to answer from and a member's own knowledge base is never touched.
 * Each record keeps its own status: the demo's pending contributions wait for a curator, never
 * shown to members; a record without one is published. Returns what was loaded (zeros when skipped).
 */
export async function seedDemoKnowledgeBase(deps: { db: Db; experiences: ExperienceRepository; logger: Logger }, path: string): Promise<Seeded> {
  const none = { published: 0, pending: 0 };
  const [row] = await deps.db.query<{ present: boolean }>('SELECT EXISTS (SELECT 1 FROM experiences) AS present');
  if (row?.present) return none;
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (e) {
    deps.logger.warn({ err: e, path }, 'demo knowledge base not found: starting with an empty one');
    return none;
  }
  const { records, problems } = parseKbFile(content);
  for (const p of problems) deps.logger.warn({ path, line: p.line, field: p.field }, `demo knowledge base: ${p.message}`);
  const { statuses } = await deps.experiences.upsertRecords(records, { status: 'published' });
  const created = (status: string) => statuses.filter((s) => s.before === undefined && s.after === status).reduce((n, s) => n + s.count, 0);
  return { published: created('published'), pending: created('pending') };
}
