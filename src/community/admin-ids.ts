import type { Db } from '../db/db.ts';
import { recordAudit } from '../knowledge/experiences/audit.ts';

/**
 * Makes exactly the members with these Telegram ids admins (creating their member rows): ADMIN_IDS
 * applied. An admin no longer listed becomes an ordinary member. Each change is audited, the
 * system acting. Returns how many were promoted and demoted.
 */
export async function applyAdminIds(db: Db, adminTelegramIds: readonly number[]): Promise<{ promoted: number; demoted: number }> {
  return db.transaction(async (tx) => {
    const demoted = await tx.query<{ id: string | number }>(
      `UPDATE members SET role = 'member' WHERE role = 'admin' AND NOT (telegram_id = ANY($1::bigint[])) RETURNING id`,
      [adminTelegramIds],
    );
    const promoted = await tx.query<{ id: string | number; before: string | null }>(
      `WITH before AS (SELECT id, telegram_id, role FROM members WHERE telegram_id = ANY($1::bigint[]) FOR UPDATE)
       INSERT INTO members (telegram_id, role) SELECT unnest($1::bigint[]), 'admin'
       ON CONFLICT (telegram_id) DO UPDATE SET role = 'admin' WHERE members.role <> 'admin'
       RETURNING id, (SELECT role FROM before WHERE before.telegram_id = members.telegram_id) AS before`,
      [adminTelegramIds],
    );
    for (const row of demoted) {
      await recordAudit(tx, { actorId: null, action: 'member.set-role', subject: `member:${row.id}`, before: { role: 'admin' }, after: { role: 'member' } });
    }
    for (const row of promoted) {
      await recordAudit(tx, {
        actorId: null,
        action: 'member.set-role',
        subject: `member:${row.id}`,
        before: { role: row.before ?? 'member' },
        after: { role: 'admin' },
      });
    }
    return { promoted: promoted.length, demoted: demoted.length };
  });
}
