import { z } from 'zod';
import { LANGUAGES, type Language } from '../../text/language.ts';

/**
 * The rules of an experience, in one place: what kb-format v1 (../shared/kb-format.md) accepts,
 * what /share asks of a member, and what any later editor (staff review, the web panel) must
 * check. Pure values and zod schemas; no database, no Telegram.
 */

export { LANGUAGES, type Language };

export const INDUSTRIES = [
  'food',
  'textiles',
  'machinery',
  'chemicals',
  'automotive',
  'electronics',
  'construction',
  'agriculture',
  'handicrafts',
  'pharma',
  'logistics',
  'software',
  'energy',
  'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const STATUSES = ['draft', 'pending', 'published', 'rejected', 'archived'] as const;
export type ExperienceStatus = (typeof STATUSES)[number];

// Codes for groupings and private use, which Intl names but no company is registered in.
const NOT_A_COUNTRY = /^(AA|EU|EZ|UN|Q[M-Z]|X[A-Z]|ZZ)$/;
const REGION_NAMES = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });

/** An assigned ISO 3166-1 alpha-2 country code, upper case ("IR"; not "ZZ", "EU" or "XX"). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !NOT_A_COUNTRY.test(code) && REGION_NAMES.of(code) !== undefined;
}

export const TEXT_FIELDS = ['title', 'problem', 'solution', 'outcome'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Any stored text, imported or typed: PostgreSQL holds it, a reader still can. */
export const MAX_TEXT_CHARS = 20_000;
export const MAX_ID_CHARS = 200;

/**
 * What a member types in /share (and any editor offers a member): tighter than MAX_TEXT_CHARS,
 * because a contribution is read on a phone and reviewed by a person.
 */
export const MEMBER_TEXT_LIMITS: Record<TextField, { min: number; max: number }> = {
  title: { min: 5, max: 200 },
  problem: { min: 20, max: 4000 },
  solution: { min: 20, max: 4000 },
  outcome: { min: 5, max: 4000 },
};

export const MAX_TAGS = 12;
export const MAX_TAG_LENGTH = 40;

/** Counts what a person sees as characters, so Persian and Chinese are not penalised by UTF-16. */
export function visibleLength(text: string): number {
  return [...text].length;
}

export type LengthProblem = { key: 'share-too-short' | 'share-too-long'; length: number; min: number; max: number };

/** Undefined when `text` (already trimmed) fits the member limits of `field`. */
export function checkMemberText(field: TextField, text: string): LengthProblem | undefined {
  const { min, max } = MEMBER_TEXT_LIMITS[field];
  const length = visibleLength(text);
  if (length < min) return { key: 'share-too-short', length, min, max };
  if (length > max) return { key: 'share-too-long', length, min, max };
  return undefined;
}

/**
 * A title made of a text someone wrote for another purpose (a question put to the community, a
 * group message saved with /save): its first line, cut to the member limit with an ellipsis.
 */
export function titleFrom(text: string): string {
  const line = text.trim().split('\n')[0]!.trim();
  const max = MEMBER_TEXT_LIMITS.title.max;
  return visibleLength(line) <= max ? line : `${[...line].slice(0, max - 1).join('')}…`;
}

/**
 * Whether a text lacks its problem (an answer whose question the bot never saw, or has in another
 * language only: answerText): the review card warns of it, and it is neither published nor merged
 * until a curator writes it.
 */
export const lacksProblem = (text: { problem: string }): boolean => text.problem.trim() === '';

/** An answer as an experience's text, or why it cannot be kept. */
export type AnswerText = { ok: true; text: { title: string; problem: string; solution: string } } | { ok: false; problem: LengthProblem };

/**
 * An answer someone wrote as an experience's text — a group message saved with /save, a member's
 * answer to a question put to the community: the answer is what was done (the solution, held to
 * the member limits), the question it answers the problem and the title's source. A question the
 * bot never saw, or has only in another language than the answer's, is not given: the problem
 * then stays empty, for the review card to point out (warnings.ts) and a curator to write, and
 * the title comes from the answer, so the text stays in one language.
 */
export function answerText(input: { answer: string; problem?: string }): AnswerText {
  const solution = input.answer.trim();
  const tooShortOrLong = checkMemberText('solution', solution);
  if (tooShortOrLong) return { ok: false, problem: tooShortOrLong };
  const problem = (input.problem ?? '').trim().slice(0, MEMBER_TEXT_LIMITS.problem.max);
  return { ok: true, text: { title: titleFrom(problem || solution), problem, solution } };
}

// A tag is words of letters (any script, with their combining marks) and digits joined by single
// hyphens. ZWNJ may join letters inside a word: Persian spells words such as حمل‌ونقل with it.
const TAG_WORD = String.raw`[\p{L}\p{Nd}](?:[\p{L}\p{M}\p{Nd}]|\u200C(?=[\p{L}\p{Nd}]))*`;
const TAG_PATTERN = new RegExp(`^${TAG_WORD}(?:-${TAG_WORD})*$`, 'u');

/** Why `tag` is not a kb-format tag, or undefined when it is one. */
export function tagProblem(tag: string): string | undefined {
  const suggestion = normaliseTag(tag);
  const hint = suggestion !== '' && suggestion !== tag ? `; use e.g. ${JSON.stringify(suggestion)}` : '';
  if (tag.normalize('NFC') !== tag) return `${JSON.stringify(tag)} is not in Unicode NFC${hint}`;
  if (!TAG_PATTERN.test(tag) || tag.toLowerCase() !== tag) {
    return `${JSON.stringify(tag)} is not a tag (lowercase letters of any script, digits and single hyphens between them, no spaces)${hint}`;
  }
  const length = visibleLength(tag);
  if (length > MAX_TAG_LENGTH) return `${JSON.stringify(tag)} is ${length} characters long; shorten it to at most ${MAX_TAG_LENGTH}`;
  return undefined;
}

/**
 * What someone typed as one keyword → the tag it stands for ('' when nothing is left): lowercase,
 * spaces and underscores become hyphens, punctuation goes. Letters of any script are kept.
 */
export function normaliseTag(typed: string): string {
  return (
    typed
      .normalize('NFKC')
      .toLowerCase()
      .trim()
      .replace(/[^\p{L}\p{M}\p{Nd}\u200c\s_-]/gu, '')
      .replace(/[\s_]+/gu, '-')
      .replace(/-+/g, '-')
      .replace(/\u200c+/g, '\u200c')
      // A word starts with a letter or digit and ends with no joiner.
      .replace(/(^|-)[\p{M}\u200c-]+/gu, '$1')
      .replace(/[\u200c-]+(?=-|$)/gu, '')
      .normalize('NFC')
  );
}

/** One tag; its messages say what to fix. */
export const tagSchema = z.string().superRefine((tag, ctx) => {
  const problem = tagProblem(tag);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** The tags of an experience: at most MAX_TAGS, none repeated. */
export const tagsSchema = z.array(tagSchema).superRefine((tags, ctx) => {
  if (tags.length > MAX_TAGS) ctx.addIssue({ code: 'custom', message: `has ${tags.length} tags; keep at most ${MAX_TAGS}` });
  const seen = new Set<string>();
  tags.forEach((tag, index) => {
    if (seen.has(tag)) ctx.addIssue({ code: 'custom', path: [index], message: `repeats the tag "${tag}"; list each tag once` });
    seen.add(tag);
  });
});

/**
 * Comma-separated keywords as a member types them (Latin, Persian ، or Chinese ，、 commas) →
 * the experience's tags, repeats dropped. Undefined when they break the tag rules (too many,
 * or one too long).
 */
export function parseTypedTags(text: string): string[] | undefined {
  const tags: string[] = [];
  for (const part of text.split(/[,،，、;؛\n]/u)) {
    const tag = normaliseTag(part);
    if (tag !== '' && !tags.includes(tag)) tags.push(tag);
  }
  return tagsSchema.safeParse(tags).success ? tags : undefined;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Rules every stored string shares: PostgreSQL text holds neither NUL nor lone surrogates. */
export function storedText(options: { oneLine?: boolean; maxChars?: number } = {}) {
  const maxChars = options.maxChars ?? MAX_TEXT_CHARS;
  return z.string().superRefine((s, ctx) => {
    if (s.trim() === '') ctx.addIssue({ code: 'custom', message: 'is empty; write the text, or leave the field out if it is optional' });
    // Counting code points only matters near the limit, where it is worth the cost.
    if (s.length > maxChars && visibleLength(s) > maxChars) {
      ctx.addIssue({ code: 'custom', message: `is ${visibleLength(s)} characters long; shorten it to at most ${maxChars}` });
    }
    if (s.includes('\u0000')) ctx.addIssue({ code: 'custom', message: 'contains a NUL character (\\u0000); remove it' });
    if (LONE_SURROGATE.test(s)) ctx.addIssue({ code: 'custom', message: 'contains an unpaired UTF-16 surrogate; fix the text encoding' });
    if (options.oneLine && /[\r\n]/.test(s)) ctx.addIssue({ code: 'custom', message: 'must be one line; remove the line breaks' });
  });
}

/** The text fields of an experience in one language. */
export const experienceTextSchema = z.object({
  title: storedText({ oneLine: true }),
  problem: storedText(),
  solution: storedText(),
  outcome: storedText().optional(),
});

/** A calendar date written YYYY-MM-DD that exists (no 2025-02-30). */
export const isoDateSchema = z.string().refine(
  (s) => {
    const date = new Date(`${s}T00:00:00Z`);
    return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s);
  },
  { error: (issue) => `${JSON.stringify(issue.input)} is not a date written YYYY-MM-DD, e.g. "2025-03-14"` },
);
