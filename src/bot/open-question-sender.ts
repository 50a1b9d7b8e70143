import { type Api, InlineKeyboard } from 'grammy';
import type { Translator } from '../i18n.ts';
import type { Queryable } from '../db/db.ts';
import type { OpenQuestion, OpenQuestions } from '../community/open-questions.ts';
import type { OpenQuestionIn } from '../community/open-question-translations.ts';
import type { Language } from '../text/language.ts';
import { COMMUNITY_ANSWER, OPEN_QUESTION_SETTLED, OPEN_QUESTION_POST, type OpenQuestionPostJob } from '../jobs/open-question-posts.ts';
import { COMMUNITY_ANSWER_FEEDBACK } from './callbacks.ts';
import type { Job } from '../jobs/queue.ts';
import type { JobHandler } from '../jobs/runner.ts';
import { chatLanguage, languageHint, postingLanguage } from './chat-language.ts';
import { escapeHtml } from './render/html.ts';
import { contributorCredit } from '../answering/naming/who-lived-it.ts';
import { telegramFailure } from './telegram-failure.ts';
import { createSendBudget, type SendBudget } from './send-budget.ts';
import { wordsFor } from './i18n.ts';

/** Deep link payload that opens the answering of an open question: t.me/<bot>?start=oq_<id>. */
export const OPEN_QUESTION_LINK = /^oq_(\d{1,15})$/;
export const openQuestionLink = (botUsername: string, openQuestionId: number) => `https://t.me/${botUsername}?start=oq_${openQuestionId}`;

export interface OpenQuestionSenderOptions {
  db: Queryable;
  api: Api;
  translator: Translator;
  openQuestions: Pick<OpenQuestions, 'getById' | 'recordPost' | 'posts' | 'getAnswer'>;
  /** The question in a chat's language when that is another (a model's translation); unset: its own words only. */
  openQuestionIn?: OpenQuestionIn;
  budget?: SendBudget;
}

/**
 * Posts a question nobody could answer (jobs of kind `open-question-post`) in the staff chat or a
 * members' group, in the chat's language with the question's own words (and, with a model, the
 * question translated into the chat's language when it is another), without the asker's name,
 * and an "I can answer" button: a deep link to a private chat that takes the answer. A question
 * answered or closed meanwhile is skipped.
 */
export function createOpenQuestionSender(options: OpenQuestionSenderOptions): Record<string, JobHandler> {
  const { db, api, translator, openQuestions, openQuestionIn } = options;

  /** The question as a chat reads it: its own words, with the translation into the chat's language below when there is one. */
  const questionFor = (question: OpenQuestion, language: Language, translation: string | undefined): string =>
    translation === undefined
      ? escapeHtml(question.text)
      : translator.t(language, 'community-question-with-translation', {
          question: escapeHtml(question.text),
          translation: escapeHtml(translation),
        });
  // In a group whose admins never chose a language (English then), how to have the posts in Persian or Chinese, as under a review card.
  const withLanguageHint = (text: string, language: Language, unchosen: boolean) => (unchosen ? `${text}\n\n${languageHint(translator, language)}` : text);
  const budget = options.budget ?? createSendBudget(db);
  let username: Promise<string> | undefined;
  const botUsername = () => (username ??= api.getMe().then((me) => me.username));

  async function post(job: Job): Promise<unknown> {
    const { openQuestionId, chatId } = job.payload as unknown as OpenQuestionPostJob;
    const question = await openQuestions.getById(openQuestionId);
    if (!question || question.status !== 'open') return { skipped: 'no longer open' };
    const { language, unchosen } = await postingLanguage(db, chatId);
    const t = (key: string, values?: Record<string, string>) => translator.t(language, key, values);
    const translation = await openQuestionIn?.(question, language);
    const text = t('community-question-post', { question: questionFor(question, language, translation), language: question.language });
    try {
      const keyboard = new InlineKeyboard().url(t('community-button-can-answer'), openQuestionLink(await botUsername(), openQuestionId));
      await budget.take();
      const sent = await api.sendMessage(chatId, withLanguageHint(text, language, unchosen), { parse_mode: 'HTML', reply_markup: keyboard });
      await openQuestions.recordPost(openQuestionId, { chatId, messageId: sent.message_id });
      return { chatId, messageId: sent.message_id };
    } catch (error) {
      throw telegramFailure(error);
    }
  }

  /** A member's answer to the asker, in the asker's language (the answer in its own, with a note of which), with 👍/👎. */
  async function deliverAnswer(job: Job): Promise<unknown> {
    const { answerId } = job.payload as { answerId: number };
    const answer = await openQuestions.getAnswer(answerId);
    if (!answer) return { skipped: 'asker forgotten' };
    const [asker] = await db.query<{ telegram_id: string | number | null; script: string | null }>(
      `SELECT telegram_id, chinese_script AS script FROM members WHERE id = $1`,
      [answer.askerMemberId],
    );
    if (!asker || asker.telegram_id === null) return { skipped: 'asker forgotten' };
    const chatId = Number(asker.telegram_id);
    const language = await chatLanguage(db, chatId);
    // In the characters the asker writes Chinese in, as the bot's replies to them are.
    const t = wordsFor(translator, language, asker.script === 'traditional' ? 'traditional' : undefined);
    const translated = answer.language !== language ? answer.translations[language] : undefined;
    const values = {
      question: escapeHtml(answer.question),
      answer: escapeHtml(translated ?? answer.text),
      language: answer.language,
      translated: translated === undefined ? 'no' : 'yes',
    };
    // The answerer's name and company in a script the asker reads, the stored form beside them.
    const who = answer.answerer ? contributorCredit(answer.answerer, language).join(' · ') : '';
    const text = who ? t('community-answer-received-named', { ...values, who: escapeHtml(who) }) : t('community-answer-received', values);
    const keyboard = new InlineKeyboard()
      .text(t('bot-button-helpful'), COMMUNITY_ANSWER_FEEDBACK.encode({ answerId, helpful: true }))
      .text(t('bot-button-not-helpful'), COMMUNITY_ANSWER_FEEDBACK.encode({ answerId, helpful: false }));
    await budget.take();
    try {
      const sent = await api.sendMessage(chatId, text, { parse_mode: 'HTML', reply_markup: keyboard });
      return { chatId, messageId: sent.message_id };
    } catch (error) {
      throw telegramFailure(error);
    }
  }

  /** Edits an answered or closed question's posts to say so, their button removed. */
  async function markAnswered(job: Job): Promise<unknown> {
    const { openQuestionId } = job.payload as { openQuestionId: number };
    const question = await openQuestions.getById(openQuestionId);
    if (!question || question.status === 'open') return { skipped: 'question gone or open' };
    const edited: number[] = [];
    for (const { chatId, messageId } of await openQuestions.posts(openQuestionId)) {
      const { language, unchosen } = await postingLanguage(db, chatId);
      const key = question.status === 'closed' ? 'community-question-closed' : 'community-question-answered';
      // The translation the post carried, as kept with the question: no model call to edit a post.
      const translation = language === question.language ? undefined : question.translations[language];
      const said = translator.t(language, key, { question: questionFor(question, language, translation), language: question.language });
      const text = withLanguageHint(said, language, unchosen);
      await budget.take();
      try {
        await api.editMessageText(chatId, messageId, text, { parse_mode: 'HTML' });
        edited.push(chatId);
      } catch (error) {
        throw telegramFailure(error);
      }
    }
    return { edited };
  }

  return { [OPEN_QUESTION_POST]: post, [COMMUNITY_ANSWER]: deliverAnswer, [OPEN_QUESTION_SETTLED]: markAnswered };
}
