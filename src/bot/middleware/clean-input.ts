import type { Context, NextFunction } from 'grammy';
import type { MessageEntity } from 'grammy/types';
import { shiftOffset, stripControlCharacters } from '../../text/control-characters.ts';

/**
 * Control characters (a null byte, an escape…) are removed from a message's text or caption
 * before anything reads it — questions, /share steps, the profile — so every feature and
 * conversation sees the cleaned text (PostgreSQL would refuse a null byte), and the entities
 * (commands, links) still point at the same characters.
 */
export async function cleanInput(ctx: Context, next: NextFunction): Promise<void> {
  const message = ctx.update.message ?? ctx.update.edited_message;
  if (message?.text !== undefined) {
    const { text, removed } = stripControlCharacters(message.text);
    if (text.trim() === '') {
      // Nothing but control characters: no text to read, so it is answered as a sticker would be.
      delete message.text;
      delete message.entities;
    } else if (removed.length > 0 || text !== message.text) {
      message.text = text;
      if (message.entities) message.entities = shiftEntities(message.entities, removed);
    }
  }
  if (message?.caption !== undefined) {
    const { text, removed } = stripControlCharacters(message.caption);
    if (removed.length > 0 || text !== message.caption) {
      message.caption = text;
      if (message.caption_entities) message.caption_entities = shiftEntities(message.caption_entities, removed);
    }
  }
  await next();
}

function shiftEntities(entities: MessageEntity[], removed: readonly number[]): MessageEntity[] {
  return entities.flatMap((e) => {
    const offset = shiftOffset(e.offset, removed);
    const length = shiftOffset(e.offset + e.length, removed) - offset;
    return length > 0 ? [{ ...e, offset, length }] : [];
  });
}
