import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { BotApiEmulator, ChatMessage } from '../emulator/index.ts';
import type { Logger } from '../log.ts';

/** Messages kept per chat: enough to scroll back with /reply and to press what is still open. */
const KEPT_PER_CHAT = 500;
const SAVE_AFTER_MS = 500;

const Stored = z.array(
  z
    .object({
      message_id: z.number().int().positive(),
      chat_id: z.number().int(),
      from: z.union([z.literal('bot'), z.number().int()]),
      text: z.string(),
      raw: z.string(),
      date: z.number(),
      edited: z.boolean(),
      deleted: z.boolean(),
    })
    .passthrough(),
);

/**
 * The console's chats (private, staff, members' group) kept in DATA_DIR between starts, as
 * Telegram keeps a chat's history. The database remembers the bot's messages by chat and number
 * (the posts of an open question, review cards, answers a reply follows up); chats that began
 * empty at every start would lose the open question's post, and number new messages as old
 * ones, whose stored meaning the bot would then act on.
 */
export function consoleChatHistory(path: string, logger: Logger) {
  return {
    /** The messages kept by an earlier start; none when there is no file or it cannot be read (said in the log). */
    async load(): Promise<ChatMessage[]> {
      let content: string;
      try {
        content = await readFile(path, 'utf8');
      } catch {
        return [];
      }
      let json: unknown;
      try {
        json = JSON.parse(content);
      } catch {
        json = undefined;
      }
      const parsed = Stored.safeParse(json);
      if (parsed.success) return parsed.data as ChatMessage[];
      logger.warn({ path }, 'the console chats kept from an earlier start could not be read: starting with empty chats');
      return [];
    },

    /** Writes the emulator's chats shortly after the bot does anything, and once more when stopped. */
    keep(emulator: Pick<BotApiEmulator, 'state' | 'subscribe'>): { stop(): Promise<void> } {
      let timer: NodeJS.Timeout | undefined;
      let writing = Promise.resolve();
      const save = () => {
        timer = undefined;
        const snapshot = JSON.stringify(emulator.state.messageSnapshot(KEPT_PER_CHAT));
        writing = writing.then(() => write(snapshot)).catch((err: unknown) => logger.warn({ err, path }, 'the console chats could not be kept'));
        return writing;
      };
      const unsubscribe = emulator.subscribe(() => {
        timer ??= setTimeout(save, SAVE_AFTER_MS).unref();
      });
      return {
        async stop() {
          unsubscribe();
          if (timer) clearTimeout(timer);
          await save();
        },
      };
    },
  };

  /** Whole or not at all: a console stopped mid-write keeps the previous file. */
  async function write(content: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(`${path}.tmp`, content);
    await rename(`${path}.tmp`, path);
  }
}
