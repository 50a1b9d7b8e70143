import type { Api } from 'grammy';
import type { CurationDecision, DecideResult } from '../../../community/index.ts';
import type { Logger } from '../../../log.ts';
import type { Language } from '../../../text/language.ts';
import { postingLanguage } from '../../chat-language.ts';
import type { BotDeps } from '../../context.ts';
import { decisionTime, renderReviewCard, type outcomeLine } from '../../render/review-card.ts';
import type { Translate } from '../../render/story.ts';

const HTML = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;

/**
 * Shows every card of an experience as it is now, in place, each in its chat's language: the
 * outcome once decided (no buttons), the new text after an edit. A card Telegram no longer
 * lets us edit (deleted, too old) is logged and left.
 */
export async function refreshCards(deps: BotDeps, api: Api, log: Logger, experienceId: number): Promise<void> {
  const { curation } = deps.app.community;
  const card = await curation.systemCard(experienceId);
  if (!card) return;
  for (const place of await curation.cardsOf(experienceId)) {
    const { language, unchosen } = await postingLanguage(deps.app.db, place.chatId);
    const { html, keyboard } = renderReviewCard(card, language, (key, values) => deps.app.translator.t(language, key, values), deps.app.translator, {
      languageHint: unchosen,
    });
    try {
      await api.editMessageText(place.chatId, place.messageId, html, { ...HTML, reply_markup: keyboard ?? { inline_keyboard: [] } });
    } catch (error) {
      log.warn({ err: error, experienceId }, 'a review card could not be updated in place');
    }
  }
}

/** Posts a card in a chat, in `language` (saying how to change it when `languageHint`), and remembers it there. */
export async function postCard(
  deps: BotDeps,
  api: Api,
  chatId: number,
  language: Language,
  card: Parameters<typeof renderReviewCard>[0],
  languageHint = false,
): Promise<void> {
  const { html, keyboard } = renderReviewCard(card, language, (key, values) => deps.app.translator.t(language, key, values), deps.app.translator, {
    languageHint,
  });
  const sent = await api.sendMessage(chatId, html, { ...HTML, ...(keyboard ? { reply_markup: keyboard } : {}) });
  await deps.app.community.curation.recordCard(card.experience.id, { chatId, messageId: sent.message_id });
}

/**
 * Takes a staff decision as the Telegram user `actorTelegramId` and updates the cards; returns
 * what to tell the person who pressed (in their language, through `t`). Refusals are logged.
 */
export async function takeDecision(
  deps: BotDeps,
  io: { api: Api; log: Logger; botUsername: string; t: Translate },
  actorTelegramId: number,
  experienceId: number,
  decision: CurationDecision,
): Promise<{ result: DecideResult; say: string }> {
  const result = await deps.app.community.curation.decide({ actorTelegramId, experienceId, decision, botUsername: io.botUsername });
  const { t } = io;
  switch (result.kind) {
    case 'done':
      io.log.info({ experienceId, decision: decision.kind, status: result.status }, 'a contribution was decided');
      await refreshCards(deps, io.api, io.log, experienceId);
      return { result, say: t(decision.kind === 'approve' ? 'curation-approved' : decision.kind === 'reject' ? 'curation-rejected' : 'curation-merged') };
    case 'forbidden':
      io.log.warn({ experienceId, decision: decision.kind }, 'a review decision by someone not staff now was refused');
      return { result, say: t('curation-not-staff') };
    case 'not-found':
      io.log.warn({ experienceId, decision: decision.kind }, 'a review decision on an unknown contribution was refused');
      return { result, say: t('curation-not-found') };
    case 'bad-target':
      io.log.warn({ experienceId, decision: decision.kind }, 'a merge into an experience that is not published was refused');
      return { result, say: t('curation-bad-target') };
    case 'problem-missing':
      io.log.info({ experienceId, decision: decision.kind }, 'a decision on a contribution without its problem was refused until it is edited');
      return { result, say: t('curation-problem-missing') };
    case 'already-decided':
      io.log.info({ experienceId, decision: decision.kind, status: result.status }, 'a review decision on a contribution already decided was refused');
      return { result, say: alreadyDecided(result, t) };
  }
}

/** "Already decided: ✅ Approved by Sara, …" (or withdrawn by the contributor). */
export function alreadyDecided(result: { status: string; decision?: Parameters<typeof outcomeLine>[0] }, t: Translate): string {
  if (!result.decision) return t('curation-already-withdrawn');
  const d = result.decision;
  return t('curation-already-decided', { outcome: t(`curation-outcome-${d.status}`), name: d.byName ?? t('curation-someone'), at: decisionTime(d.at) });
}
