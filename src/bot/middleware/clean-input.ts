import type { Context, NextFunction } from 'grammy';
import type { MessageEntity, Update } from 'grammy/types';
import { replaceControlCharacters, shiftOffset, stripControlCharacters } from '../../text/control-characters.ts';

/**
 * Control characters (a null byte, an escape…) are removed from every string of an update —
 * the message, the sender's and the chat's names, a replied-to message — before anything reads
 * or stores it: the claim keeps a copy of the update and the member's name (PostgreSQL refuses
 * a null byte anywhere in text or jsonb), every feature and conversation sees the cleaned text,
 * and the entities (commands, links) still point at the same characters. Installed first, so it
 * runs once for every update whichever way it came (polling, webhook, taken over).
 */
export async function cleanInput(ctx: Context, next: NextFunction): Promise<void> {
  cleanUpdate(ctx.update);
  await next();
}

/**
 * Strings that are tokens rather than words (a button's data the bot itself made): a control
 * character in one is replaced, not removed, so forged data stays as invalid as it was sent
 * instead of turning into some other button's.
 */
const TOKENS = new Set(['data', 'game_short_name', 'invoice_payload']);

/** Cleans `update` in place (see cleanInput). */
export function cleanUpdate(update: Update): void {
  cleanStrings(update);
  const message = update.message ?? update.edited_message;
  if (message?.text !== undefined && message.text.trim() === '') {
    // Nothing but control characters: no text to read, so it is answered as a sticker would be.
    delete message.text;
    delete message.entities;
  }
}

function cleanStrings(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) cleanStrings(item);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  const cut: { key: string; removed: number[] }[] = [];
  for (const [key, v] of Object.entries(record)) {
    if (typeof v !== 'string') {
      cleanStrings(v);
    } else if (TOKENS.has(key)) {
      record[key] = replaceControlCharacters(v);
    } else {
      const { text, removed } = stripControlCharacters(v);
      if (text === v) continue;
      record[key] = text;
      if (removed.length > 0) cut.push({ key, removed });
    }
  }
  // After the loop, so the entities shifted are the cleaned ones.
  for (const { key, removed } of cut) {
    for (const entitiesKey of entityKeys(key)) {
      const entities = record[entitiesKey];
      if (Array.isArray(entities)) record[entitiesKey] = shiftEntities(entities as MessageEntity[], removed);
    }
  }
}

/** Where Telegram puts the entities of a text field: a message's `entities`, `caption_entities`, a poll's `question_entities`… */
function entityKeys(key: string): string[] {
  return key === 'text' ? ['entities', 'text_entities'] : [`${key}_entities`];
}

function shiftEntities(entities: MessageEntity[], removed: readonly number[]): MessageEntity[] {
  return entities.flatMap((e) => {
    const offset = shiftOffset(e.offset, removed);
    const length = shiftOffset(e.offset + e.length, removed) - offset;
    return length > 0 ? [{ ...e, offset, length }] : [];
  });
}
