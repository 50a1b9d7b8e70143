import type { Language } from '../text/language.ts';
import { searchTokens } from '../text/tokenize.ts';

/** Past this many characters a second sentence is left out of a gist. */
const GIST_MAX_CHARS: Record<Language, number> = { fa: 260, zh: 110, en: 260 };

/**
 * Sentences by the ICU rules behind Intl.Segmenter: they end at . ! ? and also at
 * Chinese 。！？ and Persian ؟, and leave decimals and "e.g." alone.
 */
export function splitSentences(text: string, language: Language): string[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  return [...segmenter.segment(text)]
    .flatMap((s) => s.segment.split(/\n+/))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The first sentence, and the second too when both together stay short: quoted, never rewritten. */
export function gist(text: string, language: Language): string {
  return joinShort(splitSentences(text, language).slice(0, 2), language);
}

/**
 * The sentences of what the company did and what came of it that share the most words with
 * the question (in any of its forms: as asked, translated), at most two and short, in the
 * story's order; quoted, never rewritten. When no sentence shares a word with it (the story is
 * shown in another language than every form of the question), the gist of what they did.
 */
export function answeringSentences(
  story: { title: string; problem: string; solution: string; outcome?: string },
  language: Language,
  questions: readonly string[],
): string {
  const asked = new Set(questions.flatMap((q) => searchTokens(q, language, { question: true })));
  // Words of the title and the problem say what the story is about, not which sentence answers.
  const topic = new Set(searchTokens(`${story.title}\n${story.problem}`, language));
  const sentences = [...splitSentences(story.solution, language), ...(story.outcome ? splitSentences(story.outcome, language) : [])];
  const scored = sentences.map((text, index) => ({ text, index, score: overlap(text, language, asked, topic) }));
  const best = [...scored].filter((s) => s.score > 0).sort((a, b) => b.score - a.score || a.index - b.index);
  const [top, next] = best;
  if (!top) return gist(story.solution, language);
  if (!next) return top.text;
  const pair = joinShort(
    [top, next].sort((a, b) => a.index - b.index).map((s) => s.text),
    language,
  );
  // Too long together: the best one alone.
  return pair.includes(top.text) && pair.includes(next.text) ? pair : top.text;
}

/** Topic words count this much of a word the question adds. */
const TOPIC_WEIGHT = 0.25;

/**
 * How many of the question's words a sentence has: a Chinese word (two characters or more)
 * counts more than a lone character, and a word of the story's topic less than the others.
 */
function overlap(sentence: string, language: Language, asked: ReadonlySet<string>, topic: ReadonlySet<string>): number {
  let score = 0;
  for (const token of new Set(searchTokens(sentence, language))) {
    if (asked.has(token)) score += (/^\p{Script=Han}$/u.test(token) ? 0.5 : 1) * (topic.has(token) ? TOPIC_WEIGHT : 1);
  }
  return score;
}

/** The sentences joined, or only the first when together they would be long. */
function joinShort(sentences: readonly string[], language: Language): string {
  const [first, ...rest] = sentences;
  if (first === undefined) return '';
  const both = [first, ...rest].join(language === 'zh' ? '' : ' ');
  return rest.length === 0 || both.length <= GIST_MAX_CHARS[language] ? both : first;
}
