import { type Api, InlineKeyboard } from 'grammy';
import type { Translator } from '../i18n.ts';
import type { Queryable } from '../db/db.ts';
import type { SavedMessages } from '../community/saved-messages.ts';
import { SAVED_MESSAGE_ANSWER_DAYS } from '../community/saved-messages.ts';
import { SAVED_MESSAGE_CONSENT, type SavedMessageConsentJob } from '../jobs/saved-messages.ts';
import type { Job } from '../jobs/queue.ts';
import type { JobHandler } from '../jobs/runner.ts';
import { SAVED_MESSAGE_CHOICE } from './callbacks.ts';
import { chatReader } from './chat-language.ts';
import { wordsFor } from './i18n.ts';
import { clip, escapeHtml } from './render/html.ts';
import { createSendBudget, type SendBudget } from './send-budget.ts';
import { chatUnreachable, telegramFailure } from './telegram-failure.ts';

export interface SavedMessageSenderOptions {
  db: Queryable;
  api: Api;
  translator: Translator;
  savedMessages: Pick<SavedMessages, 'question' | 'authorUnreachable'>;
  budget?: SendBudget;
}

// The message as the author is reminded of it; the whole of it is in the contribution.
const EXCERPT = 600;

/**
 * Asks the author of a message saved with /save, in a private chat and their language, whether
 * it may be kept and whether to name them (jobs of kind `saved-message-consent`). When Telegram
 * refuses (the author blocked the bot or never started it) the message is kept without a name
 * at once. One already decided, or erased meanwhile, is skipped.
 */
export function createSavedMessageSender(options: SavedMessageSenderOptions): Record<string, JobHandler> {
  const { db, api, translator, savedMessages } = options;
  const budget = options.budget ?? createSendBudget(db);

  async function ask(job: Job): Promise<unknown> {
    const { saveId, chatTitle } = job.payload as unknown as SavedMessageConsentJob;
    const saved = await savedMessages.question(saveId);
    if (!saved || saved.state !== 'asked') return { skipped: 'decided or erased' };
    const chatId = saved.authorTelegramId;
    // In the characters the author writes Chinese in, as the bot's replies to them are.
    const { language, script } = await chatReader(db, chatId);
    const t = wordsFor(translator, language, script);
    const keyboard = new InlineKeyboard();
    if (saved.who !== '') keyboard.text(t('save-consent-button-named', { who: saved.who }), SAVED_MESSAGE_CHOICE.encode({ saveId, choice: 'named' })).row();
    keyboard
      .text(t(saved.who !== '' ? 'save-consent-button-anonymous' : 'save-consent-button-keep'), SAVED_MESSAGE_CHOICE.encode({ saveId, choice: 'anonymous' }))
      .row()
      .text(t('save-consent-button-declined'), SAVED_MESSAGE_CHOICE.encode({ saveId, choice: 'declined' }));
    const text = t('save-consent-question', {
      group: escapeHtml(chatTitle ?? t('save-consent-a-group')),
      text: escapeHtml(clip(saved.text, EXCERPT)),
      days: SAVED_MESSAGE_ANSWER_DAYS,
    });
    await budget.take();
    try {
      const sent = await api.sendMessage(chatId, text, { parse_mode: 'HTML', reply_markup: keyboard, link_preview_options: { is_disabled: true } });
      return { chatId, messageId: sent.message_id };
    } catch (error) {
      if (!chatUnreachable(error)) throw telegramFailure(error);
      await savedMessages.authorUnreachable(saveId);
      return { kept: 'anonymous: Telegram refused the question' };
    }
  }

  return { [SAVED_MESSAGE_CONSENT]: ask };
}
