import type { Language } from '../text/language.ts';
import type { Queryable } from '../db/db.ts';
import type { ChineseScript } from '../text/chinese-convert.ts';

export const ROLES = ['member', 'curator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A person who talked to the bot. `language` is only set once they chose one with /language. */
export interface Member {
  id: number;
  telegramId: number;
  name?: string;
  language?: Language;
  /** Their Telegram app's language as the bot reads it, from their latest contact: what they read when they chose none. */
  telegramLanguage?: Language;
  /** The characters they write Chinese in, from their latest message with Chinese in it (absent: none yet). */
  chineseScript?: ChineseScript;
  country?: string;
  company?: string;
  industry?: string;
  role: Role;
  consentIntroductions: boolean;
  forgottenAt?: Date;
  /** The member's own random key for naming them in logs (see memberLogName); gone with /forget. */
  logKey: string;
}

export interface MemberProfile {
  company?: string | null;
  country?: string | null;
  industry?: string | null;
}

/** A members row as selected with `MEMBER_COLUMNS`. */
export interface MemberRow {
  id: string | number;
  telegram_id: string | number;
  name: string | null;
  language: Language | null;
  telegram_language: Language | null;
  chinese_script: ChineseScript | null;
  country: string | null;
  company: string | null;
  industry: string | null;
  role: Role;
  consent_introductions: boolean;
  forgotten_at: Date | string | null;
  log_key: string;
}

/** The columns a Member is read from; a statement that reads a member with other things selects these. */
export const MEMBER_COLUMNS =
  'id, telegram_id, name, language, telegram_language, chinese_script, country, company, industry, role, consent_introductions, forgotten_at, log_key';

export function memberFromRow(r: MemberRow): Member {
  return {
    id: Number(r.id),
    telegramId: Number(r.telegram_id),
    ...(r.name !== null ? { name: r.name } : {}),
    ...(r.language !== null ? { language: r.language } : {}),
    ...(r.telegram_language !== null ? { telegramLanguage: r.telegram_language } : {}),
    ...(r.chinese_script !== null ? { chineseScript: r.chinese_script } : {}),
    ...(r.country !== null ? { country: r.country } : {}),
    ...(r.company !== null ? { company: r.company } : {}),
    ...(r.industry !== null ? { industry: r.industry } : {}),
    role: r.role,
    consentIntroductions: r.consent_introductions,
    ...(r.forgotten_at !== null ? { forgottenAt: new Date(r.forgotten_at) } : {}),
    logKey: r.log_key,
  };
}

export type MembersRepository = ReturnType<typeof createMembers>;

export function createMembers(db: Queryable) {
  const one = async (sql: string, params: unknown[]) => {
    const [row] = await db.query<MemberRow>(sql, params);
    return row ? memberFromRow(row) : undefined;
  };

  return {
    getByTelegramId: (telegramId: number) => one(`SELECT ${MEMBER_COLUMNS} FROM members WHERE telegram_id = $1`, [telegramId]),
    getById: (id: number) => one(`SELECT ${MEMBER_COLUMNS} FROM members WHERE id = $1`, [id]),

    /**
     * The member behind a Telegram user, created on first contact. Called for every update, so
     * the common case (known member, same name) is a single read and no write — none at all
     * when the caller already read the member (`known`; null: read, and not there).
     */
    async upsertFromTelegram(
      user: { telegramId: number; name: string; language?: Language; chineseScript?: ChineseScript },
      known?: Member | null,
    ): Promise<Member> {
      if (known === undefined) known = (await this.getByTelegramId(user.telegramId)) ?? null;
      const same = <T>(now: T | undefined, stored: T | undefined) => now === undefined || now === stored;
      if (
        known &&
        (known.forgottenAt || (known.name === user.name && same(user.language, known.telegramLanguage) && same(user.chineseScript, known.chineseScript)))
      )
        return known;
      const saved = await one(
        `INSERT INTO members (telegram_id, name, telegram_language, chinese_script) VALUES ($1, $2, $3, $4)
         ON CONFLICT (telegram_id) DO UPDATE SET name = excluded.name,
           telegram_language = coalesce(excluded.telegram_language, members.telegram_language),
           chinese_script = coalesce(excluded.chinese_script, members.chinese_script)
         RETURNING ${MEMBER_COLUMNS}`,
        [user.telegramId, user.name, user.language ?? null, user.chineseScript ?? null],
      );
      return saved!;
    },

    async setLanguage(memberId: number, language: Language): Promise<void> {
      await db.query('UPDATE members SET language = $2 WHERE id = $1', [memberId, language]);
    },

    /** Sets the given fields; `null` clears one, a missing key leaves it alone. */
    async updateProfile(memberId: number, profile: MemberProfile): Promise<Member | undefined> {
      const fields = (['company', 'country', 'industry'] as const).filter((f) => profile[f] !== undefined);
      if (fields.length === 0) return this.getById(memberId);
      const sets = fields.map((f, i) => `${f} = $${i + 2}`).join(', ');
      return one(`UPDATE members SET ${sets} WHERE id = $1 RETURNING ${MEMBER_COLUMNS}`, [memberId, ...fields.map((f) => profile[f])]);
    },
  };
}
