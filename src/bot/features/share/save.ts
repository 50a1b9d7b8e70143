import { memberLogName } from '../../../log.ts';
import type { Language } from '../../../text/language.ts';
import type { Draft } from '../../../community/contributions.ts';
import type { BotContext, BotDeps } from '../../context.ts';

export type { Draft } from '../../../community/contributions.ts';

export type SaveResult = 'saved' | 'not-member' | 'failed';

/**
 * Submits the draft for review as the member behind `ctx`. Returns a plain value because
 * conversations persist it; a failure is logged here and told to the member by the caller.
 */
export async function saveContribution(deps: BotDeps, ctx: BotContext, draft: Draft, locale: Language): Promise<SaveResult> {
  const { app } = deps;
  try {
    const member = ctx.member ?? (ctx.from ? await app.community.members.getByTelegramId(ctx.from.id) : undefined);
    if (!member) return 'not-member';
    const { experienceId, language } = await app.community.submitContribution({ member, draft, fallbackLanguage: locale });
    app.logger.info({ experienceId, member: memberLogName(member.logKey, member.telegramId), language }, 'contribution received for review');
    return 'saved';
  } catch (e) {
    app.logger.error(
      { err: e, ...(ctx.member ? { member: memberLogName(ctx.member.logKey, ctx.member.telegramId) } : {}) },
      'saving a /share contribution failed',
    );
    return 'failed';
  }
}
