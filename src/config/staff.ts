import { z } from 'zod';
import { idList, optionalText, positiveInt } from './values.ts';

const GROUP_IDS = 'expects group chat ids (negative whole numbers such as -1001234567890), comma-separated';

/** Who curates, where the staff and the members' groups are, and when an experience is due for review. */
export const staffSettings = {
  ADMIN_IDS: idList(/^[1-9]\d{0,15}$/, 'expects Telegram user ids (whole numbers above 0), comma-separated, e.g. 123456789,987654321'),
  STAFF_CHAT_ID: optionalText.pipe(
    z
      .string()
      .regex(/^-?[1-9]\d{0,15}$/, "expects the staff group's Telegram chat id, a whole number such as -1001234567890")
      .optional(),
  ),
  REVIEW_AFTER_MONTHS: positiveInt(12),
  ALLOWED_CHAT_IDS: idList(/^-[1-9]\d{0,15}$/, GROUP_IDS),
  COMMUNITY_CHAT_IDS: idList(/^-[1-9]\d{0,15}$/, GROUP_IDS),
};

type StaffEnv = z.infer<z.ZodObject<typeof staffSettings>>;

export interface StaffConfig {
  /** Telegram user ids made admins at every start; an admin no longer listed becomes a member (see community/staff.ts). */
  adminTelegramIds: number[];
  /** The staff's group chat, where review cards and the re-verification digest are posted; undefined: curators review in their private chats, and no digest is sent. */
  staffChatId: number | undefined;
  /** An experience verified longer ago than this is due for re-verification (answers say so; the digest lists it). */
  reviewAfterMonths: number;
  /** Groups the bot serves whatever /allow and /disallow said (see community/groups.ts). */
  allowedChatIds: number[];
  /** Members' groups where questions nobody could answer are posted (besides the staff chat). */
  communityChatIds: number[];
}

export function staffConfig(e: StaffEnv): StaffConfig {
  return {
    adminTelegramIds: e.ADMIN_IDS.map(Number),
    staffChatId: e.STAFF_CHAT_ID === undefined ? undefined : Number(e.STAFF_CHAT_ID),
    reviewAfterMonths: e.REVIEW_AFTER_MONTHS,
    allowedChatIds: e.ALLOWED_CHAT_IDS.map(Number),
    communityChatIds: e.COMMUNITY_CHAT_IDS.map(Number),
  };
}
