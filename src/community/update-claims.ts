import type { Queryable } from '../db/db.ts';
import { MEMBER_COLUMNS, memberFromRow, type Member, type MemberRow, type MembersRepository } from './members.ts';

// The claim is a data-modifying CTE, so it runs whatever the SELECT reads; the joins hang off one
// row so the claim's answer comes back even for a stranger with no stored state.
const CLAIM = `WITH claimed AS (
  INSERT INTO processed_updates (update_id) VALUES ($1) ON CONFLICT (update_id) DO NOTHING RETURNING update_id
)
SELECT EXISTS (SELECT 1 FROM claimed) AS claimed, s.value AS state, m.*
FROM (SELECT 1) AS one
LEFT JOIN (SELECT ${MEMBER_COLUMNS} FROM members WHERE telegram_id = $2) AS m ON true
LEFT JOIN sessions AS s ON s.key = $3`;

type ClaimRow = { claimed: boolean; state: unknown } & ({ id: null } | MemberRow);

export interface UpdateToClaim {
  updateId: number;
  /**
   * The person whose own message or press this is. `register`: they become (again) a member when
   * they are not one (in a private chat with the bot); otherwise only an existing member is read,
   * so talking in a group the bot is in registers nobody.
   */
  sender?: { telegramId: number; name: string; register: boolean };
  /** A `sessions` row to read along (the chat's conversation state), so it costs no extra trip. */
  stateKey?: string;
}

export type UpdateClaim = { claimed: false } | { claimed: true; member?: Member; state: unknown };

export type ClaimUpdate = (update: UpdateToClaim) => Promise<UpdateClaim>;

/**
 * Claims an incoming update so each update id is handled at most once, whichever process
 * receives it and however often it is delivered; the claim comes before handling, so a crash
 * half-way does not make the member see an answer twice. In the same round trip it reads the
 * sender's member row (creating it on first contact) and one stored state row: three statements
 * one after another were a quarter of a question's trips to the database. Old ids are pruned by
 * a housekeeping job (src/jobs/housekeeping.ts), not here.
 */
export function createClaimUpdate(db: Queryable, members: Pick<MembersRepository, 'upsertFromTelegram'>): ClaimUpdate {
  return async ({ updateId, sender, stateKey }) => {
    const [row] = (await db.query<ClaimRow>(CLAIM, [updateId, sender?.telegramId ?? null, stateKey ?? null])) as [ClaimRow];
    if (!row.claimed) return { claimed: false };
    const known = row.id === null ? null : memberFromRow(row);
    const member = !sender ? undefined : sender.register ? await members.upsertFromTelegram(sender, known) : (known ?? undefined);
    return { claimed: true, ...(member ? { member } : {}), state: row.state ?? undefined };
  };
}

/**
 * The highest update number recorded as handled (0 when none). A front end that numbers its
 * own updates (the console's emulator) starts above it, so a restart never hands the bot a
 * number that the once-only claim would skip as already handled.
 */
export async function highestHandledUpdateId(db: Queryable): Promise<number> {
  const [row] = await db.query<{ id: number }>('SELECT coalesce(max(update_id), 0)::float8 AS id FROM processed_updates');
  return row?.id ?? 0;
}

/**
 * Forgets the claims of updates whose handling failed because the database did not answer. A
 * claim sent on a failing link may have been recorded even though its answer never came back;
 * nothing else of those updates was done, and Telegram delivers them again, so their claims must
 * not make the next delivery look handled. Only the process that saw the failure calls this,
 * before it fetches those updates again.
 */
export async function releaseUpdateClaims(db: Pick<Queryable, 'query'>, updateIds: readonly number[]): Promise<void> {
  await db.query('DELETE FROM processed_updates WHERE update_id = ANY($1::bigint[])', [updateIds]);
}
