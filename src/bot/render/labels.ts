import type { Language } from '../../config.ts';
import { countryName, industryName } from '../../answering/display.ts';
import type { Translator } from '../../i18n.ts';

// Country and industry names live in locales/*/answering.ftl; the bot reuses them.
export const countryLabel = (translator: Translator, language: Language, code: string) => countryName(translator, language, code);
export const industryLabel = (translator: Translator, language: Language, slug: string) => industryName(translator, language, slug);
