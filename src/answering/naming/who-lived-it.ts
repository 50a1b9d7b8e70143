import type { Language } from '../../text/language.ts';
import type { Translator } from '../../i18n.ts';
import type { Experience } from '../../knowledge/experiences/experience.ts';
import { countryName } from '../display.ts';
import { companyName, personName, placeName, type ShownName } from './names.ts';

type Contributor = Pick<Experience['contributor'], 'name' | 'company' | 'city'>;

/** The contributor's company and city as the reader can read them (what the model is told, what an answer names). */
export function readableContributor(contributor: Contributor, reader: Language): { company?: ShownName; city?: ShownName } {
  const company = contributor.company?.trim();
  const city = contributor.city?.trim();
  return { ...(company ? { company: companyName(company, reader) } : {}), ...(city ? { city: placeName(city, reader) } : {}) };
}

/**
 * Who lived the experience, as a reader names them: company and city in a script they read
 * (see names.ts), and the country (its name in the reader's language, see countryName), joined with the
 * reader's list separator.
 */
export function whoLivedIt(experience: { country: string; contributor?: Contributor }, translator: Translator, language: Language): string {
  const { company, city } = readableContributor(experience.contributor ?? {}, language);
  return [company?.shown, city?.shown, countryName(translator, language, experience.country)]
    .filter((part): part is string => Boolean(part && part.trim()))
    .join(translator.t(language, 'answer-who-separator'));
}

/** A name as read, with the stored form beside it when that differs: a member may need it to search for the firm or write to it. */
export const withOriginal = (name: ShownName): string => (name.original ? `${name.shown} (${name.original})` : name.shown);

/** The person, company and city who shared the experience, readable, each with its stored form beside it (the full story). */
export function contributorCredit(contributor: Contributor, reader: Language): string[] {
  const name = contributor.name?.trim();
  const { company, city } = readableContributor(contributor, reader);
  return [name ? personName(name, reader) : undefined, company, city].filter((n): n is ShownName => n !== undefined).map(withOriginal);
}
