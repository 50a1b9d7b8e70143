import type { Language } from '../text/language.ts';
import type { Translator } from '../i18n.ts';
import { inReadingDirection } from '../text/direction.ts';
import { displayText, industryName, itemNumber, verificationNote } from './display.ts';
import { whoLivedIt } from './naming/who-lived-it.ts';
import type { QuestionFocus } from './question-words.ts';
import { answeringSentences } from './sentences.ts';
import type { CitedExperience } from './types.ts';

/**
 * The extractive answer: for each experience its title, who lived it (company, city, country)
 * and the sentences of what they did that answer the question (see answeringSentences), quoted
 * from the experience itself. Nothing here is generated, so it
 * is the answer without a model and the fallback when the model fails.
 */
export function composeOfflineAnswer(
  cited: CitedExperience[],
  language: Language,
  translator: Translator,
  question: QuestionFocus = { words: [], figures: [] },
): string {
  const blocks = cited.map((c, i) => {
    const { language: shown, text } = displayText(c.experience, c.displayLanguage);
    const meta = translator.t(language, 'answer-experience-meta', {
      who: whoLivedIt(c.experience, translator, language),
      industry: industryName(translator, language, c.experience.industry),
    });
    // The quoted lines are laid out in their own language's direction, the messages in the reader's.
    const lines = [
      inReadingDirection(shown, `${itemNumber(language, i + 1)} ${text.title}`),
      meta,
      inReadingDirection(shown, answeringSentences(text, shown, question)),
    ];
    if (shown !== language) lines.push(shownNote(translator, language, shown, c.experience.language));
    if (text.origin === 'machine') lines.push(translator.t(language, 'answer-machine-note'));
    if (c.verification) lines.push(verificationNote(translator, language, c.verification));
    return lines.join('\n');
  });
  return [translator.t(language, 'answer-offline-intro'), ...blocks].join('\n\n');
}

/** Why the quote is not in the reader's language: it is the original, or a translation into their second choice. */
export function shownNote(translator: Translator, reader: Language, shown: Language, original: Language): string {
  return shown === original
    ? translator.t(reader, 'answer-original-note', { language: shown })
    : translator.t(reader, 'answer-translation-note', { language: shown, original });
}
