import { Api } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS, commandList, GROUP_COMMANDS, registerCommands, STAFF_CHAT_COMMANDS } from '../../src/bot/commands.ts';
import { startBotApiEmulator, type BotApiEmulator } from '../../src/emulator/index.ts';
import { createTranslator } from '../../src/i18n.ts';
import type { BotCommandScope } from 'grammy/types';
import { LANGUAGES, type Language } from '../../src/text/language.ts';
import { memoryLogger } from '../ai/support.ts';

const translator = createTranslator();
let emulator: BotApiEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** The menu a Telegram app in `language` shows in a chat of this scope, as the bot left it with the emulator. */
async function menu(api: Api, language: Language, scope?: BotCommandScope) {
  return (await api.getMyCommands({ language_code: language, ...(scope ? { scope } : {}) })).map((c) => c.command);
}

describe('the command menus', () => {
  it('offers /open to everyone in private chats, and /review, /open, /close only in the staff chat (with /settings, where its language is chosen, and /help), described in fa, zh and en', async () => {
    emulator = await startBotApiEmulator();
    const staffChat = emulator.state.createGroup({ title: 'Staff' });
    const api = new Api(emulator.token, { apiRoot: emulator.apiRoot });
    const { logger, warnings } = memoryLogger();
    await registerCommands(api, translator, { chatId: staffChat.id, logger });
    expect(warnings()).toEqual([]);

    for (const language of LANGUAGES) {
      const privately = await menu(api, language);
      expect(privately).toContain('open');
      expect(privately).not.toContain('close');
      expect(await menu(api, language, { type: 'all_group_chats' })).toEqual([...GROUP_COMMANDS]);
      expect(await menu(api, language, { type: 'chat', chat_id: staffChat.id })).toEqual(['review', 'open', 'close', 'settings', 'help']);
      // Each described in that language, not in English.
      const staffMenu = await api.getMyCommands({ language_code: language, scope: { type: 'chat', chat_id: staffChat.id } });
      expect(staffMenu).toEqual(commandList(translator, language, STAFF_CHAT_COMMANDS));
      if (language !== 'en') for (const c of staffMenu) expect(c.description).not.toBe(translator.t('en', `bot-command-${c.command}`));
    }
    // Apps in other languages get the English lists.
    expect((await api.getMyCommands()).map((c) => c.command)).toEqual([...COMMANDS]);
    expect((await api.getMyCommands({ scope: { type: 'chat', chat_id: staffChat.id } })).map((c) => c.command)).toEqual([...STAFF_CHAT_COMMANDS]);
  });

  it('still sets the members’ menus, and says why, when Telegram refuses the staff chat’s (a STAFF_CHAT_ID the bot is not in)', async () => {
    emulator = await startBotApiEmulator();
    const api = new Api(emulator.token, { apiRoot: emulator.apiRoot });
    const { logger, warnings } = memoryLogger();
    await registerCommands(api, translator, { chatId: -1_009_999_999_999, logger });
    expect(warnings().map((w) => w.msg)).toEqual(['the staff chat’s command menu could not be set: is the bot in STAFF_CHAT_ID?']);
    expect(await menu(api, 'fa')).toEqual([...COMMANDS]);
    expect(await menu(api, 'zh', { type: 'all_group_chats' })).toEqual([...GROUP_COMMANDS]);
  });
});
