import bidiModule from 'bidi-js';

// Its types describe an ES module, but Node loads the CommonJS build, whose export is the factory.
const bidi = (bidiModule as unknown as typeof bidiModule.default)();

/**
 * The lines of `text` that a client following the Unicode bidirectional algorithm lays out left
 * to right, as Telegram shows its HTML (tags dropped, entities read). bidi-js reads UTF-16 code
 * units and takes an emoji's surrogates for Latin letters, so emoji become a neutral sign
 * before it looks.
 */
export function linesLaidOutLeftToRight(text: string): string[] {
  const shown = asShown(text).replace(/\p{Extended_Pictographic}\uFE0F?/gu, '★');
  return bidi
    .getEmbeddingLevels(shown)
    .paragraphs.filter((p) => p.level % 2 === 0)
    .map((p) => shown.slice(p.start, p.end + 1).replace(/\n$/, ''))
    .filter((line) => /[\p{L}\p{N}]/u.test(line));
}

/**
 * The lines whose first letter is not right to left, counting letters inside isolated values:
 * how a client that does not skip isolates lays a line out.
 */
export function linesStartingLeftToRight(text: string): string[] {
  return asShown(text)
    .split('\n')
    .filter((line) => {
      const first = /[\p{L}\u200E\u200F]/u.exec(line)?.[0];
      return first !== undefined && first !== '\u200F' && !/\p{Script=Arabic}/u.test(first);
    });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };

/** Telegram HTML as the member sees it. */
function asShown(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot);/g, (_, name: string) => ENTITIES[name]!);
}
