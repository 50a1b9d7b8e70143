import type { Language } from '../text/language.ts';
import { searchTokens } from '../text/tokenize.ts';
import { type QuestionWords, wordsHeld } from './question-words.ts';
import type { CitedExperience } from './types.ts';

/** A second or third experience is cited only when it scores nearly as well as the first... */
export const NEARLY_AS_GOOD = 0.8;
/** ...and holds at least this share of what the first holds of the question's words, by weight. */
const SAME_EVIDENCE = 0.6;

/**
 * The first experience, and those after it that are nearly as good by evidence, not by score
 * alone: a story can reach 80 % of the first's score on the question's common words (money,
 * China, bank) while missing the words that made the first an answer. Each is read in the
 * language the first is shown in; one without a text in it, or no words from the search, is
 * left to the score.
 */
export function worthCiting(cited: CitedExperience[], words: QuestionWords | undefined): CitedExperience[] {
  const [first, ...rest] = cited;
  if (!first || !words) return cited;
  const language = first.displayLanguage;
  const evidence = held(first, language, words);
  const total = evidence ? sum(evidence.values()) : 0;
  if (!evidence || total === 0) return cited;
  return [
    first,
    ...rest.filter((c) => {
      const other = held(c, language, words);
      if (!other) return true;
      const shared = sum([...evidence].filter(([word]) => other.has(word)).map(([, worth]) => worth));
      return shared >= SAME_EVIDENCE * total;
    }),
  ];
}

/** The question's words the experience's whole text in `language` holds, each with its worth; none without such a text. */
function held(c: CitedExperience, language: Language, words: QuestionWords) {
  const text = c.experience.texts[language];
  if (!text) return undefined;
  return wordsHeld(new Set(searchTokens([text.title, text.problem, text.solution, text.outcome ?? ''].join('\n'), language)), words);
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
