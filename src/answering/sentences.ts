import type { Language } from '../text/language.ts';

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
  const [first, second] = splitSentences(text, language);
  if (first === undefined) return '';
  if (second === undefined) return first;
  const joiner = language === 'zh' ? '' : ' ';
  const both = `${first}${joiner}${second}`;
  return both.length <= GIST_MAX_CHARS[language] ? both : first;
}
