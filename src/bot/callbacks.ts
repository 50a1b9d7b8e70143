import { callback, flag, id, oneOf, optional, type CallbackCodec } from './callback-data.ts';
import { LANGUAGES } from '../text/language.ts';
import { INDUSTRIES } from '../knowledge/experiences/experience.ts';
import { FIELDS } from './features/share/fields.ts';
import { REJECT_REASONS } from '../community/curation-decision.ts';
import { TEXT_FIELDS } from '../knowledge/experiences/rules.ts';

/** Every button the bot sends, by what a press on it asks for. */

/** Under an answer. */
export const STORY = callback('story', { experienceId: id });
/** How the answer a story button sits under was written: the story opens so, whatever the member's language setting. */
export const STORY_READERS = ['fa', 'zh', 'zh-hant', 'en'] as const;
export type StoryReader = (typeof STORY_READERS)[number];
/** Same tag as STORY, one field more: a press on a button sent before it still opens in the member's language. */
export const STORY_FOR = callback('story', { experienceId: id, reader: oneOf(STORY_READERS) });
export const FEEDBACK = callback('fb', { questionId: id, helpful: flag });
export const ASK_COMMUNITY = callback('oq', { questionId: id });
/** The asker's 👍/👎 under a member's answer to their question put to the community. */
export const COMMUNITY_ANSWER_FEEDBACK = callback('oqa', { answerId: id, helpful: flag });
/** Whether the asker (and readers, once published) see who answered: asked in the "I can answer" conversation. */
export const COMMUNITY_ANSWER_NAMED = callback('oqa:named', { named: flag });

export const LANGUAGE = callback('lang', { language: oneOf(LANGUAGES) });

export const FORGET = callback('forget', { choice: oneOf(['delete', 'anonymise', 'cancel'] as const) });

/** /profile: the button under /start's greeting, "change" under the profile shown, and each step's choices ('-' skips). */
export const PROFILE_START = callback('profile:start', {});
export const PROFILE_CHANGE = callback('profile:change', {});
export const PROFILE_COMPANY = callback('profile:company', { skip: oneOf(['-'] as const) });
/** The countries /profile offers as buttons (any other is typed); a press names only one of these. */
export const PROFILE_COUNTRIES = ['IR', 'CN'] as const;
export const PROFILE_COUNTRY = callback('profile:country', { country: optional(oneOf(PROFILE_COUNTRIES)) });
export const PROFILE_INDUSTRY = callback('profile:industry', { industry: optional(oneOf(INDUSTRIES)) });
/** Changing a saved profile: keeps the step's saved value (any company or country, which no button could carry). */
export const PROFILE_KEEP = callback('profile:keep', { step: oneOf(['company', 'country', 'industry'] as const) });

/** /share's steps. */
export const SHARE_SKIP = callback('share:skip', { field: oneOf(FIELDS) });
export const SHARE_INDUSTRY = callback('share:industry', { industry: oneOf(INDUSTRIES) });
export const SHARE_PREVIEW = callback('share:preview', { action: oneOf(['submit', 'edit', 'cancel'] as const) });
export const SHARE_EDIT = callback('share:edit', { field: oneOf([...FIELDS, 'country', 'named', 'back'] as const) });
/** Asked when the profile has no country: the same choices as /profile's. */
export const SHARE_COUNTRY = callback('share:country', { country: oneOf(PROFILE_COUNTRIES) });
export const SHARE_NAMED = callback('share:named', { named: flag });
export const SHARE_BUTTONS: readonly CallbackCodec<unknown>[] = [SHARE_SKIP, SHARE_INDUSTRY, SHARE_PREVIEW, SHARE_EDIT, SHARE_COUNTRY, SHARE_NAMED];

/** /my: open one of one's contributions; withdraw, resubmit or edit it. */
export const MY_OPEN = callback('my:open', { experienceId: id });
export const MY_WITHDRAW = callback('my:withdraw', { experienceId: id });
export const MY_RESUBMIT = callback('my:resubmit', { experienceId: id });
export const MY_EDIT = callback('my:edit', { experienceId: id });
/** Inside the edit: which language version, then which field ('done' leaves). */
export const MY_EDIT_LANGUAGE = callback('my:edit-lang', { language: oneOf(LANGUAGES) });
export const MY_EDIT_FIELD = callback('my:edit-field', { field: oneOf([...FIELDS, 'done'] as const) });
export const MY_EDIT_BUTTONS: readonly CallbackCodec<unknown>[] = [MY_EDIT_LANGUAGE, MY_EDIT_FIELD, SHARE_SKIP, SHARE_INDUSTRY];

/** Review cards: a staff member's decision on a pending contribution, and its follow-up choices. */
export const REVIEW = callback('rv', { action: oneOf(['approve', 'edit', 'merge', 'reject'] as const), experienceId: id });
export const REVIEW_REASON = callback('rv:why', { experienceId: id, reason: oneOf(REJECT_REASONS) });
export const REVIEW_MERGE = callback('rv:into', { experienceId: id, targetId: id, mode: oneOf(['version', 'append'] as const) });
/** Edit, in the curator's private chat: which language version (then its fields, in the edit conversation). */
export const REVIEW_EDIT = callback('rv:edit', { experienceId: id, language: oneOf(LANGUAGES) });
export const REVIEW_EDIT_FIELD = callback('rv:field', { field: oneOf([...TEXT_FIELDS, 'skip', 'done'] as const) });
export const REVIEW_BUTTONS: readonly CallbackCodec<unknown>[] = [REVIEW, REVIEW_REASON, REVIEW_MERGE, REVIEW_EDIT, REVIEW_EDIT_FIELD];
/** The staff's re-verification digest: pages are numbered from 1; a decision re-shows the page it was on. */
export const DIGEST_PAGE = callback('digest:page', { page: id });
export const DIGEST_STILL_TRUE = callback('digest:true', { experienceId: id, page: id });
export const DIGEST_ARCHIVE = callback('digest:archive', { experienceId: id, page: id });
export const DIGEST_BUTTONS: readonly CallbackCodec<unknown>[] = [DIGEST_PAGE, DIGEST_STILL_TRUE, DIGEST_ARCHIVE];

/** A group's /settings, pressed by one of the group's admins: the language of the bot's words there, answering on or off. */
export const GROUP_LANGUAGE = callback('grp:lang', { language: oneOf(LANGUAGES) });
export const GROUP_ANSWERING = callback('grp:answer', { on: flag });
/** The author of a message saved with /save, in their private chat: keep it named, anonymous, or not at all. */
export const SAVED_MESSAGE_CHOICE = callback('save', { saveId: id, choice: oneOf(['named', 'anonymous', 'declined'] as const) });

/** Introductions: "connect me with this company" under a story, the contributor's answer, and /profile's switch. */
export const INTRO_ASK = callback('intro:ask', { experienceId: id });
export const INTRO_DECIDE = callback('intro:decide', { introductionId: id, accept: flag });
export const INTRO_CONSENT = callback('intro:consent', { on: flag });

export const CALLBACKS: readonly CallbackCodec<unknown>[] = [
  STORY,
  STORY_FOR,
  FEEDBACK,
  ASK_COMMUNITY,
  COMMUNITY_ANSWER_FEEDBACK,
  COMMUNITY_ANSWER_NAMED,
  LANGUAGE,
  FORGET,
  PROFILE_START,
  PROFILE_CHANGE,
  PROFILE_COMPANY,
  PROFILE_COUNTRY,
  PROFILE_INDUSTRY,
  PROFILE_KEEP,
  ...SHARE_BUTTONS,
  ...REVIEW_BUTTONS,
  ...DIGEST_BUTTONS,
  MY_OPEN,
  MY_WITHDRAW,
  MY_RESUBMIT,
  MY_EDIT,
  MY_EDIT_LANGUAGE,
  MY_EDIT_FIELD,
  GROUP_LANGUAGE,
  GROUP_ANSWERING,
  INTRO_ASK,
  INTRO_DECIDE,
  INTRO_CONSENT,
  SAVED_MESSAGE_CHOICE,
];

/** True when `data` is one of our buttons, in its current version. */
export const isOurButton = (data: string, among: readonly CallbackCodec<unknown>[] = CALLBACKS): boolean =>
  among.some((codec) => codec.decode(data) !== undefined);
