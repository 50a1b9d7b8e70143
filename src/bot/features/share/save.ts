import type { Language } from '../../../config.ts';
import type { Industry } from '../../../knowledge/types.ts';
import { detectLanguage } from '../../../text/language.ts';
import type { BotContext, BotDeps } from '../../context.ts';

/** A finished /share answer set, as the conversation collects it. */
export interface Draft {
  title: string;
  problem: string;
  solution: string;
  outcome?: string;
  industry: Industry;
  tags: string[];
}

export type SaveResult = 'saved' | 'not-member' | 'failed';

/**
 * Stores the draft as a pending contribution of the member behind `ctx`. The language is the
 * one the text is written in (a Persian member may well write in English), the member's own
 * language breaking ties. Returns a plain value because conversations persist it.
 */
export async function saveContribution(deps: BotDeps, ctx: BotContext, draft: Draft, locale: Language): Promise<SaveResult> {
  const { app } = deps;
  try {
    const member = ctx.member ?? (ctx.from ? await app.community.members.getByTelegramId(ctx.from.id) : undefined);
    if (!member) return 'not-member';
    const language = detectLanguage(`${draft.title}\n${draft.problem}\n${draft.solution}`, member.language ?? locale);
    const experience = await app.experiences.createContribution({
      memberId: member.id,
      language,
      industry: draft.industry,
      tags: draft.tags,
      text: {
        title: draft.title,
        problem: draft.problem,
        solution: draft.solution,
        ...(draft.outcome ? { outcome: draft.outcome } : {}),
      },
      contributor: {
        ...(member.name ? { name: member.name } : {}),
        ...(member.company ? { company: member.company } : {}),
      },
    });
    app.logger.info({ experienceId: experience.id, memberId: member.id, language }, 'contribution received for review');
    return 'saved';
  } catch (e) {
    app.logger.error({ err: e, memberId: ctx.member?.id }, 'saving a /share contribution failed');
    return 'failed';
  }
}
