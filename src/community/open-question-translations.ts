import type { Language } from '../text/language.ts';
import type { OpenQuestion, OpenQuestions, TranslateAnswer } from './open-questions.ts';

/** The question in `language` for a chat that reads it, when that is not its own; undefined: shown in its own words only. */
export type OpenQuestionIn = (question: OpenQuestion, language: Language) => Promise<string | undefined>;

type Translations = Partial<Record<Language, string>>;

/**
 * An open question translated for a chat in another language: the translation kept with the
 * question, else (with a model) made now, for every language at once, and kept. Without a model,
 * or when it fails, there is none and the post carries the question's own words only.
 * The posts to several chats are sent at once: they share one translation in the making, and a
 * post whose copy of the question predates a translation kept meanwhile reads it again.
 */
export function createOpenQuestionIn(openQuestions: Pick<OpenQuestions, 'saveTranslations' | 'getById'>, translate?: TranslateAnswer): OpenQuestionIn {
  const inMaking = new Map<number, Promise<Translations>>();
  const translationsOf = async (question: OpenQuestion): Promise<Translations> => {
    const fresh = await openQuestions.getById(question.id);
    if (fresh && Object.keys(fresh.translations).length > 0) return fresh.translations;
    const made = await translate!(question.text, question.language);
    if (Object.keys(made).length > 0) await openQuestions.saveTranslations(question.id, made);
    return made;
  };
  return async (question, language) => {
    if (question.language === language) return undefined;
    const kept = question.translations[language];
    if (kept || !translate) return kept;
    let making = inMaking.get(question.id);
    if (!making) {
      making = translationsOf(question).finally(() => inMaking.delete(question.id));
      inMaking.set(question.id, making);
    }
    return (await making)[language];
  };
}
