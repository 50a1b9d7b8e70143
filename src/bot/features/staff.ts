import { Composer } from 'grammy';
import type { BotContext, BotDeps } from '../context.ts';
import { escapeHtml } from '../render/html.ts';

const HTML = { parse_mode: 'HTML' } as const;
const TELEGRAM_ID = /^[1-9]\d{0,15}$/;

/**
 * /staff: the list of center staff; `/staff add` and `/staff remove` make someone a curator or
 * take it back, as a reply to their message or with their numeric Telegram id. Admins only: the
 * use case reads the sender's role from the database at that moment.
 */
export function staffFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { staff } = deps.app.community;

  composer.command('staff', async (ctx) => {
    const [verb, argument, ...rest] = ctx.match.trim().split(/\s+/).filter(Boolean);
    const actorTelegramId = ctx.from!.id;
    if (verb === undefined) {
      const listed = await staff.list(actorTelegramId);
      if (listed.kind === 'forbidden') return refuse(ctx);
      const lines = listed.staff.map((s) =>
        ctx.t('curation-staff-line', {
          name: escapeHtml(s.name ?? ctx.t('curation-staff-nobody-named', { id: s.telegramId })),
          role: ctx.t(`curation-role-${s.role}`),
        }),
      );
      await ctx.reply([ctx.t('curation-staff-list', { count: listed.staff.length }), ...lines].join('\n'), HTML);
      return;
    }
    const repliedTo = ctx.message?.reply_to_message?.from;
    const target =
      argument !== undefined && TELEGRAM_ID.test(argument) && rest.length === 0
        ? { telegramId: Number(argument) }
        : argument === undefined && repliedTo && !repliedTo.is_bot
          ? { telegramId: repliedTo.id, name: repliedTo.first_name }
          : undefined;
    if ((verb !== 'add' && verb !== 'remove') || !target) {
      await ctx.reply(ctx.t('curation-staff-usage'), HTML);
      return;
    }
    const result = await staff.setRole({
      actorTelegramId,
      targetTelegramId: target.telegramId,
      ...(target.name ? { targetName: target.name } : {}),
      role: verb === 'add' ? 'curator' : 'member',
    });
    if (result.kind === 'forbidden') return refuse(ctx);
    const name = escapeHtml(
      (result.kind === 'done' ? result.target.name : result.name) ?? target.name ?? ctx.t('curation-staff-nobody-named', { id: target.telegramId }),
    );
    if (result.kind === 'target-is-admin') await ctx.reply(ctx.t('curation-staff-target-admin', { name }), HTML);
    else if (result.kind === 'unchanged') await ctx.reply(ctx.t('curation-staff-unchanged', { name, role: ctx.t(`curation-role-${result.role}`) }), HTML);
    else await ctx.reply(ctx.t(verb === 'add' ? 'curation-staff-added' : 'curation-staff-removed', { name }), HTML);
  });
  return composer;
}

async function refuse(ctx: BotContext): Promise<void> {
  ctx.log.warn({ command: 'staff' }, '/staff from someone who is not an admin was refused');
  await ctx.reply(ctx.t('curation-admin-only'));
}
