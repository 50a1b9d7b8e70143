/** The text steps of /share and how long each answer may be, in characters (code points). */
export const TEXT_FIELDS = ['title', 'problem', 'solution', 'outcome'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type Field = TextField | 'industry' | 'tags';
export const FIELDS: readonly Field[] = [...TEXT_FIELDS, 'industry', 'tags'];

export const LIMITS: Record<TextField, { min: number; max: number }> = {
  title: { min: 5, max: 200 },
  problem: { min: 20, max: 4000 },
  solution: { min: 20, max: 4000 },
  outcome: { min: 5, max: 4000 },
};

export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 40;

export type LengthProblem = { key: 'share-too-short' | 'share-too-long'; length: number; min: number; max: number };

/** Counts what a person sees as characters, so Persian and Chinese are not penalised by UTF-16. */
export function visibleLength(text: string): number {
  return [...text].length;
}

/** Undefined when `text` (already trimmed) fits the field's limits. */
export function checkLength(field: TextField, text: string): LengthProblem | undefined {
  const { min, max } = LIMITS[field];
  const length = visibleLength(text);
  if (length < min) return { key: 'share-too-short', length, min, max };
  if (length > max) return { key: 'share-too-long', length, min, max };
  return undefined;
}

/**
 * Comma-separated keywords (Latin, Persian ، or Chinese ，、 commas) → unique lowercase slugs:
 * spaces become hyphens, punctuation goes (Persian ZWNJ stays). Letters of any script are kept, so a Persian or
 * Chinese tag stays searchable. Undefined when there are too many or too long ones.
 */
export function parseTags(text: string): string[] | undefined {
  const tags: string[] = [];
  for (const part of text.split(/[,،，、;؛\n]/u)) {
    const slug = part
      .normalize('NFKC')
      .toLowerCase()
      .trim()
      .replace(/[^\p{L}\p{M}\p{N}\u200c\s_-]/gu, '')
      .replace(/[\s_]+/gu, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '');
    if (slug === '') continue;
    if (visibleLength(slug) > MAX_TAG_LENGTH) return undefined;
    if (!tags.includes(slug)) tags.push(slug);
  }
  return tags.length > MAX_TAGS ? undefined : tags;
}
