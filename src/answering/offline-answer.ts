import type { Language } from '../text/language.ts';
import type { Translator } from '../i18n.ts';
import { inReadingDirection } from '../text/direction.ts';
import { countryName, displayText, industryName, verificationNote } from './display.ts';
import { gist } from './sentences.ts';
import type { CitedExperience } from './types.ts';

/**
 * The extractive answer: for each experience its title, where it comes from and the gist of
 * what the company did, quoted from the experience itself. Nothing here is generated, so it
 * is the answer without a model and the fallback when the model fails.
 */
export function composeOfflineAnswer(cited: CitedExperience[], language: Language, translator: Translator): string {
  const blocks = cited.map((c, i) => {
    const { language: shown, text } = displayText(c.experience, c.displayLanguage);
    const meta = translator.t(language, 'answer-experience-meta', {
      country: countryName(translator, language, c.experience.country),
      industry: industryName(translator, language, c.experience.industry),
    });
    // The quoted lines are laid out in their own language's direction, the messages in the reader's.
    const lines = [inReadingDirection(shown, `${i + 1}. ${text.title}`), meta, inReadingDirection(shown, gist(text.solution, shown))];
    if (shown !== language) lines.push(translator.t(language, 'answer-original-note', { language: shown }));
    if (text.origin === 'machine') lines.push(translator.t(language, 'answer-machine-note'));
    if (c.verification) lines.push(verificationNote(translator, language, c.verification));
    return lines.join('\n');
  });
  return [translator.t(language, 'answer-offline-intro'), ...blocks].join('\n\n');
}
