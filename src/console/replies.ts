import type { ChatMessage } from '../emulator/index.ts';

/**
 * A reply as the console member types it: `> text` answers the latest message of the chat they
 * type in (what a Telegram user swipes), `/reply` lists that chat's recent messages with their
 * numbers, `/reply <number> <text>` answers one of them. Message numbers are Telegram's message
 * ids, written `#5` so they are never taken for a button's `[5]`.
 */
export type ReplyCommand = { kind: 'latest'; text: string } | { kind: 'to'; messageId: number; text: string } | { kind: 'list' } | { kind: 'usage' };

/** The reply a line asks for, or undefined when it is no reply. */
export function parseReply(line: string): ReplyCommand | undefined {
  if (line.startsWith('>')) {
    const text = line.slice(1).trim();
    return text === '' ? { kind: 'usage' } : { kind: 'latest', text };
  }
  const command = /^\/reply(?:\s+([\s\S]*))?$/i.exec(line);
  if (!command) return undefined;
  const rest = command[1]?.trim() ?? '';
  if (rest === '') return { kind: 'list' };
  const to = /^#?(\d{1,9})\s+([\s\S]+)$/.exec(rest);
  return to ? { kind: 'to', messageId: Number(to[1]), text: to[2]!.trim() } : { kind: 'usage' };
}

/**
 * A message's number as listed and typed back: `#5`, ASCII digits whatever the reader's language
 * (Fluent would write ۵ in Persian), one piece so right-to-left text keeps `#` before it.
 */
export const ref = (messageId: number): string => `#${messageId}`;

/** How many of a chat's latest messages `/reply` lists. */
export const LISTED = 6;
const EXCERPT = 60;

/** A message's first line, short enough for one line of the list. */
export function excerpt(m: Pick<ChatMessage, 'text'>): string {
  const line = m.text.split('\n').find((l) => l.trim() !== '') ?? '';
  const trimmed = line.trim();
  return trimmed.length > EXCERPT ? `${trimmed.slice(0, EXCERPT - 1)}…` : trimmed;
}
