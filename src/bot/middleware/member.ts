import type { Context, NextFunction } from 'grammy';
import type { Community } from '../../community/index.ts';
import type { BotContextExtras } from '../context.ts';
import { languageFromTelegram } from '../i18n.ts';

/**
 * Loads (creating on first contact) the member behind ctx.from and decides the update's
 * language: the member's own choice from /language, else Telegram's language_code.
 */
export function loadMember(community: Pick<Community, 'members'>) {
  return async (ctx: Context & BotContextExtras, next: NextFunction): Promise<void> => {
    const from = ctx.from;
    if (from && !from.is_bot) {
      const name = [from.first_name, from.last_name].filter(Boolean).join(' ');
      ctx.member = await community.members.upsertFromTelegram({ telegramId: from.id, name });
    }
    ctx.locale = ctx.member?.language ?? languageFromTelegram(from?.language_code);
    await next();
  };
}
