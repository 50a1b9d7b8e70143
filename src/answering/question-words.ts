import type { Language } from '../text/language.ts';
import { searchTokens } from '../text/tokenize.ts';
import type { AskedFigure } from './asked-figure.ts';

/**
 * The question's words, each worth `weight` at most: any of its tokens is the word (a glossary
 * concept has several), each token worth its own weight.
 */
export type QuestionWords = readonly { readonly tokens: readonly { readonly token: string; readonly weight: number }[]; readonly weight: number }[];

/** What the question asks about and for: its words, the figures it asks for (askedFigures), whether it asks what to do (asksWhatToDo). */
export interface QuestionFocus {
  words: QuestionWords;
  figures: readonly AskedFigure[];
  whatToDo?: boolean;
  /** It asks for a figure and something else too (asksBesidesFigure). */
  besidesFigure?: boolean;
}

/**
 * Each word of the question (in any of its forms: as asked, translated) worth the same, a lone
 * Chinese character half: for when the search does not say what its words are worth.
 */
export function plainQuestionWords(questions: readonly string[], language: Language): QuestionWords {
  const tokens = new Set(questions.flatMap((q) => searchTokens(q, language, { question: true })));
  return [...tokens].map((token) => {
    const weight = /^\p{Script=Han}$/u.test(token) ? 0.5 : 1;
    return { tokens: [{ token, weight }], weight };
  });
}

/** The question's words a text holds (`tokens`: its search tokens), each with what it is worth there: its tokens held, up to its weight. */
export function wordsHeld(tokens: ReadonlySet<string>, words: QuestionWords): Map<QuestionWords[number], number> {
  const held = new Map<QuestionWords[number], number>();
  for (const word of words) {
    const worth = word.tokens.reduce((sum, t) => (tokens.has(t.token) ? sum + t.weight : sum), 0);
    if (worth > 0) held.set(word, Math.min(word.weight, worth));
  }
  return held;
}
