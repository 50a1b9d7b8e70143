import type { Context } from 'grammy';

/**
 * Which conversation state an update belongs to: a private chat's own (its id, as always), and in
 * a group one per member, so two members of one group never answer each other's steps.
 */
export function conversationKeyOf(chat: { id: number; type: string } | undefined, userId: number | undefined): string | undefined {
  if (!chat) return undefined;
  if (chat.type === 'private' || userId === undefined) return String(chat.id);
  return `${chat.id}:${userId}`;
}

/** The conversations plugin's storage key, also read ahead by intake. */
export const conversationKey = (ctx: Context): string | undefined => conversationKeyOf(ctx.chat, ctx.from?.id);
