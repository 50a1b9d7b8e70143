import type { Context, NextFunction } from 'grammy';
import { MEMBER_COLUMNS, memberFromRow, type MemberRow, type MembersRepository } from '../../community/members.ts';
import type { Queryable } from '../../db/db.ts';
import type { BotContextExtras } from '../context.ts';
import type { PrefetchingStorage } from '../db-storage.ts';
import { languageFromTelegram } from '../i18n.ts';

// The claim is a data-modifying CTE, so it runs whatever the SELECT reads; the joins hang off one
// row so the claim's answer comes back even for a stranger with no conversation.
const INTAKE = `WITH claimed AS (
  INSERT INTO processed_updates (update_id) VALUES ($1) ON CONFLICT (update_id) DO NOTHING RETURNING update_id
)
SELECT EXISTS (SELECT 1 FROM claimed) AS claimed, s.value AS conversation, m.*
FROM (SELECT 1) AS one
LEFT JOIN (SELECT ${MEMBER_COLUMNS} FROM members WHERE telegram_id = $2) AS m ON true
LEFT JOIN sessions AS s ON s.key = $3`;

type IntakeRow = { claimed: boolean; conversation: unknown } & ({ id: null } | MemberRow);

/**
 * What every update needs before a feature runs, in one round trip to the database:
 * - the update claimed, so each update_id is handled at most once, whichever replica receives it
 *   and however often Telegram (or a restart before the offset was confirmed) delivers it; the
 *   claim comes before handling, so a crash half-way does not make the member see an answer twice
 *   (old ids are pruned by a housekeeping job, src/jobs/housekeeping.ts);
 * - the member behind ctx.from (created on first contact) and the update's language: the
 *   member's own choice from /language, else Telegram's language_code;
 * - the chat's conversation state, handed to the conversations plugin's first read.
 * Three statements, one after another, were a quarter of a question's trips to the database.
 */
export function intake<T>(deps: { db: Queryable; members: Pick<MembersRepository, 'upsertFromTelegram'>; conversations: PrefetchingStorage<T>; conversationKey: (ctx: Context) => string | undefined }) {
  return async (ctx: Context & BotContextExtras, next: NextFunction): Promise<void> => {
    const updateId = ctx.update.update_id;
    // Only a member's own message or press makes them a member (again, after /forget).
    const acting = ctx.message !== undefined || ctx.callbackQuery !== undefined;
    const from = acting && ctx.from && !ctx.from.is_bot ? ctx.from : undefined;
    const key = deps.conversationKey(ctx);
    const [row] = (await deps.db.query<IntakeRow>(INTAKE, [updateId, from?.id ?? null, key === undefined ? null : deps.conversations.rowKey(key)])) as [IntakeRow];
    if (!row.claimed) {
      ctx.log.info('update already handled, skipped');
      return;
    }
    if (from) {
      const name = [from.first_name, from.last_name].filter(Boolean).join(' ');
      ctx.member = await deps.members.upsertFromTelegram({ telegramId: from.id, name }, row.id === null ? null : memberFromRow(row));
    }
    ctx.locale = ctx.member?.language ?? languageFromTelegram(from?.language_code);
    const withdraw = key === undefined ? undefined : deps.conversations.prefetch(key, (row.conversation ?? undefined) as T | undefined);
    try {
      await next();
    } finally {
      withdraw?.();
    }
  };
}
