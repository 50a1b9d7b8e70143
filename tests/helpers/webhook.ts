import type { EmulatedUser } from '../../src/emulator/index.ts';

/** The update Telegram sends when `user` types `text` in their private chat with the bot (a command marked as one). */
export const privateMessageUpdate = (user: EmulatedUser, updateId: number, text: string) => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: user.id, type: 'private', first_name: user.first_name },
    from: { ...user, is_bot: false },
    text,
    ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } : {}),
  },
});

/** Telegram's call of the webhook at `url` with `update`, carrying `secret` when there is one. */
export const postUpdate = (url: string, update: unknown, secret?: string): Promise<Response> =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret !== undefined ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
    body: JSON.stringify(update),
  });
