import type { Embedder } from './vector-search.ts';
import type { Db } from '../../db/db.ts';
import type { Logger } from '../../log.ts';

interface PendingText {
  id: string;
  title: string;
  problem: string;
  solution: string;
  outcome: string | null;
}

// Texts of published experiences that have no vector from this model yet.
const PENDING_SQL = `
  SELECT t.id::text AS id, t.title, t.problem, t.solution, t.outcome
  FROM experience_texts t
  JOIN experiences e ON e.id = t.experience_id
  WHERE e.status = 'published' AND ($3::bigint IS NULL OR e.id = $3)
    AND NOT EXISTS (SELECT 1 FROM text_embeddings x WHERE x.text_id = t.id AND x.model = $1)
  ORDER BY t.id
  LIMIT $2`;

const INSERT_SQL = `
  INSERT INTO text_embeddings (text_id, model, embedding)
  SELECT r.text_id, r.model, r.embedding::vector
  FROM unnest($1::bigint[], $2::text[], $3::text[]) AS r(text_id, model, embedding)
  ON CONFLICT (text_id, model) DO UPDATE SET embedding = EXCLUDED.embedding`;

/** What a text's vector is made of: everything retrieval may match a question against. */
export function embeddingInput(t: Pick<PendingText, 'title' | 'problem' | 'solution' | 'outcome'>): string {
  return [t.title, t.problem, t.solution, t.outcome].filter((part): part is string => !!part).join('\n\n');
}

/**
 * Embeds, batch by batch, every text of a published experience lacking a vector for
 * `embedder.model`, and returns how many it stored; `experienceId` narrows it to one experience.
 * Without pgvector there is nothing to fill.
 */
export async function embedMissingTexts(
  db: Db,
  embedder: Embedder,
  logger: Logger,
  options: { batchSize?: number; experienceId?: number } = {},
): Promise<number> {
  if (!db.hasVector) return 0;
  const batchSize = options.batchSize ?? 64;
  let stored = 0;
  for (;;) {
    const pending = await db.query<PendingText>(PENDING_SQL, [embedder.model, batchSize, options.experienceId ?? null]);
    if (pending.length === 0) break;
    const vectors = await embedder.embed(pending.map(embeddingInput));
    await db.query(INSERT_SQL, [pending.map((p) => p.id), pending.map(() => embedder.model), vectors.map((v) => `[${v.join(',')}]`)]);
    stored += pending.length;
    logger.debug({ model: embedder.model, stored }, 'embedded experience texts');
  }
  if (stored > 0) logger.info({ model: embedder.model, stored }, 'embedded experience texts');
  return stored;
}
