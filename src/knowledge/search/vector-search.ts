import type { TextScore } from './fusion.ts';
import type { Queryable } from '../../db/db.ts';

/** Turns texts into embedding vectors (an OpenAI-compatible model, or a fake in tests). */
export interface Embedder {
  model: string;
  /** `signal` ends the call early (the question's time ran out). */
  embed(texts: string[], options?: { signal?: AbortSignal }): Promise<number[][]>;
}

/** A text's cosine similarity to the question, in [-1, 1], as its score. */
export type VectorHit = TextScore;

/**
 * Nearest published texts by cosine distance, exact scan over this model's embeddings (fine at the
 * sizes we run; an HNSW index can come later without changing this query).
 */
export async function vectorSearch(
  db: Queryable,
  model: string,
  vector: number[],
  filters: { country?: string; industry?: string },
  limit: number,
): Promise<VectorHit[]> {
  const rows = await db.query<VectorHit>(
    `SELECT t.experience_id::int AS "experienceId", e.external_id AS "externalId", e.country, e.industry, t.language,
            1 - (v.embedding <=> $1::vector) AS score
     FROM text_embeddings v
     JOIN experience_texts t ON t.id = v.text_id
     JOIN experiences e ON e.id = t.experience_id
     WHERE v.model = $2 AND e.status = 'published' AND vector_dims(v.embedding) = vector_dims($1::vector)
       AND ($3::text IS NULL OR e.country = $3) AND ($4::text IS NULL OR e.industry = $4)
     ORDER BY v.embedding <=> $1::vector
     LIMIT $5`,
    [`[${vector.join(',')}]`, model, filters.country ?? null, filters.industry ?? null, limit],
  );
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
}
