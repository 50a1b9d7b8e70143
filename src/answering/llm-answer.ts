import type { Language } from '../text/language.ts';
import { AiError } from '../ai/errors.ts';
import { promptJson, type PromptLibrary } from '../ai/prompts.ts';
import type { AiProvider, CallOptions } from '../ai/provider.ts';
import { LANGUAGE_NAMES } from '../ai/question-translation.ts';
import { inReadingDirection } from '../text/direction.ts';
import { displayText } from './display.ts';
import { dropInventedCitations, repeatsInstructions } from './model-output.ts';
import type { CitedExperience } from './types.ts';

export { promptJson };

/**
 * The grounded answer written by the model from the cited experiences only (prompts/answer.md).
 * Throws AiError on any provider failure, and on a reply that repeats the instructions or one of
 * `secrets` (kind 'malformed'); the caller falls back to the offline answer.
 */
export async function composeLlmAnswer(
  deps: { ai: AiProvider; prompts: PromptLibrary; secrets?: readonly string[] },
  question: { text: string; previousQuestion?: string; language: Language },
  cited: CitedExperience[],
  options: CallOptions = {},
): Promise<string> {
  const experiences = cited.map((c) => {
    const { text } = displayText(c.experience, c.displayLanguage);
    const { company, city } = c.experience.contributor;
    return {
      title: text.title,
      ...(company ? { company } : {}),
      ...(city ? { city } : {}),
      country: c.experience.country,
      industry: c.experience.industry,
      problem: text.problem,
      solution: text.solution,
      ...(text.outcome ? { outcome: text.outcome } : {}),
    };
  });
  const prompt = await deps.prompts.render('answer', {
    language_name: LANGUAGE_NAMES[question.language],
    question: promptJson(question.text),
    previous_question: promptJson(question.previousQuestion ?? ''),
    experiences: promptJson(experiences),
    titles: promptJson(cited.map((c) => c.title)),
  });
  const reply = await deps.ai.chat(prompt, options);
  if (repeatsInstructions(reply, prompt.system, deps.secrets ?? [])) throw new AiError('malformed', 'the model answer repeats its instructions or a secret');
  // The sources are listed by whoever shows the answer (the bot, `ask`), from `cited`.
  const text = dropInventedCitations(reply, { titles: cited.map((c) => c.title), ids: cited.map((c) => c.experience.externalId) });
  if (text === '') throw new AiError('malformed', 'the model answer was nothing but invented citations');
  return inReadingDirection(question.language, text);
}
