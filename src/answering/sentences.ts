import type { Language } from '../text/language.ts';
import { searchTokens } from '../text/tokenize.ts';
import { statesFigure } from './asked-figure.ts';
import { type QuestionFocus, type QuestionWords, wordsHeld } from './question-words.ts';

/** Past this many characters a second sentence is left out of a gist. */
const GIST_MAX_CHARS: Record<Language, number> = { fa: 260, zh: 110, en: 260 };

/**
 * Two sentences that each answer a part of the question (the documents, and how long; the step
 * taken, beside the sentence in the question's words) may run this long together: either alone
 * leaves a part unanswered, and a list of documents alone can be 220 characters.
 */
const PAIR_MAX_CHARS: Record<Language, number> = { fa: 360, zh: 160, en: 360 };

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
 * The sentences of what the company did and what came of it that answer the question, at most
 * two and short (longer when each answers a part of it), in the story's order; quoted, never rewritten. A sentence answers when it holds
 * a word of the question that the title and problem do not (those say what the whole story is
 * about, not which sentence answers), weighted by what the word is worth: a word most stories
 * hold, such as "money", counts little. A question asking how long or how much is answered by
 * the sentences that state such a figure; one asking what to do, by what they did, not what came
 * of it. Otherwise, the gist of what they did: most stories tell their main step first.
 */
export function answeringSentences(
  story: { title: string; problem: string; solution: string; outcome?: string },
  language: Language,
  question: QuestionFocus,
): string {
  const topic = new Set(searchTokens(`${story.title}\n${story.problem}`, language));
  const solution = splitSentences(story.solution, language);
  const sentences = [...solution, ...(story.outcome ? splitSentences(story.outcome, language) : [])]
    .map((text, index) => ({
      text,
      index,
      outcome: index >= solution.length,
      ...overlap(text, language, question.words, topic),
    }))
    .map((s) => ({ ...s, score: s.own + TOPIC_WEIGHT * s.topical, figure: question.figures.some((kind) => statesFigure(s.text, kind, s.outcome)) }));
  const figures = sentences.filter((s) => s.figure);
  // Asked for a figure and something else ("which documents, and how long?"): a sentence for each
  // when the story has both and they are short enough together.
  const both = question.besidesFigure && figures.length > 0 ? figureAndTheRest(sentences, figures, language) : undefined;
  if (both) return both;
  // What came of it restates the problem in its words: it answers a question only with words of
  // its own, and never one asking what to do.
  const candidates = figures.length > 0 ? figures : sentences.filter((s) => (s.outcome ? !question.whatToDo && s.own > 0 : s.score > 0));
  const ranked = candidates.sort((a, b) => b.score - a.score || a.index - b.index);
  if (ranked.length === 0) return gist(story.solution, language);
  // Nearly as good is as good: the story tells its main step first.
  const top = ranked.filter((s) => s.score >= ranked[0]!.score * NEAR_TIE).sort((a, b) => a.index - b.index)[0]!;
  // Asked what to do in the words of the story's problem only ("how do I pay a Chinese
  // supplier?" of the exchange-house story), a sentence that repeats a word of the problem ("the
  // money was paid from…") is no answer alone: the story's first step, what they did, goes with it.
  const topicOnly = question.whatToDo === true && figures.length === 0 && ranked.every((s) => s.own === 0);
  const firstStep = topicOnly && top.index > 0;
  const next = firstStep ? sentences[0]! : ranked.find((s) => s !== top && s.score > 0);
  if (!next) return topicOnly ? gist(story.solution, language) : top.text;
  const pair = joinShort(
    [top, next].sort((a, b) => a.index - b.index).map((s) => s.text),
    language,
    firstStep ? PAIR_MAX_CHARS : GIST_MAX_CHARS,
  );
  // Too long together: the best one alone.
  return pair.includes(top.text) && pair.includes(next.text) ? pair : top.text;
}

type Scored = { text: string; index: number; outcome: boolean; own: number; score: number; figure: boolean };

/** The best sentence stating the figure asked with the best of the others answering the question, if the two fit together. */
function figureAndTheRest(sentences: readonly Scored[], figures: readonly Scored[], language: Language): string | undefined {
  // The other part asks what they did: what came of it is the figure's part.
  const rest = sentences.filter((s) => !s.figure && !s.outcome && s.score > 0);
  const other = best(rest);
  if (!other) return undefined;
  // How long it took or what it cost is told in what came of it; a step's figure ("for the first
  // year the limit was lower") is taken only when what came of it states none.
  const outcomes = figures.filter((s) => s.outcome);
  const byRank = [outcomes, figures.filter((s) => !s.outcome)].flatMap((some) =>
    some.length === 0 ? [] : [best(some)!, ...[...some].sort((a, b) => b.score - a.score || a.index - b.index)],
  );
  for (const figure of byRank) {
    const pair = joinShort(
      [figure, other].sort((a, b) => a.index - b.index).map((s) => s.text),
      language,
      PAIR_MAX_CHARS,
    );
    if (pair.includes(figure.text) && pair.includes(other.text)) return pair;
  }
  return undefined;
}

/** The highest scoring sentence, the story's earliest of those nearly as good. */
function best<T extends { score: number; index: number }>(sentences: readonly T[]): T | undefined {
  const top = Math.max(...sentences.map((s) => s.score));
  return sentences.filter((s) => s.score >= top * NEAR_TIE).sort((a, b) => a.index - b.index)[0];
}

/** Sentences scoring at least this share of the best are taken in the story's order. */
const NEAR_TIE = 0.85;

/** A word of the story's topic counts this much of a word the question adds. */
const TOPIC_WEIGHT = 0.25;

/**
 * What the question's words a sentence holds are worth: `own`, of words the title and problem
 * do not name; `topical`, of those they do. A word counts its tokens held, up to its weight.
 */
function overlap(sentence: string, language: Language, words: QuestionWords, topic: ReadonlySet<string>): { own: number; topical: number } {
  let own = 0;
  let topical = 0;
  const tokens = new Set(searchTokens(sentence, language));
  for (const [word, worth] of wordsHeld(tokens, words)) {
    // A concept the title or problem names in any of its variants is of the topic; a word held
    // only by a two-letter Persian piece (گو of Finglish "mige") is no word of the sentence's
    // own, and counts as little.
    if (word.tokens.some((t) => topic.has(t.token)) || heldByPieceOnly(word, tokens)) topical += worth;
    else own += worth;
  }
  return { own, topical };
}

/**
 * Whether the sentence holds the word only through a Persian stem of two letters, which Finglish
 * often spells by chance (گو of "mige", says). A lone Chinese character is left a word of its own:
 * discounted the same way, it lost a contract question its "English prevails" sentence
 * (docs/answers-read.md).
 */
function heldByPieceOnly(word: QuestionWords[number], tokens: ReadonlySet<string>): boolean {
  const piece = (token: string) => /^\p{Script=Arabic}{1,2}$/u.test(token);
  return word.tokens.every((t) => !tokens.has(t.token) || piece(t.token));
}

/** The sentences joined, or only the first when together they would be longer than `max`. */
function joinShort(sentences: readonly string[], language: Language, max: Record<Language, number> = GIST_MAX_CHARS): string {
  const [first, ...rest] = sentences;
  if (first === undefined) return '';
  const both = [first, ...rest].join(language === 'zh' ? '' : ' ');
  return rest.length === 0 || both.length <= max[language] ? both : first;
}
