import type { Queryable } from '../db/db.ts';
import type { Language } from '../text/language.ts';
import type { ChineseScript } from '../text/chinese-convert.ts';
import { isInstanceGone } from '../db/process-liveness.ts';
import { MEMBER_COLUMNS, memberFromRow, type Member, type MemberRow, type MembersRepository } from './members.ts';

/**
 * Handlers of an update not yet claimed, for the process named after the prefix: it took the
 * update over from a dead process (see takeOverUnfinishedUpdates), or it received the update and
 * recorded it before anything else (see recordReceivedUpdates). Its own claim then succeeds once.
 */
const RESUMING = 'resuming:';
const RECEIVED = 'received:';
const NOT_YET_CLAIMED = new RegExp(`^(${RESUMING}|${RECEIVED})`);

// The claim is a data-modifying CTE, so it runs whatever the SELECT reads; the joins hang off one
// row so the claim's answer comes back even for a stranger with no stored state.
const CLAIM = `WITH claimed AS (
  INSERT INTO processed_updates AS p (update_id, unfinished, handler) VALUES ($1, $4::jsonb, $5)
  ON CONFLICT (update_id) DO UPDATE SET handler = EXCLUDED.handler
  WHERE p.handler IN ('${RESUMING}' || EXCLUDED.handler, '${RECEIVED}' || EXCLUDED.handler)
  RETURNING update_id
)
SELECT EXISTS (SELECT 1 FROM claimed) AS claimed, s.value AS state, m.*
FROM (SELECT 1) AS one
LEFT JOIN (SELECT ${MEMBER_COLUMNS} FROM members WHERE telegram_id = $2) AS m ON true
LEFT JOIN sessions AS s ON s.key = $3`;

type ClaimRow = { claimed: boolean; state: unknown } & ({ id: null } | MemberRow);

export interface UpdateToClaim {
  updateId: number;
  /**
   * The update as Telegram sent it, without control characters (jsonb refuses a null character;
   * the bot strips them at intake): kept until its handling finishes, for whoever must take it over.
   */
  update: unknown;
  /**
   * The person whose own message or press this is. `register`: they become (again) a member when
   * they are not one (in a private chat with the bot); otherwise only an existing member is read,
   * so talking in a group the bot is in registers nobody (an existing member's name is kept up to date).
   */
  sender?: { telegramId: number; name: string; register: boolean; language?: Language; chineseScript?: ChineseScript };
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
export function createClaimUpdate(db: Queryable, members: Pick<MembersRepository, 'upsertFromTelegram'>, instance: string): ClaimUpdate {
  return async ({ updateId, update, sender, stateKey }) => {
    const [row] = (await db.query<ClaimRow>(CLAIM, [updateId, sender?.telegramId ?? null, stateKey ?? null, JSON.stringify(update), instance])) as [ClaimRow];
    if (!row.claimed) return { claimed: false };
    const known = row.id === null ? null : memberFromRow(row);
    // A member's name is kept as Telegram gives it wherever they act: a curator who never wrote to the bot privately is named on the cards they decide.
    const member = !sender ? undefined : sender.register || known ? await members.upsertFromTelegram(sender, known) : undefined;
    return { claimed: true, ...(member ? { member } : {}), state: row.state ?? undefined };
  };
}

/**
 * Says an update's handling finished (answered, refused, or failed for good): nobody need take it
 * over, and the copy of it kept meanwhile (the member's words) is dropped.
 */
export async function finishUpdate(db: Pick<Queryable, 'query'>, updateId: number): Promise<void> {
  await db.query(finishUpdateStatement('$1'), [updateId]);
}

/** finishUpdate's statement, the update's id in `param`: also a part of the statement that records a question. */
export const finishUpdateStatement = (param: string) => `UPDATE processed_updates SET unfinished = NULL WHERE update_id = ${param}`;

/**
 * An update whose handling a use case marks finished in a statement of its own (a round trip
 * fewer than finishing it after): `finished` is called once that statement committed.
 */
export interface HandledUpdate {
  updateId: number;
  finished(): void;
}

/**
 * Records updates this process (`instance`) received and has not handled yet, in one statement,
 * before Telegram is told they were received (long polling's next offset, a webhook call's
 * answer): until each is claimed, it waits in memory (behind an earlier update of its chat), and
 * a process killed meanwhile would lose it — Telegram does not send it again, and nothing else
 * says it exists. Should this process die, another takes them over like unfinished ones.
 * `updates` are cleaned of control characters (jsonb refuses a null character). An update
 * already recorded (sent again, or handled) is left as it is: its claim decides.
 */
export async function recordReceivedUpdates(db: Pick<Queryable, 'query'>, updates: readonly { update_id: number }[], instance: string): Promise<void> {
  if (updates.length === 0) return;
  await db.query(
    `INSERT INTO processed_updates (update_id, unfinished, handler)
     SELECT (u->>'update_id')::bigint, u, $2 FROM jsonb_array_elements($1::jsonb) AS u
     ON CONFLICT (update_id) DO NOTHING`,
    [JSON.stringify(updates), RECEIVED + instance],
  );
}

/** How long an update may be handled by a process of another machine before it is taken over (far beyond any question's budget). */
const FOREIGN_HANDLER_LEASE = '10 minutes';

/**
 * Takes over the updates a process received or began and left unfinished — a process of this
 * machine that is no longer running, or of another machine that held one for over ten minutes —
 * and returns them (oldest first, so each chat's stay in order) for this process (`instance`) to
 * handle: its claim of each then succeeds once. Two processes taking over at once each get
 * different updates.
 */
export async function takeOverUnfinishedUpdates(db: Pick<Queryable, 'query'>, instance: string): Promise<unknown[]> {
  const rows = await db.query<{ handler: string | null; stale: boolean }>(
    `SELECT DISTINCT handler, processed_at < now() - interval '${FOREIGN_HANDLER_LEASE}' AS stale
     FROM processed_updates WHERE unfinished IS NOT NULL AND coalesce(handler, '') NOT IN ($1, $2 || $1, $3 || $1)`,
    [instance, RESUMING, RECEIVED],
  );
  // A process that died before claiming what it took or received ('resuming:<it>', 'received:<it>') is gone like any other.
  const isGone = (r: { handler: string | null; stale: boolean }) => r.handler === null || r.stale || isInstanceGone(r.handler.replace(NOT_YET_CLAIMED, ''));
  const gone = [...new Set(rows.filter(isGone).map((r) => r.handler ?? ''))];
  if (gone.length === 0) return [];
  const taken = await db.query<{ id: number; update: unknown }>(
    `UPDATE processed_updates SET handler = $1 || $2
     WHERE unfinished IS NOT NULL AND coalesce(handler, '') = ANY($3::text[])
     RETURNING update_id::float8 AS id, unfinished AS update`,
    [RESUMING, instance, gone],
  );
  return taken.sort((a, b) => a.id - b.id).map((r) => r.update);
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
