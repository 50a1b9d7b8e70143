import MiniSearch from 'minisearch';
import type { Db } from '../src/db/db.ts';
import type { EvalQuestion } from '../src/knowledge/evaluation/eval.ts';
import type { QuestionOutcome } from '../src/knowledge/evaluation/metrics.ts';
import { searchTokens } from '../src/text/tokenize.ts';

type Ask = (q: EvalQuestion) => Promise<{ ranked: string[]; abstained: boolean }>;

export async function runBaseline(ask: Ask, questions: EvalQuestion[]): Promise<QuestionOutcome[]> {
  const out: QuestionOutcome[] = [];
  for (const q of questions) {
    const r = await ask(q);
    out.push({
      id: q.id,
      kind: q.kind,
      language: q.language,
      relevant: q.relevant,
      ranked: r.ranked,
      abstained: r.abstained,
      tier: r.abstained ? 'nothing' : 'answered',
      confidence: r.abstained ? 0 : 1,
    });
  }
  return out;
}

/** Plain PostgreSQL full text: to_tsvector('simple') over the raw fields, plainto_tsquery, ts_rank. Abstains when nothing matches. */
export function postgresBaseline(db: Db): Ask {
  return async (q) => {
    const rows = await db.query<{ external_id: string }>(
      `SELECT e.external_id, max(ts_rank(d.v, plainto_tsquery('simple', $1))) AS s
       FROM experience_texts t JOIN experiences e ON e.id = t.experience_id,
            LATERAL (SELECT to_tsvector('simple', t.title || ' ' || t.problem || ' ' || t.solution || ' ' || coalesce(t.outcome, '')) AS v) d
       WHERE e.status = 'published' AND d.v @@ plainto_tsquery('simple', $1)
       GROUP BY e.external_id ORDER BY s DESC, e.external_id LIMIT 10`,
      [q.text],
    );
    return { ranked: rows.map((r) => r.external_id), abstained: rows.length === 0 };
  };
}

interface TextRow {
  id: number;
  external_id: string;
  title: string;
  problem: string;
  solution: string;
  outcome: string | null;
  search_text: string;
}

async function texts(db: Db): Promise<TextRow[]> {
  return db.query<TextRow>(
    `SELECT t.id::int, e.external_id, t.title, t.problem, t.solution, t.outcome, t.search_text
     FROM experience_texts t JOIN experiences e ON e.id = t.experience_id WHERE e.status = 'published'`,
  );
}

function grouped(results: { id: number; score: number }[], byText: Map<number, string>): string[] {
  const best = new Map<string, number>();
  for (const r of results) {
    const ext = byText.get(r.id)!;
    if (!best.has(ext)) best.set(ext, r.score);
  }
  return [...best.keys()].slice(0, 10);
}

/** MiniSearch with its default options over the raw text fields. Abstains when nothing matches. */
export async function miniSearchBaseline(db: Db): Promise<Ask> {
  const rows = await texts(db);
  const index = new MiniSearch<TextRow>({ fields: ['title', 'problem', 'solution', 'outcome'] });
  index.addAll(rows.map((r) => ({ ...r, outcome: r.outcome ?? '' })));
  const byText = new Map(rows.map((r) => [r.id, r.external_id]));
  return async (q) => {
    const ranked = grouped(index.search(q.text), byText);
    return { ranked, abstained: ranked.length === 0 };
  };
}

/** MiniSearch fed the project's own tokens (search_text), to separate tokenisation from ranking. */
export async function miniSearchTokensBaseline(db: Db): Promise<Ask> {
  const rows = await texts(db);
  const split = (s: string) => s.split(' ').filter((t) => t !== '');
  const index = new MiniSearch<TextRow>({ fields: ['search_text'], tokenize: split, processTerm: (t) => t });
  index.addAll(rows);
  const byText = new Map(rows.map((r) => [r.id, r.external_id]));
  return async (q) => {
    const ranked = grouped(index.search(searchTokens(q.text, q.language).join(' ')), byText);
    return { ranked, abstained: ranked.length === 0 };
  };
}
