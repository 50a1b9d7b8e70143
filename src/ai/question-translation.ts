import { z } from 'zod';
import { LANGUAGES, type Language } from '../text/language.ts';
import { AiError } from './errors.ts';
import { parseJsonObject } from './json-reply.ts';
import type { PromptLibrary } from './prompts.ts';
import type { AiProvider, CallOptions } from './provider.ts';

/** How prompts name each language to the model. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  fa: 'Persian (Farsi)',
  zh: 'Simplified Chinese',
  en: 'English',
};

const replySchema = z.object({
  fa: z.string().optional(),
  zh: z.string().optional(),
  en: z.string().optional(),
});

export type QuestionTranslations = Partial<Record<Language, string>>;

/**
 * Asks the model for the question in the two other languages, for retrieval only (the
 * member never sees these). Throws AiError('malformed') when the reply is not the JSON asked for.
 */
export async function translateQuestion(
  deps: { ai: AiProvider; prompts: PromptLibrary },
  text: string,
  language: Language,
  options: CallOptions = {},
): Promise<QuestionTranslations> {
  const prompt = await deps.prompts.render('translate-question', { language_name: LANGUAGE_NAMES[language], question: text });
  return translationsFromReply(await deps.ai.chat(prompt, options), language, 'the translation reply');
}

/**
 * A model's `{"fa", "zh", "en"}` reply as the text in the languages other than `language`.
 * Throws AiError('malformed') when it is not that JSON, or holds none of them (`what` names the reply).
 */
export function translationsFromReply(reply: string, language: Language, what: string): QuestionTranslations {
  const parsed = replySchema.safeParse(parseJsonObject(reply, what));
  if (!parsed.success) throw new AiError('malformed', `${what} is not {"fa","zh","en"} JSON`, { cause: parsed.error });
  const translations: QuestionTranslations = {};
  for (const other of LANGUAGES) {
    const value = parsed.data[other]?.trim();
    if (other !== language && value) translations[other] = value;
  }
  if (Object.keys(translations).length === 0) throw new AiError('malformed', `${what} has no text in the other languages`);
  return translations;
}
