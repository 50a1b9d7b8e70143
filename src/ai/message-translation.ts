import type { Language } from '../text/language.ts';
import { promptJson, type PromptLibrary } from './prompts.ts';
import type { AiProvider, CallOptions } from './provider.ts';
import { LANGUAGE_NAMES, translationsFromReply } from './question-translation.ts';

/**
 * Asks the model for a message a member will read (a community answer, an open question's post)
 * in the other two languages: a faithful translation for reading (prompts/translate-message.md),
 * not the rewriting for search that translateQuestion asks for. The message goes into the prompt
 * as JSON inside a tag, as data. Throws AiError on a provider failure, and AiError('malformed')
 * when the reply is not the JSON asked for or holds no other language.
 */
export async function translateMessage(
  deps: { ai: AiProvider; prompts: PromptLibrary },
  text: string,
  language: Language,
  options: CallOptions = {},
): Promise<Partial<Record<Language, string>>> {
  const prompt = await deps.prompts.render('translate-message', { language_name: LANGUAGE_NAMES[language], message: promptJson(text) });
  return translationsFromReply(await deps.ai.chat(prompt, options), language, 'the translated message');
}
