import type { Db, Queryable } from '../db/db.ts';
import { recordAudit } from '../knowledge/experiences/audit.ts';
import { can, isStaff, type Actor, type Role } from '../knowledge/experiences/roles.ts';

/** Someone acting, as the database knows them at this moment. */
export interface StaffActor extends Actor {
  telegramId: number;
  name?: string;
}

export interface StaffMember {
  memberId: number;
  telegramId: number;
  name?: string;
  role: Exclude<Role, 'member'>;
}

export type SetRoleResult =
  | { kind: 'done'; target: StaffMember | { memberId: number; telegramId: number; name?: string; role: 'member' }; before: Role }
  /** Nothing to do: the person already has this role. */
  | { kind: 'unchanged'; role: Role; name?: string }
  | { kind: 'forbidden' }
  /** Admins come from ADMIN_IDS only; /staff does not change them. */
  | { kind: 'target-is-admin'; name?: string };

type ActorRow = { id: string | number; telegram_id: string | number; role: Role; name: string | null };

const toActor = (r: ActorRow): StaffActor => ({
  memberId: Number(r.id),
  telegramId: Number(r.telegram_id),
  role: r.role,
  ...(r.name !== null ? { name: r.name } : {}),
});

/**
 * The member behind a Telegram user as they are now, read in `q` (lock it with `forShare` inside
 * a transaction, so a role cannot change under a decision). Undefined for someone unknown or
 * forgotten: they act as nobody.
 */
export async function actorByTelegramId(q: Queryable, telegramId: number, options: { forShare?: boolean } = {}): Promise<StaffActor | undefined> {
  const [row] = await q.query<ActorRow>(
    `SELECT id, telegram_id, role, name FROM members WHERE telegram_id = $1 AND forgotten_at IS NULL${options.forShare ? ' FOR SHARE' : ''}`,
    [telegramId],
  );
  return row ? toActor(row) : undefined;
}

export type Staff = ReturnType<typeof createStaff>;

/** Who the center staff are: admins from the configuration, curators named by an admin. */
export function createStaff(db: Db) {
  return {
    /** Whether this Telegram user is staff right now (read from the database, never cached). */
    async staffActor(telegramId: number): Promise<StaffActor | undefined> {
      const actor = await actorByTelegramId(db, telegramId);
      return actor && isStaff(actor.role) ? actor : undefined;
    },

    /**
     * Makes exactly the members with these Telegram ids admins (creating their member rows), at
     * every start. An admin no longer listed becomes an ordinary member: the least a removal can
     * mean, and an admin may make them a curator again. Each change is audited (actor: the system).
     */
    async applyAdminIds(adminTelegramIds: readonly number[]): Promise<{ promoted: number; demoted: number }> {
      return db.transaction(async (tx) => {
        const demoted = await tx.query<{ id: string | number }>(
          `UPDATE members SET role = 'member' WHERE role = 'admin' AND NOT (telegram_id = ANY($1::bigint[])) RETURNING id`,
          [adminTelegramIds],
        );
        const promoted = await tx.query<{ id: string | number; before: Role | null }>(
          `WITH before AS (SELECT id, telegram_id, role FROM members WHERE telegram_id = ANY($1::bigint[]) FOR UPDATE)
           INSERT INTO members (telegram_id, role) SELECT unnest($1::bigint[]), 'admin'
           ON CONFLICT (telegram_id) DO UPDATE SET role = 'admin' WHERE members.role <> 'admin'
           RETURNING id, (SELECT role FROM before WHERE before.telegram_id = members.telegram_id) AS before`,
          [adminTelegramIds],
        );
        for (const row of demoted) {
          await recordAudit(tx, {
            actorId: null,
            action: 'member.set-role',
            subject: `member:${row.id}`,
            before: { role: 'admin' },
            after: { role: 'member' },
          });
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
    },

    /**
     * An admin makes someone a curator (`curator`) or takes it back (`member`). The person is
     * named by Telegram id; one who never talked to the bot gets a member row, so the role awaits them.
     */
    async setRole(input: { actorTelegramId: number; targetTelegramId: number; targetName?: string; role: 'curator' | 'member' }): Promise<SetRoleResult> {
      return db.transaction(async (tx) => {
        const actor = await actorByTelegramId(tx, input.actorTelegramId, { forShare: true });
        if (!actor || !can(actor, 'member.set-role')) return { kind: 'forbidden' };
        await tx.query('INSERT INTO members (telegram_id, name) VALUES ($1, $2) ON CONFLICT (telegram_id) DO NOTHING', [
          input.targetTelegramId,
          input.targetName ?? null,
        ]);
        const [row] = await tx.query<ActorRow>('SELECT id, telegram_id, role, name FROM members WHERE telegram_id = $1 FOR UPDATE', [input.targetTelegramId]);
        const target = toActor(row!);
        const named = target.name !== undefined ? { name: target.name } : {};
        if (target.role === 'admin') return { kind: 'target-is-admin', ...named };
        if (target.role === input.role) return { kind: 'unchanged', role: target.role, ...named };
        await tx.query('UPDATE members SET role = $2 WHERE id = $1', [target.memberId, input.role]);
        await recordAudit(tx, {
          actorId: actor.memberId,
          action: 'member.set-role',
          subject: `member:${target.memberId}`,
          before: { role: target.role },
          after: { role: input.role },
        });
        return { kind: 'done', target: { ...target, role: input.role }, before: target.role };
      });
    },

    /** The staff, admins first, then by name; for an admin only. */
    async list(actorTelegramId: number): Promise<{ kind: 'forbidden' } | { kind: 'list'; staff: StaffMember[] }> {
      const actor = await actorByTelegramId(db, actorTelegramId);
      if (!actor || !can(actor, 'member.set-role')) return { kind: 'forbidden' };
      const rows = await db.query<ActorRow>(
        `SELECT id, telegram_id, role, name FROM members WHERE role IN ('curator', 'admin') AND forgotten_at IS NULL
         ORDER BY role = 'admin' DESC, name NULLS LAST, telegram_id`,
      );
      return { kind: 'list', staff: rows.map((r) => toActor(r) as StaffMember) };
    },
  };
}
