import { z } from 'zod';
import type { Language } from '../text/language.ts';
import { AiError } from './errors.ts';
import { parseJsonObject } from './json-reply.ts';
import { promptJson, type PromptLibrary } from './prompts.ts';
import type { AiProvider, CallOptions } from './provider.ts';
import { LANGUAGE_NAMES } from './question-translation.ts';

/** A community answer as the fields of an experience; the caller checks them against the experience rules. */
export interface StructuredAnswer {
  title: string;
  problem: string;
  solution: string;
  outcome?: string;
}

const replySchema = z.object({
  title: z.string().trim(),
  problem: z.string().trim(),
  solution: z.string().trim(),
  outcome: z.string().trim().optional(),
});

/**
 * Asks the model to structure a question put to the community and a member's answer to it into
 * title / problem / solution / outcome in `language`, the answer's (prompts/structure-answer.md).
 * Both texts go into the prompt as JSON inside labelled tags, as data. Throws AiError on a
 * provider failure, and AiError('malformed') when the reply is not the JSON asked for.
 */
export async function structureCommunityAnswer(
  deps: { ai: AiProvider; prompts: PromptLibrary },
  input: { question: string; answer: string; language: Language },
  options: CallOptions = {},
): Promise<StructuredAnswer> {
  const prompt = await deps.prompts.render('structure-answer', {
    language_name: LANGUAGE_NAMES[input.language],
    question: promptJson(input.question),
    answer: promptJson(input.answer),
  });
  const parsed = replySchema.safeParse(parseJsonObject(await deps.ai.chat(prompt, options), 'the structured answer'));
  if (!parsed.success) throw new AiError('malformed', 'the structured answer is not {"title","problem","solution","outcome"} JSON', { cause: parsed.error });
  const { title, problem, solution, outcome } = parsed.data;
  return { title, problem, solution, ...(outcome ? { outcome } : {}) };
}
