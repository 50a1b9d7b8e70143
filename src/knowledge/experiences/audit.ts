import type { Queryable } from '../../db/db.ts';
import type { Action } from './roles.ts';

/** What an audit row says: who did what to which thing, and the thing before and after. */
export interface AuditEntry {
  /** The member who acted; null for the system, or when naming them would defeat the action (erasure). */
  actorId: number | null;
  /** `experience.consent`: the author of a message saved with /save said whether it is kept and named (or could not be asked). */
  action: Action | 'member.forget' | 'knowledge.import' | 'experience.consent' | 'contribution.structure';
  /** What was acted on, e.g. `experience:42`; null when that would name someone erased. */
  subject: string | null;
  /** The changed fields as they were and became, e.g. `{ status: 'pending' }` → `{ status: 'published' }`. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** Defaults to the transaction's time. */
  at?: Date;
}

/**
 * Writes one audit row (table audit_log, migration 0003) with the caller's transaction, so the
 * row exists exactly when the change it records does. The call site shape:
 *
 * ```ts
 * await db.transaction(async (tx) => {
 *   const [row] = await tx.query('SELECT status, contributor_member_id FROM experiences WHERE id = $1 FOR UPDATE', [id]);
 *   const decision = decideStatusChange(actor, 'experience.publish', { status: row.status, ... });
 *   if (!decision.ok) return decision;
 *   await tx.query('UPDATE experiences SET status = $2 WHERE id = $1', [id, decision.to]);
 *   await recordAudit(tx, { actorId: actor.memberId, action: 'experience.publish', subject: `experience:${id}`,
 *     before: { status: decision.from }, after: { status: decision.to } });
 *   // …and queue the member's notification in the same transaction.
 * });
 * ```
 */
export async function recordAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  const details = { ...(entry.before !== undefined ? { before: entry.before } : {}), ...(entry.after !== undefined ? { after: entry.after } : {}) };
  await tx.query(`INSERT INTO audit_log (actor_id, action, subject, details, created_at) VALUES ($1, $2, $3, $4::jsonb, COALESCE($5::timestamptz, now()))`, [
    entry.actorId,
    entry.action,
    entry.subject,
    JSON.stringify(details),
    entry.at?.toISOString() ?? null,
  ]);
}

/** The audit rows about `subject`, oldest first, as AuditEntry. */
export async function auditTrail(q: Queryable, subject: string): Promise<(AuditEntry & { at: Date })[]> {
  const rows = await q.query<{
    actor_id: string | null;
    action: AuditEntry['action'];
    subject: string | null;
    details: { before?: Record<string, unknown>; after?: Record<string, unknown> };
    at: Date | string;
  }>('SELECT actor_id, action, subject, details, created_at AS at FROM audit_log WHERE subject = $1 ORDER BY id', [subject]);
  return rows.map((r) => ({
    actorId: r.actor_id === null ? null : Number(r.actor_id),
    action: r.action,
    subject: r.subject,
    ...(r.details.before !== undefined ? { before: r.details.before } : {}),
    ...(r.details.after !== undefined ? { after: r.details.after } : {}),
    at: new Date(r.at),
  }));
}

/** One audit row as `sme-bridge audit` prints it: the actor named by Telegram id (null: the system, or erased). */
export interface AuditLogEntry {
  at: Date;
  actorTelegramId: number | null;
  action: string;
  subject: string | null;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** The audit log, oldest first, from `since` on. */
export async function readAuditLog(q: Queryable, options: { since?: Date } = {}): Promise<AuditLogEntry[]> {
  const rows = await q.query<{
    at: Date | string;
    telegram_id: string | number | null;
    action: string;
    subject: string | null;
    details: { before?: Record<string, unknown>; after?: Record<string, unknown> };
  }>(
    `SELECT a.created_at AS at, m.telegram_id, a.action, a.subject, a.details
     FROM audit_log a LEFT JOIN members m ON m.id = a.actor_id
     WHERE a.created_at >= COALESCE($1::timestamptz, '-infinity') ORDER BY a.created_at, a.id`,
    [options.since?.toISOString() ?? null],
  );
  return rows.map((r) => ({
    at: new Date(r.at),
    actorTelegramId: r.telegram_id === null ? null : Number(r.telegram_id),
    action: r.action,
    subject: r.subject,
    ...(r.details.before !== undefined ? { before: r.details.before } : {}),
    ...(r.details.after !== undefined ? { after: r.details.after } : {}),
  }));
}
