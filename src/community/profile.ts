import { INDUSTRIES, isCountryCode } from '../knowledge/experiences/rules.ts';
import type { Member, MembersRepository } from './members.ts';

/** The longest company name a profile keeps. */
export const MAX_COMPANY = 120;

export interface ProfileInput {
  company: string | null;
  country: string | null;
  industry: string | null;
}

export type ProfileField = keyof ProfileInput;

/**
 * A text ending in a question mark (?, ؟, ？): no company is called that, but a member who types a
 * question while the profile waits for a company's name would have it saved as the name.
 */
export function endsAsQuestion(text: string): boolean {
  return /[?؟？]$/u.test(text.trim());
}

/** Whether `value` may be stored in the profile's `field` (null: left empty). */
export function isValidProfileValue(field: ProfileField, value: string | null): boolean {
  if (value === null) return true;
  if (field === 'company') return value.trim() === value && value !== '' && [...value].length <= MAX_COMPANY && !endsAsQuestion(value);
  if (field === 'country') return isCountryCode(value);
  return (INDUSTRIES as readonly string[]).includes(value);
}

export type SaveProfile = (memberId: number, profile: ProfileInput) => Promise<{ kind: 'saved'; member: Member } | { kind: 'invalid'; field: ProfileField }>;

/**
 * A member's profile, stored only when every value is one the profile offers: an assigned
 * country code, an industry of the list, a company name of sensible length. Whatever front
 * door the values came through (a button's data can be forged), nothing else is stored.
 */
export function createSaveProfile(members: Pick<MembersRepository, 'updateProfile'>): SaveProfile {
  return async (memberId, profile) => {
    for (const field of ['company', 'country', 'industry'] as const) {
      if (!isValidProfileValue(field, profile[field])) return { kind: 'invalid', field };
    }
    const member = await members.updateProfile(memberId, profile);
    if (!member) throw new Error(`member ${memberId} is gone`);
    return { kind: 'saved', member };
  };
}
