import type { Language } from '../text/language.ts';
import { AiError } from '../ai/errors.ts';
import { promptJson, type PromptLibrary } from '../ai/prompts.ts';
import type { AiProvider, CallOptions } from '../ai/provider.ts';
import { LANGUAGE_NAMES } from '../ai/question-translation.ts';
import { inReadingDirection } from '../text/direction.ts';
import { displayText } from './display.ts';
import { readableContributor } from './naming/who-lived-it.ts';
import { citedPositions, dropInventedCitations, echoCheck } from './model-output.ts';
import type { CitedExperience } from './types.ts';

export { promptJson };

/**
 * What the model replies when none of the experiences answers what the question asks
 * (prompts/answer.md). Matched anywhere in the reply, in any case: a reply holding it is a
 * refusal however it is dressed, and the marker never reaches a member.
 */
export const NO_ANSWER_MARKER = 'NO_ANSWER';

const saysNoAnswer = (reply: string) => reply.toUpperCase().includes(NO_ANSWER_MARKER);

/** The start of a reply that is still, or could still become, the marker ("NO_AN", "**NO"). */
const mayBecomeMarker = (soFar: string) => NO_ANSWER_MARKER.startsWith(soFar.replace(/^[\s*`"'«]+/, '').toUpperCase());

/**
 * The model's verdict on the experiences: an answer from them (with those of them it cites), or
 * that they do not answer the question (`answers: false`: the marker).
 */
export type LlmAnswer = { answers: true; text: string; citing: CitedExperience[] } | { answers: false };

/**
 * The grounded answer written by the model from the cited experiences only (prompts/answer.md),
 * or its verdict that they do not answer the question.
 * Throws AiError on any provider failure, and on a reply that repeats the instructions or one of
 * `secrets` (kind 'malformed'); the caller falls back to the offline answer.
 */
export async function composeLlmAnswer(
  deps: { ai: AiProvider; prompts: PromptLibrary; secrets?: readonly string[] },
  question: { text: string; previousQuestion?: string; language: Language },
  cited: CitedExperience[],
  options: Pick<CallOptions, 'signal'> & { onDraft?: (draft: string) => void } = {},
): Promise<LlmAnswer> {
  const experiences = cited.map((c) => {
    const { text } = displayText(c.experience, c.displayLanguage);
    // Named as the reader can read them, so the answer does not copy a script they cannot.
    const { company, city } = readableContributor(c.experience.contributor, question.language);
    return {
      title: text.title,
      ...(company ? { company: company.shown } : {}),
      ...(city ? { city: city.shown } : {}),
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
  const titles = cited.map((c) => c.title);
  const ids = cited.map((c) => c.experience.externalId);
  const { onDraft, ...call } = options;
  const echoes = echoCheck(prompt.system, deps.secrets ?? []);
  let stopped = false;
  let shown = '';
  const onText = onDraft
    ? (soFar: string) => {
        if (stopped) return;
        // The marker, or what may become it, is never shown; after it nothing more is.
        if (saysNoAnswer(soFar)) stopped = true;
        if (stopped || mayBecomeMarker(soFar)) return;
        const draft = checkedDraft(soFar, echoes, { titles, ids });
        if (draft === undefined) stopped = true;
        else if (draft !== '' && draft !== shown) onDraft(inReadingDirection(question.language, (shown = draft)));
      }
    : undefined;
  const reply = await deps.ai.chat(prompt, { ...call, ...(onText ? { onText } : {}) });
  if (echoes(reply)) throw new AiError('malformed', 'the model answer repeats its instructions or a secret');
  if (saysNoAnswer(reply)) return { answers: false };
  // The sources are listed by whoever shows the answer (the bot, `ask`), from `cited`.
  const text = dropInventedCitations(reply, { titles, ids });
  if (text === '') throw new AiError('malformed', 'the model answer was nothing but invented citations');
  const citing = citedPositions(text, { titles, ids });
  return { answers: true, text: inReadingDirection(question.language, text), citing: cited.filter((_, i) => citing.has(i)) };
}

// The end of a sentence or line in any of the three languages.
const FINISHED = /[.!?؟。！？\n]/g;

/**
 * What of a reply still being written may be shown: its finished sentences only (a half-written
 * line of the instructions or a half-typed secret cannot be recognised yet), with the same checks
 * as the final answer — undefined once they have shown an echo, after which nothing more is shown.
 * An unclosed «title» is held back until it closes and can be checked.
 */
export function checkedDraft(
  soFar: string,
  echoes: (text: string) => boolean,
  cited: { titles: readonly string[]; ids: readonly string[] },
): string | undefined {
  if (echoes(soFar)) return undefined;
  let end = 0;
  for (const m of soFar.matchAll(FINISHED)) end = m.index + 1;
  let finished = soFar.slice(0, end);
  const open = finished.lastIndexOf('«');
  if (open > finished.lastIndexOf('»')) finished = finished.slice(0, open);
  return dropInventedCitations(finished, cited);
}
