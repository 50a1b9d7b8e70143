import { Composer } from 'grammy';
import { isStaff } from '../../knowledge/experiences/roles.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { groupReplyWords } from '../chat-language.ts';

const HTML = { parse_mode: 'HTML' } as const;

/**
 * /help (what the bot does here and its commands) and /privacy (what is stored and why). In a
 * group the private chat's help would send members to commands that do nothing there: the staff
 * chat gets the staff's, in the reader's language (with the chat's language and how to change
 * it), other groups how to ask there; a staff member's private help adds the staff's commands.
 */
export function helpFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('help', async (ctx) => {
    if (ctx.chat.type !== 'private') return replyGroupHelp(ctx, deps);
    const staff = ctx.member !== undefined && isStaff(ctx.member.role);
    await ctx.reply(staff ? `${ctx.t('bot-help')}\n\n${ctx.t('bot-help-staff')}` : ctx.t('bot-help'), HTML);
  });
  composer.command('privacy', (ctx) => ctx.reply(ctx.t('bot-privacy'), HTML));
  return composer;
}

/** What the bot does in this group (also its /start there): the staff's commands in the staff chat, how to ask in any other. */
export async function replyGroupHelp(ctx: BotContext, deps: BotDeps): Promise<void> {
  const chatId = ctx.chat!.id;
  const { language: chosen } = await deps.app.community.groups.standing(chatId);
  // In a members' group, in the language its admins chose, as the bot's other words there; else the asker's own (groupReplyWords).
  if (chatId !== deps.app.config.staffChatId) return void (await ctx.reply(groupReplyWords(deps.app.translator, chosen, ctx.t)('group-help'), HTML));
  const language = chosen ? ctx.t(`bot-language-name-${chosen}`) : ctx.t('curation-staff-chat-language-default');
  await ctx.reply(ctx.t('curation-staff-chat-help', { language }), HTML);
}
