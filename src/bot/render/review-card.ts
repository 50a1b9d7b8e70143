import { InlineKeyboard } from 'grammy';
import type { Language } from '../../text/language.ts';
import type { Translator } from '../../i18n.ts';
import type { Decision, ReviewCard } from '../../community/index.ts';
import { LANGUAGES, TEXT_FIELDS } from '../../knowledge/experiences/rules.ts';
import { inReadingDirection } from '../../text/direction.ts';
import { countryName, industryName } from '../../answering/display.ts';
import { REVIEW } from '../callbacks.ts';
import { languageHint } from '../chat-language.ts';
import { MAX_COMPANY } from '../../community/profile.ts';
import { clip, escapeHtml, TELEGRAM_MAX_MESSAGE, visibleLength } from './html.ts';
import type { Translate } from './story.ts';

const SIMILAR_TITLE = 80;
// An id is for finding an experience, not reading: its start tells one from another.
const SIMILAR_ID = 48;
// A member's Telegram name (first and last, 64 each) and company as a profile keeps them; an import's may be longer.
const CONTRIBUTOR_NAME = 129;
const TAGS = 240;
// A text is never cut shorter than this, whatever else the card holds.
const SHORTEST_CLIP = 40;

/** `2026-12-06 16:30 UTC`: when a decision was taken, the same for every reader. */
export const decisionTime = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** "✅ Approved by Sara, 2026-12-06 16:30 UTC". */
export function outcomeLine(decision: Decision, t: Translate): string {
  return t('curation-outcome', {
    outcome: t(`curation-outcome-${decision.status}`),
    name: escapeHtml(decision.byName ?? t('curation-someone')),
    at: decisionTime(decision.at),
  });
}

/**
 * A contribution as a curator reviews it, in `language`: every field of every language version,
 * the contributor and their record, the likely duplicates and the warnings; the outcome once
 * decided. Every value from the contribution is escaped. The buttons only while it is pending.
 * `languageHint`: ends with how to change the chat's language (see postingLanguage).
 */
export function renderReviewCard(
  card: ReviewCard,
  language: Language,
  t: Translate,
  translator: Translator,
  options: { languageHint?: boolean } = {},
): { html: string; keyboard?: InlineKeyboard } {
  const { experience, contributor } = card;
  const versions = LANGUAGES.flatMap((l) => (experience.texts[l] ? [[l, experience.texts[l]] as const] : []));
  // The texts that may be long: every field of every version, and the question asked.
  const long = [
    ...versions.flatMap(([, text]) => TEXT_FIELDS.flatMap((f) => (text[f] ? [text[f]] : []))),
    ...(card.askedQuestion ? [card.askedQuestion.text] : []),
  ];
  const render = (cap: number | undefined): string => {
    const shown = (text: string) => (cap === undefined ? text : clip(text, cap));
    const parts = [
      t('curation-card-title', { id: experience.id, status: t(`curation-status-${experience.status}`) }),
      t('curation-card-meta', {
        industry: escapeHtml(industryName(translator, language, experience.industry)),
        country: escapeHtml(countryName(translator, language, experience.country)),
        tags: experience.tags.length > 0 ? ` · ${escapeHtml(clip(experience.tags.join(', '), TAGS))}` : '',
      }),
    ];
    if (card.structuredByModel) parts.push(t('curation-card-structured'));
    for (const [l, text] of versions) {
      const lines = [
        t('curation-card-version', { language: t(`bot-language-name-${l}`), machine: text.origin === 'machine' ? ` ${t('curation-card-machine')}` : '' }),
      ];
      for (const field of TEXT_FIELDS) {
        const value = text[field];
        if (value) lines.push(t('curation-card-field', { field: t(`share-field-${field}`), text: escapeHtml(inReadingDirection(l, shown(value))) }));
      }
      parts.push(lines.join('\n'));
    }
    if (card.askedQuestion) {
      const { text, language: asked } = card.askedQuestion;
      parts.push(t('curation-card-asked', { language: t(`bot-language-name-${asked}`), question: escapeHtml(inReadingDirection(asked, shown(text))) }));
    }
    // Where the whole of what was shortened is: the edit, while there is one to press.
    if (cap !== undefined) parts.push(t(experience.status === 'pending' ? 'curation-card-shortened' : 'curation-card-shortened-decided'));
    parts.push(
      t('curation-card-contributor', {
        name: escapeHtml(clip(contributor.name ?? t('curation-card-anonymous'), CONTRIBUTOR_NAME)),
        company: contributor.company ? `, ${escapeHtml(clip(contributor.company, MAX_COMPANY))}` : '',
        country: escapeHtml(countryName(translator, language, contributor.country)),
        earlier: contributor.earlier,
        approved: contributor.approved,
      }),
    );
    if (card.similar.length === 0) parts.push(t('curation-card-similar-none'));
    else {
      const lines = card.similar.map((s, i) =>
        t('curation-card-similar-line', {
          index: i + 1,
          title: escapeHtml(clip(s.titles[language] ?? s.titles[s.language] ?? '', SIMILAR_TITLE)),
          externalId: escapeHtml(clip(s.externalId, SIMILAR_ID)),
        }),
      );
      parts.push([t('curation-card-similar'), ...lines].join('\n'));
    }
    if (card.warnings.length > 0) parts.push(t('curation-card-warnings', { warnings: card.warnings.map((w) => t(`curation-warning-${w}`)).join('; ') }));
    if (card.decided) parts.push(`<b>${outcomeLine(card.decided, t)}</b>`);
    if (options.languageHint) parts.push(languageHint(translator, language, 'curation-card-language-hint'));
    return parts.join('\n\n');
  };
  const html = fitted(render, long);
  if (experience.status !== 'pending') return { html };
  const experienceId = experience.id;
  const keyboard = new InlineKeyboard()
    .text(t('curation-button-approve'), REVIEW.encode({ action: 'approve', experienceId }))
    .text(t('curation-button-edit'), REVIEW.encode({ action: 'edit', experienceId }))
    .row()
    .text(t('curation-button-merge'), REVIEW.encode({ action: 'merge', experienceId }))
    .text(t('curation-button-reject'), REVIEW.encode({ action: 'reject', experienceId }));
  return { html, keyboard };
}

/**
 * The card within Telegram's limit on one message: whole when it fits, else with the longest
 * texts cut to one length (with an ellipsis, before escaping, so no entity or tag is cut), as
 * long as the rest of the card leaves room for. The room is measured on the card as rendered
 * (marks, the note saying what was shortened), and measured again should a cut one not fit.
 */
function fitted(render: (cap: number | undefined) => string, long: readonly string[]): string {
  const whole = render(undefined);
  if (visibleLength(whole) <= TELEGRAM_MAX_MESSAGE) return whole;
  const lengths = long.map((text) => [...text].length);
  // What the card takes besides the texts: rendered with each cut to one character.
  const rest = visibleLength(render(1)) - lengths.reduce((sum, n) => sum + Math.min(n, 1), 0);
  let room = TELEGRAM_MAX_MESSAGE - rest;
  for (;;) {
    const cap = equalCut(lengths, room);
    const html = render(cap);
    const over = visibleLength(html) - TELEGRAM_MAX_MESSAGE;
    if (over <= 0 || cap <= SHORTEST_CLIP) return html;
    room -= over;
  }
}

/** The length to cut the longest of `lengths` to so that together they take `room` (water filling), at least SHORTEST_CLIP. */
function equalCut(lengths: readonly number[], room: number): number {
  const sorted = [...lengths].sort((a, b) => a - b);
  let left = room;
  for (const [i, n] of sorted.entries()) {
    const cap = Math.floor(left / (sorted.length - i));
    if (n > cap) return Math.max(SHORTEST_CLIP, cap);
    left -= n;
  }
  return Math.max(SHORTEST_CLIP, sorted.at(-1) ?? SHORTEST_CLIP);
}
