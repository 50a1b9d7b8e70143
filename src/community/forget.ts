import type { Db, Queryable } from '../db/db.ts';
import { deleteTextRows, TermDeltas } from '../knowledge/search-index.ts';

/** What happens to a forgotten member's published experiences; unpublished ones always go. */
export type ContributionChoice = 'delete' | 'anonymise';

export interface ForgetSummary {
  memberFound: boolean;
  questions: number;
  openQuestions: number;
  feedback: number;
  sessions: number;
  deletedExperiences: number;
  anonymisedExperiences: number;
}

/**
 * Erases a member (profile, questions and their answers, feedback, open questions, session and
 * conversation state, private chat row, rate-limit counters) in one transaction.
 * `telegramChatKeys` are the chat or user ids whose session rows (`<namespace>:<key>` or
 * `<namespace>:<key>:…`) must go. Published contributions are deleted or kept with the contributor cleared, as the member chose; pending,
 * draft and rejected ones are deleted either way, since they never became shared knowledge.
 * Leaves one audit row that names no one.
 */
export async function forgetMember(
  db: Db,
  memberId: number,
  telegramChatKeys: readonly string[],
  options: { contributions: ContributionChoice },
): Promise<ForgetSummary> {
  return db.transaction(async (tx) => {
    const [member] = await tx.query<{ id: string }>('SELECT id FROM members WHERE id = $1 FOR UPDATE', [memberId]);
    const counts = await countOwned(tx, memberId);

    const keep = options.contributions === 'anonymise' ? ['published', 'archived'] : [];
    const doomed = await tx.query<{ id: string }>(
      `SELECT id FROM experiences WHERE contributor_member_id = $1 AND NOT (status = ANY($2::text[]))`,
      [memberId, keep],
    );
    const doomedIds = doomed.map((r) => r.id);
    await deleteExperiences(tx, doomedIds);
    const anonymised = await tx.query<{ id: string }>(
      `UPDATE experiences
          SET contributor_name = NULL, contributor_company = NULL, contributor_city = NULL,
              contributor_member_id = NULL, updated_at = now()
        WHERE contributor_member_id = $1
        RETURNING id`,
      [memberId],
    );

    // Cascades remove questions, their citations, feedback and open questions.
    await tx.query('DELETE FROM members WHERE id = $1', [memberId]);
    const keys = [...telegramChatKeys];
    const sessions = await tx.query<{ key: string }>(
      `DELETE FROM sessions s
        WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS k
                       WHERE right(s.key, length(k) + 1) = ':' || k OR strpos(s.key, ':' || k || ':') > 0)
        RETURNING key`,
      [keys],
    );
    await tx.query(`DELETE FROM chats WHERE kind = 'private' AND chat_id::text = ANY($1::text[])`, [keys]);
    // Rate-limit counters are keyed `<purpose>:<member id>`.
    await tx.query(`DELETE FROM rate_limits WHERE right(key, length($1) + 1) = ':' || $1`, [String(memberId)]);

    const summary: ForgetSummary = {
      memberFound: member !== undefined,
      ...counts,
      sessions: sessions.length,
      deletedExperiences: doomedIds.length,
      anonymisedExperiences: anonymised.length,
    };
    // The audit trail records that an erasure happened and its size, never who it was.
    await tx.query(`INSERT INTO audit_log (actor_id, action, subject, details) VALUES (NULL, 'member.forget', NULL, $1)`, [
      JSON.stringify({ contributions: options.contributions, ...summary }),
    ]);
    return summary;
  });
}

async function countOwned(tx: Queryable, memberId: number) {
  const [row] = await tx.query<{ questions: string; open_questions: string; feedback: string }>(
    `SELECT (SELECT count(*) FROM questions WHERE member_id = $1) AS questions,
            (SELECT count(*) FROM open_questions WHERE member_id = $1) AS open_questions,
            (SELECT count(*) FROM feedback WHERE member_id = $1) AS feedback`,
    [memberId],
  );
  return { questions: Number(row?.questions ?? 0), openQuestions: Number(row?.open_questions ?? 0), feedback: Number(row?.feedback ?? 0) };
}

/** Deletes experiences through the search index's own bookkeeping, so term_stats stays exact. */
async function deleteExperiences(tx: Queryable, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const deltas = new TermDeltas();
  await deleteTextRows(tx, 't.experience_id = ANY($1::bigint[])', [ids], deltas);
  await deltas.apply(tx);
  await tx.query('DELETE FROM experiences WHERE id = ANY($1::bigint[])', [ids]);
}
