import type { Language } from '../text/language.ts';
import type { Experience, ExperienceText } from '../knowledge/experiences/experience.ts';
import type { Translator } from '../i18n.ts';

/** The experience's text in the asker's language when one exists, else the original. */
export function displayText(experience: Experience, language: Language): { language: Language; text: ExperienceText } {
  const own = experience.texts[language];
  if (own) return { language, text: own };
  const original = experience.texts[experience.language];
  if (original) return { language: experience.language, text: original };
  const [anyLanguage, anyText] = Object.entries(experience.texts).find(([, t]) => t !== undefined) ?? [];
  if (!anyLanguage || !anyText) throw new Error(`experience ${experience.externalId} has no text`);
  return { language: anyLanguage as Language, text: anyText };
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
