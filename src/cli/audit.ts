import type { Command } from 'commander';
import { readAuditLog } from '../knowledge/experiences/audit.ts';
import { UserError, type CliContext } from './context.ts';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('audit')
    .description(
      'Print the audit log of staff actions (roles, approvals, rejections, merges, edits, imports, erasures), oldest first: when, who (Telegram id), what, on which record, and the values before and after.',
    )
    .option('--since <date>', 'only entries from this day or moment on (YYYY-MM-DD, or an ISO 8601 date and time)')
    .option('--json', 'one JSON object per line: at, actor_telegram_id, action, subject, before, after')
    .action(async (options: { since?: string; json?: boolean }) => {
      const since = options.since === undefined ? undefined : parseSince(options.since);
      const app = await ctx.openApp(ctx.loadConfig());
      try {
        const entries = await readAuditLog(app.db, since ? { since } : {});
        for (const e of entries) {
          const row = {
            at: e.at.toISOString(),
            actor_telegram_id: e.actorTelegramId,
            action: e.action,
            subject: e.subject,
            before: e.before ?? null,
            after: e.after ?? null,
          };
          if (options.json) ctx.out(JSON.stringify(row));
          else {
            const who = e.actorTelegramId === null ? 'system' : `telegram:${e.actorTelegramId}`;
            ctx.out(`${row.at}  ${who}  ${e.action}  ${e.subject ?? '-'}  ${JSON.stringify(row.before)} → ${JSON.stringify(row.after)}`);
          }
        }
        if (!options.json && entries.length === 0) ctx.out(since ? `No audit entries since ${since.toISOString()}` : 'The audit log is empty');
      } finally {
        await app.close();
      }
    });
}

function parseSince(value: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new UserError(`--since: "${value}" is not a date; expected YYYY-MM-DD (a day, in UTC) or an ISO 8601 date and time such as 2026-12-06T14:00:00Z.`);
  }
  return date;
}
