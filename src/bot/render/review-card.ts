import { InlineKeyboard } from 'grammy';
import type { Language } from '../../text/language.ts';
import type { Translator } from '../../i18n.ts';
import type { Decision, ReviewCard } from '../../community/index.ts';
import { LANGUAGES, TEXT_FIELDS } from '../../knowledge/experiences/rules.ts';
import { inReadingDirection } from '../../text/direction.ts';
import { countryName, industryName } from '../../answering/display.ts';
import { REVIEW } from '../callbacks.ts';
import { clip, escapeHtml } from './html.ts';
import type { Translate } from './story.ts';

// Room for every field of three language versions, the contributor, the similar titles and the
// warnings within Telegram's 4,096 characters.
const CARD_TEXT_BUDGET = 2800;
const SIMILAR_TITLE = 80;
// The longest language note (two lines, see languageHint), rounded up.
const LANGUAGE_HINT_ROOM = 200;

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

/** How to have the cards in each other language, said in that language: for a group chat whose admins never chose one. */
export function languageHint(translator: Translator, cardLanguage: Language): string {
  return LANGUAGES.filter((l) => l !== cardLanguage)
    .map((l) => translator.t(l, 'curation-card-language-hint'))
    .join('\n');
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
  const fieldCount = versions.reduce((n, [, text]) => n + TEXT_FIELDS.filter((f) => text[f]).length, card.askedQuestion ? 1 : 0);
  // The language note takes its room from the fields', so the card stays within Telegram's limit.
  const budget = CARD_TEXT_BUDGET - (options.languageHint ? LANGUAGE_HINT_ROOM : 0);
  const perField = Math.max(120, Math.floor(budget / Math.max(1, fieldCount)));
  const parts = [
    t('curation-card-title', { id: experience.id, status: t(`curation-status-${experience.status}`) }),
    t('curation-card-meta', {
      industry: escapeHtml(industryName(translator, language, experience.industry)),
      country: escapeHtml(countryName(translator, language, experience.country)),
      tags: experience.tags.length > 0 ? ` · ${escapeHtml(experience.tags.join(', '))}` : '',
    }),
  ];
  if (card.structuredByModel) parts.push(t('curation-card-structured'));
  for (const [l, text] of versions) {
    const lines = [
      t('curation-card-version', { language: t(`bot-language-name-${l}`), machine: text.origin === 'machine' ? ` ${t('curation-card-machine')}` : '' }),
    ];
    for (const field of TEXT_FIELDS) {
      const value = text[field];
      if (value) lines.push(t('curation-card-field', { field: t(`share-field-${field}`), text: escapeHtml(inReadingDirection(l, clip(value, perField))) }));
    }
    parts.push(lines.join('\n'));
  }
  if (card.askedQuestion) {
    const { text, language: asked } = card.askedQuestion;
    parts.push(t('curation-card-asked', { language: t(`bot-language-name-${asked}`), question: escapeHtml(inReadingDirection(asked, clip(text, perField))) }));
  }
  parts.push(
    t('curation-card-contributor', {
      name: escapeHtml(contributor.name ?? t('curation-card-anonymous')),
      company: contributor.company ? `, ${escapeHtml(contributor.company)}` : '',
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
        externalId: escapeHtml(s.externalId),
      }),
    );
    parts.push([t('curation-card-similar'), ...lines].join('\n'));
  }
  if (card.warnings.length > 0) parts.push(t('curation-card-warnings', { warnings: card.warnings.map((w) => t(`curation-warning-${w}`)).join('; ') }));
  if (card.decided) parts.push(`<b>${outcomeLine(card.decided, t)}</b>`);
  if (options.languageHint) parts.push(languageHint(translator, language));
  const html = parts.join('\n\n');
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
