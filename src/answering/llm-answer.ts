import type { Language } from '../text/language.ts';
import type { PromptLibrary } from '../ai/prompts.ts';
import type { AiProvider, CallOptions } from '../ai/provider.ts';
import { LANGUAGE_NAMES } from '../ai/question-translation.ts';
import { inReadingDirection } from '../text/direction.ts';
import { displayText } from './display.ts';
import type { CitedExperience } from './types.ts';

/**
 * The grounded answer written by the model from the cited experiences only (prompts/answer.md).
 * Throws AiError on any provider failure; the caller falls back to the offline answer.
 */
export async function composeLlmAnswer(
  deps: { ai: AiProvider; prompts: PromptLibrary },
  question: { text: string; previousQuestion?: string; language: Language },
  cited: CitedExperience[],
  options: CallOptions = {},
): Promise<string> {
  const experiences = cited.map((c) => {
    const { text } = displayText(c.experience, c.displayLanguage);
    return {
      title: text.title,
      country: c.experience.country,
      industry: c.experience.industry,
      problem: text.problem,
      solution: text.solution,
      ...(text.outcome ? { outcome: text.outcome } : {}),
    };
  });
  const prompt = await deps.prompts.render('answer', {
    language_name: LANGUAGE_NAMES[question.language],
    question: question.text,
    previous_question: question.previousQuestion ?? '',
    experiences: JSON.stringify(experiences, null, 2),
    titles: cited.map((c) => c.title).join('\n'),
  });
  // The sources are listed by whoever shows the answer (the bot, `ask`), from `cited`.
  return inReadingDirection(question.language, await deps.ai.chat(prompt, options));
}
