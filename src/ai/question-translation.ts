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
  const reply = await deps.ai.chat(prompt, options);
  const parsed = replySchema.safeParse(parseJsonObject(reply, 'the translation reply'));
  if (!parsed.success) throw new AiError('malformed', 'the translation reply is not {"fa","zh","en"} JSON', { cause: parsed.error });
  const translations: QuestionTranslations = {};
  for (const other of LANGUAGES) {
    const value = parsed.data[other]?.trim();
    if (other !== language && value) translations[other] = value;
  }
  if (Object.keys(translations).length === 0) {
    throw new AiError('malformed', 'the translation reply has no text in the other languages');
  }
  return translations;
}
