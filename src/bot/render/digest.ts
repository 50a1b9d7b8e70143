import { InlineKeyboard } from 'grammy';
import type { DigestPage } from '../../community/index.ts';
import { countryName, displayText, industryName, monthName } from '../../answering/display.ts';
import { THUMBS_DOWN_FOR_REVIEW } from '../../community/reverification.ts';
import type { Translator } from '../../i18n.ts';
import type { Language } from '../../text/language.ts';
import { inReadingDirection } from '../../text/direction.ts';
import { DIGEST_ARCHIVE, DIGEST_PAGE, DIGEST_STILL_TRUE, REVIEW } from '../callbacks.ts';
import { clip, escapeHtml } from './html.ts';
import { languageHint } from '../chat-language.ts';

/** Experiences on one page of the digest: with their buttons, a page fits a phone's screen and one message. */
export const DIGEST_PAGE_SIZE = 5;
// A member's question is shown in part: enough to see what they were after.
const QUESTION_CHARS = 160;
const TITLE_CHARS = 200;

/**
 * One page of the re-verification digest, in the staff chat's language: each experience with
 * when it was verified and, when members found it unhelpful, what they asked; under it ✅ Still
 * true · ✏️ Edit · 🗄 Archive for each, and ◀ ▶ between pages. Every value is escaped.
 * `languageHint`: ends with how to change the chat's language (see postingLanguage).
 */
export function renderDigest(
  digest: DigestPage,
  language: Language,
  translator: Translator,
  reviewAfterMonths: number,
  options: { languageHint?: boolean } = {},
): { html: string; keyboard: InlineKeyboard } {
  const t = (key: string, values?: Record<string, string | number>) => translator.t(language, key, values);
  const keyboard = new InlineKeyboard();
  if (digest.items.length === 0) return { html: t('bot-digest-empty'), keyboard };
  const page = digest.page + 1;
  const blocks = digest.items.map((item, i) => {
    const n = digest.page * DIGEST_PAGE_SIZE + i + 1;
    const { experience } = item;
    const { language: shown, text } = displayText(experience, language);
    const verifiedOn = experience.verifiedOn;
    const lines = [
      t('bot-digest-item', {
        n,
        title: escapeHtml(inReadingDirection(shown, clip(text.title, TITLE_CHARS))),
        country: escapeHtml(countryName(translator, language, experience.country)),
        industry: escapeHtml(industryName(translator, language, experience.industry)),
        verified: verifiedOn ? t('bot-digest-verified', { month: monthName(language, verifiedOn) }) : t('bot-digest-never-verified'),
      }),
    ];
    if (item.thumbsDown >= THUMBS_DOWN_FOR_REVIEW) {
      lines.push(t('bot-digest-thumbs-down', { count: item.thumbsDown }));
      for (const q of item.questions) lines.push(t('bot-digest-question', { question: escapeHtml(clip(q, QUESTION_CHARS)) }));
    }
    keyboard
      .text(t('bot-digest-button-still-true', { n }), DIGEST_STILL_TRUE.encode({ experienceId: experience.id, page }))
      .text(t('bot-digest-button-edit', { n }), REVIEW.encode({ action: 'edit', experienceId: experience.id }))
      .text(t('bot-digest-button-archive', { n }), DIGEST_ARCHIVE.encode({ experienceId: experience.id, page }))
      .row();
    return lines.join('\n');
  });
  if (digest.pages > 1) {
    if (page > 1) keyboard.text(t('bot-digest-button-previous'), DIGEST_PAGE.encode({ page: page - 1 }));
    if (page < digest.pages) keyboard.text(t('bot-digest-button-next'), DIGEST_PAGE.encode({ page: page + 1 }));
  }
  const heading = [
    t('bot-digest-title', { total: digest.total, page, pages: digest.pages }),
    t('bot-digest-intro', { months: reviewAfterMonths, thumbs: THUMBS_DOWN_FOR_REVIEW }),
  ];
  const hint = options.languageHint ? [languageHint(translator, language)] : [];
  return { html: [...heading, ...blocks, ...hint].join('\n\n'), keyboard };
}
