import { z } from 'zod';
import { experienceTextSchema, INDUSTRIES, isoDateSchema, LANGUAGES, MAX_ID_CHARS, STATUSES, storedText, tagsSchema, TEXT_FIELDS } from './rules.ts';

/** The fields of a kb-format v1 record (../shared/kb-format.md), in the documented order. */
export const RECORD_FIELDS = [
  'id',
  'language',
  'country',
  'industry',
  'title',
  'problem',
  'solution',
  'outcome',
  'tags',
  'contributor',
  'status',
  'verified_on',
  'translations',
] as const;
export const TRANSLATION_FIELDS = [...TEXT_FIELDS, 'machine'] as const;
export const CONTRIBUTOR_FIELDS = ['name', 'company', 'city'] as const;

const translationSchema = experienceTextSchema.extend({ machine: z.boolean().optional() });

export const recordSchema = z.object({
  id: storedText({ oneLine: true, maxChars: MAX_ID_CHARS }).refine((s) => !/[\s\p{Cc}]/u.test(s), {
    message: 'must not contain spaces or control characters; use e.g. "exp-ir-0001"',
  }),
  language: z.enum(LANGUAGES),
  country: z.string().refine((s) => /^[A-Z]{2}$/.test(s), {
    error: (issue) => {
      const given = JSON.stringify(issue.input);
      const hint = typeof issue.input === 'string' && /^[a-z]{2}$/i.test(issue.input) ? `; write it in capitals: "${issue.input.toUpperCase()}"` : '';
      return `${given} is not an ISO 3166-1 alpha-2 code; expected two uppercase letters such as "IR" or "CN"${hint}`;
    },
  }),
  industry: z.enum(INDUSTRIES),
  ...experienceTextSchema.shape,
  tags: tagsSchema.optional(),
  contributor: z.object({ name: storedText().optional(), company: storedText().optional(), city: storedText().optional() }).optional(),
  status: z.enum(STATUSES).optional(),
  verified_on: isoDateSchema.optional(),
  translations: z.object({ fa: translationSchema.optional(), zh: translationSchema.optional(), en: translationSchema.optional() }).optional(),
});
