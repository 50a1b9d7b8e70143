import { type Api, InlineKeyboard } from 'grammy';
import type { Translator } from '../i18n.ts';
import type { Queryable } from '../db/db.ts';
import type { Introductions } from '../community/introductions.ts';
import type { IntroductionParty } from '../community/index.ts';
import type { ExperienceRepository } from '../knowledge/experiences/repository.ts';
import { countryName, displayText } from '../answering/display.ts';
import { contributorCredit } from '../answering/naming/who-lived-it.ts';
import { personName } from '../answering/naming/names.ts';
import { INTRODUCTION_MESSAGE, type IntroductionMessageJob } from '../jobs/introduction-messages.ts';
import type { Job } from '../jobs/queue.ts';
import type { JobHandler } from '../jobs/runner.ts';
import { INTRO_DECIDE } from './callbacks.ts';
import { escapeHtml } from './render/html.ts';
import { telegramFailure } from './telegram-failure.ts';
import { createSendBudget, type SendBudget } from './send-budget.ts';
import { wordsFor } from './i18n.ts';

export interface IntroductionSenderOptions {
  db: Queryable;
  api: Api;
  translator: Translator;
  introductions: Pick<Introductions, 'forDelivery' | 'lapse'>;
  experiences: Pick<ExperienceRepository, 'getById'>;
  budget?: SendBudget;
}

/**
 * Sends the messages of an introduction (jobs of kind `introduction-message`), each in its
 * recipient's language, reading the introduction at that moment: the request to the
 * contributor with Accept / Decline; once accepted, each side's Telegram contact (a link to the
 * person, and their @username when they have one) with a one-line introduction of the other;
 * the asker's kind refusal; the asker's note that a request lapsed. Nothing is sent when either
 * member has used /forget, and a contact is sent only for an accepted request.
 */
export function createIntroductionSender(options: IntroductionSenderOptions): Record<string, JobHandler> {
  const { db, api, translator, introductions, experiences } = options;
  const budget = options.budget ?? createSendBudget(db);

  /**
   * "Name · company · country" of `party` in a script `reader` reads, the stored name and company
   * beside them when they differ: the reader may need them to find the firm or write to it.
   */
  const who = (party: IntroductionParty, reader: IntroductionParty) =>
    [
      ...contributorCredit({ name: party.name, company: party.company }, reader.language),
      party.country ? countryName(translator, reader.language, party.country) : undefined,
    ]
      .filter(Boolean)
      .join(' · ');

  /** A link that opens a chat with `party`, named as `reader` reads it (the stored name is in `who`), and their @username when they have one. */
  const contact = (party: IntroductionParty, reader: IntroductionParty) => {
    const name = party.name?.trim() ? personName(party.name.trim(), reader.language).shown : String(party.telegramId);
    const link = `<a href="tg://user?id=${party.telegramId}">${escapeHtml(name)}</a>`;
    return party.username ? `${link} (@${escapeHtml(party.username)})` : link;
  };

  async function send(job: Job): Promise<unknown> {
    const { introductionId, message } = job.payload as unknown as IntroductionMessageJob;
    // Lapses a request still unanswered when its expiry message falls due; one answered meanwhile sends nothing.
    if (message === 'expired' && (await introductions.lapse(introductionId)) !== 'expired') return { skipped: 'answered in time' };
    const intro = await introductions.forDelivery(introductionId);
    if (!intro) return { skipped: 'a member is gone' };
    const wanted = {
      request: 'pending',
      'contact-to-asker': 'accepted',
      'contact-to-contributor': 'accepted',
      declined: 'declined',
      expired: 'expired',
    } as const;
    if (intro.status !== wanted[message]) return { skipped: `the request is ${intro.status}` };
    const to = message === 'request' || message === 'contact-to-contributor' ? intro.contributor : intro.asker;
    const other = to === intro.asker ? intro.contributor : intro.asker;
    // In the characters the recipient writes Chinese in, as the bot's replies to them are.
    const t = wordsFor(translator, to.language, to.script);
    const experience = await experiences.getById(intro.experienceId);
    const title = escapeHtml(experience ? displayText(experience, to.language).text.title : '');
    const values = { title, who: escapeHtml(who(other, to)), reason: escapeHtml(intro.reason), contact: contact(other, to) };
    const text = t(`intro-message-${message}`, values);
    const keyboard =
      message === 'request'
        ? new InlineKeyboard()
            .text(t('intro-button-accept'), INTRO_DECIDE.encode({ introductionId, accept: true }))
            .text(t('intro-button-decline'), INTRO_DECIDE.encode({ introductionId, accept: false }))
        : undefined;
    await budget.take();
    try {
      const sent = await api.sendMessage(to.telegramId, text, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(keyboard ? { reply_markup: keyboard } : {}),
      });
      return { messageId: sent.message_id };
    } catch (error) {
      throw telegramFailure(error);
    }
  }

  return { [INTRODUCTION_MESSAGE]: send };
}
