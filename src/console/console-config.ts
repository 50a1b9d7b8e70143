import type { Config } from '../config.ts';

/** The local member: one fixed Telegram id, so their profile and contributions are still there next time. */
export const LOCAL_USER_ID = 100_000_001;

/** The emulator's staff group chat (a supergroup id, as Telegram writes them). */
export const CONSOLE_STAFF_CHAT_ID = -1_001_000_000_001;

/**
 * The settings the console chat runs under: its local member is an admin (added to ADMIN_IDS,
 * so applying ADMIN_IDS at start keeps them one), and the staff chat is the emulator's staff
 * group, whatever STAFF_CHAT_ID says (a real group's id means nothing to the emulator).
 */
export function consoleConfig(config: Config): Config {
  const admins = config.adminTelegramIds.includes(LOCAL_USER_ID) ? config.adminTelegramIds : [...config.adminTelegramIds, LOCAL_USER_ID];
  return { ...config, adminTelegramIds: admins, staffChatId: CONSOLE_STAFF_CHAT_ID };
}
