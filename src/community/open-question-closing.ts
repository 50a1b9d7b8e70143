import type { Db } from '../db/db.ts';
import type { DecisionPorts } from './curation-decision.ts';
import { queueOpenQuestionSettled } from '../jobs/open-question-posts.ts';
import { recordAudit } from '../knowledge/experiences/audit.ts';
import { can, isRole } from '../knowledge/experiences/roles.ts';

export type CloseOpenQuestion = (input: { openQuestionId: number; memberId: number }) => Promise<'closed' | 'not-open' | 'forbidden'>;

/**
 * Staff close an open question nobody will answer: its posts say so, it takes no more answers,
 * its asker is told (they were promised the community's answers), and the audit log says who
 * closed it, in the same transaction.
 */
export function createCloseOpenQuestion(db: Db, notify: DecisionPorts['notify']): CloseOpenQuestion {
  return ({ openQuestionId, memberId }) =>
    db.transaction(async (tx) => {
      const [actor] = await tx.query<{ role: string }>(`SELECT role FROM members WHERE id = $1 AND forgotten_at IS NULL FOR SHARE`, [memberId]);
      if (!actor || !isRole(actor.role) || !can({ memberId, role: actor.role }, 'open-question.close')) return 'forbidden';
      const [closed] = await tx.query<{ member_id: string | number | null; text: string }>(
        `UPDATE open_questions SET status = 'closed' WHERE id = $1 AND status = 'open' RETURNING member_id, text`,
        [openQuestionId],
      );
      if (!closed) return 'not-open';
      if (closed.member_id !== null) await notify({ memberId: Number(closed.member_id) }, 'community-question-closed-notice', { question: closed.text }, tx);
      await recordAudit(tx, {
        actorId: memberId,
        action: 'open-question.close',
        subject: `open-question:${openQuestionId}`,
        before: { status: 'open' },
        after: { status: 'closed' },
      });
      await queueOpenQuestionSettled(tx, openQuestionId);
      return 'closed';
    });
}
