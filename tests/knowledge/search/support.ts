import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../../src/db/db.ts';
import type { ExperienceRecord } from '../../../src/knowledge/experiences/experience.ts';
import { ExperienceRepository } from '../../../src/knowledge/experiences/repository.ts';
import { Glossary } from '../../../src/knowledge/glossary/glossary.ts';
import { seedGlossaryIfEmpty } from '../../../src/knowledge/glossary/glossary-csv.ts';
import { memoryLexicalIndex } from '../../../src/knowledge/search/memory-index-sync.ts';
import { createRetriever, type Retriever } from '../../../src/knowledge/search/retrieval.ts';
import { createLogger } from '../../../src/log.ts';
import type { TestDatabase } from '../../helpers/db.ts';

const logger = createLogger('silent');

/**
 * The search over a base of `records` (published, with the shipped glossary) on a new database
 * of `database`, once with each lexical index — the database's and the one held in memory — so
 * a test asks both the same question. Built before the calling describe's first test (the list
 * fills then), closed after its last.
 */
export function retrieversOver(database: TestDatabase, records: () => ExperienceRecord[]): [string, Retriever][] {
  const retrievers: [string, Retriever][] = [];
  let db: Db | undefined;
  beforeAll(async () => {
    db = await database.open();
    await seedGlossaryIfEmpty(db);
    await new ExperienceRepository(db).upsertRecords(records(), { status: 'published' });
    const glossary = await Glossary.load(db);
    retrievers.push(
      ['the database index', createRetriever({ db, glossary, logger })],
      ['the memory index', createRetriever({ db, glossary, logger, lexical: memoryLexicalIndex(db, logger) })],
    );
  });
  afterAll(async () => {
    await db?.close();
  });
  return retrievers;
}
