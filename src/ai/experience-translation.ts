import { z } from 'zod';
import type { Language } from '../text/language.ts';
import { AiError } from './errors.ts';
import { parseJsonObject } from './json-reply.ts';
import { promptJson, type PromptLibrary } from './prompts.ts';
import type { AiProvider, CallOptions } from './provider.ts';
import { LANGUAGE_NAMES } from './question-translation.ts';

/** An experience's text fields, as the prompt carries them and the reply gives them back. */
export interface TranslatableText {
  title: string;
  problem: string;
  solution: string;
  outcome?: string;
}

// A field this long is no translation of anything a member wrote (kb-format allows 20,000).
const MAX_FIELD_CHARS = 20_000;
const field = z.string().trim().min(1).max(MAX_FIELD_CHARS);
const replySchema = z.object({
  title: field.refine((t) => !t.includes('\n'), 'the title must be one line'),
  problem: field,
  solution: field,
  outcome: z.string().trim().max(MAX_FIELD_CHARS).optional(),
});

/**
 * Asks the model for `text` (written in `from`) in `to` (prompts/translate-experience.md). The
 * text goes into the prompt as JSON inside labelled tags, as data. Throws AiError on a provider
 * failure, and AiError('malformed') when the reply is not the JSON asked for.
 */
export async function translateExperienceText(
  deps: { ai: AiProvider; prompts: PromptLibrary },
  text: TranslatableText,
  from: Language,
  to: Language,
  options: CallOptions = {},
): Promise<TranslatableText> {
  const prompt = await deps.prompts.render('translate-experience', {
    source_language_name: LANGUAGE_NAMES[from],
    target_language_name: LANGUAGE_NAMES[to],
    experience: promptJson({ title: text.title, problem: text.problem, solution: text.solution, outcome: text.outcome ?? '' }),
  });
  const reply = await deps.ai.chat(prompt, options);
  const parsed = replySchema.safeParse(parseJsonObject(reply, 'the experience translation'));
  if (!parsed.success)
    throw new AiError('malformed', 'the experience translation is not {"title","problem","solution","outcome"} JSON', { cause: parsed.error });
  const { title, problem, solution, outcome } = parsed.data;
  return { title, problem, solution, ...(outcome ? { outcome } : {}) };
}
