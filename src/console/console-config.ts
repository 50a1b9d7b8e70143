import type { Config } from '../config.ts';

/** The local member: one fixed Telegram id, so their profile and contributions are still there next time. */
export const LOCAL_USER_ID = 100_000_001;

/** The member who asked the demo's open question (assets/demo-open-question.json): their private chat is shown too. */
export const DEMO_ASKER_ID = 100_000_002;

/** The emulator's staff group chat (a supergroup id, as Telegram writes them). */
export const CONSOLE_STAFF_CHAT_ID = -1_001_000_000_001;

/** The emulator's members' group: allowed, and where questions nobody could answer are posted. */
export const CONSOLE_MEMBERS_CHAT_ID = -1_001_000_000_002;

/**
 * The settings the console chat runs under: its local member is an admin (added to ADMIN_IDS,
 * so applying ADMIN_IDS at start keeps them one), the staff chat is the emulator's staff group
 * and the one members' group (allowed, and the community's) the emulator's, whatever
 * STAFF_CHAT_ID, ALLOWED_CHAT_IDS and COMMUNITY_CHAT_IDS say (a real group's id means nothing to
 * the emulator).
 */
export function consoleConfig(config: Config): Config {
  const admins = config.adminTelegramIds.includes(LOCAL_USER_ID) ? config.adminTelegramIds : [...config.adminTelegramIds, LOCAL_USER_ID];
  return {
    ...config,
    adminTelegramIds: admins,
    staffChatId: CONSOLE_STAFF_CHAT_ID,
    allowedChatIds: [CONSOLE_MEMBERS_CHAT_ID],
    communityChatIds: [CONSOLE_MEMBERS_CHAT_ID],
  };
}
