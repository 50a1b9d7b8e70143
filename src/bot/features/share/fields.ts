import { checkMemberText, MEMBER_TEXT_LIMITS, parseTypedTags, TEXT_FIELDS, type TextField } from '../../../knowledge/experiences/rules.ts';

/** The steps of /share; their rules live in knowledge/experiences/rules.ts, shared with kb-format. */
export { TEXT_FIELDS, type TextField };
export type Field = TextField | 'industry' | 'tags';
export const FIELDS: readonly Field[] = [...TEXT_FIELDS, 'industry', 'tags'];

export const LIMITS = MEMBER_TEXT_LIMITS;
export { MAX_TAGS, MAX_TAG_LENGTH, visibleLength, type LengthProblem } from '../../../knowledge/experiences/rules.ts';
export const checkLength = checkMemberText;

/** The member's comma-separated keywords as tags; undefined when there are too many or too long ones. */
export const parseTags = parseTypedTags;
