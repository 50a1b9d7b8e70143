import type { Language } from '../text/language.ts';
import type { Experience, ExperienceText } from '../knowledge/experiences/experience.ts';
import type { Translator } from '../i18n.ts';

/**
 * The language a reader takes when their own is missing: English for Persian and Chinese readers
 * (most read it better than the other one); an English reader gets the original.
 */
const SECOND_CHOICE: Record<Language, Language | undefined> = { fa: 'en', zh: 'en', en: undefined };

/** The experience's text in the reader's language when one exists, else in their second choice, else the original. */
export function displayText(experience: Experience, language: Language): { language: Language; text: ExperienceText } {
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

/**
 * Who lived the experience, as a reader names them: company, city and country (a code
 * without a locale entry as the code), joined with the reader's list separator.
 */
export function whoLivedIt(experience: Pick<Experience, 'contributor' | 'country'>, translator: Translator, language: Language): string {
  const { company, city } = experience.contributor;
  return [company, city, countryName(translator, language, experience.country)]
    .filter((part): part is string => Boolean(part && part.trim()))
    .join(translator.t(language, 'answer-who-separator'));
}

/** A localized country name; codes without a locale entry are shown as the code. */
export function countryName(translator: Translator, language: Language, code: string): string {
  const key = `country-${code.toUpperCase()}`;
  const name = translator.t(language, key);
  return name === key ? code : name;
}

export function industryName(translator: Translator, language: Language, industry: string): string {
  const key = `industry-${industry}`;
  const name = translator.t(language, key);
  return name === key ? industry : name;
}
