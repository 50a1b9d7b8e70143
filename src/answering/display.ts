import type { Language } from '../text/language.ts';
import type { Experience } from '../knowledge/experiences/experience.ts';
import type { Translator } from '../i18n.ts';

/** One stored language version: its text, and whether it is the original and who wrote it. */
export type StoredText = NonNullable<Experience['texts'][Language]>;

/**
 * The language a reader takes when their own is missing: English for Persian and Chinese readers
 * (most read it better than the other one); an English reader gets the original.
 */
const SECOND_CHOICE: Record<Language, Language | undefined> = { fa: 'en', zh: 'en', en: undefined };

/** The experience's text in the reader's language when one exists, else in their second choice, else the original. */
export function displayText(experience: Experience, language: Language): { language: Language; text: StoredText } {
  const own = experience.texts[language];
  if (own) return { language, text: own };
  const second = SECOND_CHOICE[language];
  const secondText = second ? experience.texts[second] : undefined;
  if (second && secondText) return { language: second, text: secondText };
  const original = experience.texts[experience.language];
  if (original) return { language: experience.language, text: original };
  const [anyLanguage, anyText] = Object.entries(experience.texts).find(([, t]) => t !== undefined) ?? [];
  if (!anyLanguage || !anyText) throw new Error(`experience ${experience.externalId} has no text`);
  return { language: anyLanguage as Language, text: anyText };
}

/** A localized country name: the locales' own, else CLDR's, else the code itself. */
export function countryName(translator: Translator, language: Language, code: string): string {
  const key = `country-${code.toUpperCase()}`;
  const name = translator.t(language, key);
  if (name !== key) return name;
  // The locales word only the countries members come from most; any other ISO code a member typed (DE) gets CLDR's name, not the bare code.
  try {
    return new Intl.DisplayNames(language, { type: 'region', fallback: 'none' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export function industryName(translator: Translator, language: Language, industry: string): string {
  const key = `industry-${industry}`;
  const name = translator.t(language, key);
  return name === key ? industry : name;
}

/** When an experience was last verified, and whether that is longer ago than the review period. */
export interface Verification {
  /** YYYY-MM-DD. */
  on: string;
  overdue: boolean;
}

/** The verification of an experience verified on `verifiedOn` (none without a date), as of `today`. */
export function verificationOf(verifiedOn: string | undefined, reviewAfterMonths: number, today: Date = new Date()): Verification | undefined {
  if (!verifiedOn) return undefined;
  const due = new Date(`${verifiedOn}T00:00:00Z`);
  due.setUTCMonth(due.getUTCMonth() + reviewAfterMonths);
  return { on: verifiedOn, overdue: due.getTime() < today.getTime() };
}

/**
 * An item's number in a list as the reader writes it ("۱." in Persian, "1." otherwise): the same
 * digits Fluent writes a number in a message with, so a list numbered here and one numbered by a
 * message (the related list, the review card's similar ones) read alike.
 */
export function itemNumber(language: Language, n: number): string {
  return `${new Intl.NumberFormat(language).format(n)}.`;
}

/** The month of a YYYY-MM-DD date in the reader's language and calendar ("March 2025", "2025年3月", "اسفند ۱۴۰۳"). */
export function monthName(language: Language, isoDate: string): string {
  const format = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (language !== 'fa') return format.format(date);
  // ICU puts the Persian year first ("۱۴۰۳ اسفند"); Persian readers write the month first, as ICU's own full date does ("۲۰ اسفند ۱۴۰۳").
  const parts = format.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month')} ${part('year')}`;
}

/** A YYYY-MM-DD date in the reader's language and calendar ("March 10, 2025", "2025年3月10日", "۲۰ اسفند ۱۴۰۳"). */
export function dayName(language: Language, isoDate: string): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** "Verified March 2025", or that it is past its review date. */
export function verificationNote(translator: Translator, language: Language, verification: Verification): string {
  return translator.t(language, verification.overdue ? 'answer-verified-overdue' : 'answer-verified', { month: monthName(language, verification.on) });
}
