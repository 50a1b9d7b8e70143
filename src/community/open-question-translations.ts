import type { Language } from '../text/language.ts';
import type { OpenQuestion, OpenQuestions, TranslateAnswer } from './open-questions.ts';

/** The question in `language` for a chat that reads it, when that is not its own; undefined: shown in its own words only. */
export type OpenQuestionIn = (question: OpenQuestion, language: Language) => Promise<string | undefined>;

/**
 * An open question translated for a chat in another language: the translation kept with the
 * question, else (with a model) made now, for every language at once, and kept. Without a model,
 * or when it fails, there is none and the post carries the question's own words only.
 */
export function createOpenQuestionIn(openQuestions: Pick<OpenQuestions, 'saveTranslations'>, translate?: TranslateAnswer): OpenQuestionIn {
  return async (question, language) => {
    if (question.language === language) return undefined;
    const kept = question.translations[language];
    if (kept || !translate) return kept;
    const made = await translate(question.text, question.language);
    if (Object.keys(made).length > 0) await openQuestions.saveTranslations(question.id, made);
    return made[language];
  };
}
