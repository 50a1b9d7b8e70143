import { GrammyError, type Api } from 'grammy';
import { ANSWER_DELIVERY, type AnswerDelivery, type DeliverableAnswer } from '../answering/ask-question.ts';
import type { Queryable } from '../db/db.ts';
import type { Translator } from '../i18n.ts';
import type { Logger } from '../log.ts';
import { MESSAGE_MAX_ATTEMPTS } from '../jobs/notify.ts';
import { enqueueJob, GiveUpError, RetryLaterError, type Job } from '../jobs/queue.ts';
import { DoneWith, type JobHandler, type JobSteps } from '../jobs/runner.ts';
import { linkMessagesStatement } from '../community/question-log.ts';
import type { Language } from '../text/language.ts';
import { inScript } from '../text/chinese-convert.ts';
import { sentSoFar } from './outbox-sender.ts';
import { answerKeyboard, renderAnswer } from './render/answer.ts';
import { splitMessage } from './render/html.ts';
import type { Translate } from './render/story.ts';
import type { SendBudget } from './send-budget.ts';
import { MessageRefusedError, telegramFailure, tooOld } from './telegram-failure.ts';

/** The job kind of the "your answer is delayed" notice, queued when an answer's send fails. */
export const DELAY_NOTICE = 'tell-answer-delayed';

/** How long the notice gives the answer to go out first (after Telegram's wait, or one more try). */
const ANSWER_FIRST_MS = 3_000;

interface DelayNotice {
  deliveryJobId: number;
  chatId: number;
  replyTo?: number;
  threadId?: number;
  language: Language;
  /** The answer's Chinese characters (traditional for a question written so), for the notice too. */
  script?: 'traditional';
}

export interface AnswerSenderOptions {
  db: Queryable;
  api: Api;
  translator: Translator;
  budget: SendBudget;
  giveUpAfterMs: number;
  /** A member whose answer is still unsent this long after the question is told it is coming (ANSWER_LATE_NOTICE_AFTER). */
  lateNoticeAfterMs: number;
  logger: Logger;
}

// The answer is in: a notice queued for it has nothing to say (one being sent right now is left alone).
const CANCEL_NOTICE = `UPDATE jobs SET done_at = now(), result = '{"skipped": "the answer was delivered first"}'
  WHERE kind = $1 AND unique_key = $2 AND done_at IS NULL AND failed_at IS NULL AND (locked_until IS NULL OR locked_until < now())`;

// No row: a member who used /forget meanwhile took the question with them. `linked`: the parts an
// earlier attempt sent and linked before it died (the last part is recorded only so).
const QUESTION_AND_LINKED = `SELECT array(SELECT message_id::float8 FROM answer_messages WHERE question_id = $2 AND chat_id = $3 ORDER BY message_id) AS linked
  FROM questions WHERE id = $2`;

const ANSWER_STATE = `SELECT done_at IS NOT NULL OR failed_at IS NOT NULL AS settled,
  (extract(epoch FROM held_until - now()) * 1000)::float8 AS "heldMs"
  FROM jobs WHERE id = $1`;

/**
 * Sends the answers the ask use case queued (jobs of kind `deliver-answer`): rendered here,
 * in the question's language, as a reply to the question, the buttons under the last part.
 * Each part's message id is remembered as it is accepted, so a retry resumes at the part that
 * failed: the job's progress for every part but the last, and for the last the link of the
 * answer's messages to its question (replying to one is a follow-up), written by the statement
 * that marks the job done and read back by a retry. A send that fails and will be retried queues a
 * notice for the member, due `lateNoticeAfterMs` after the question, which is sent only if the
 * answer is still out then and Telegram has not asked the bot to wait.
 */
export function createAnswerSender(options: AnswerSenderOptions): Record<string, JobHandler> {
  const { db, api, translator, budget, giveUpAfterMs, lateNoticeAfterMs, logger } = options;

  async function deliver(job: Job, steps: JobSteps): Promise<unknown> {
    const old = tooOld(job.ageMs, giveUpAfterMs);
    if (old) throw old;
    const delivery = job.payload as unknown as AnswerDelivery;
    const { answer, chatId, questionId, replyTo, threadId, previewMessageId } = delivery;
    // The first part's place in the sending budget is taken along, one statement for both.
    const question = await budget.takeReading<{ linked: number[] }>({ sql: QUESTION_AND_LINKED, params: [questionId, chatId] });
    if (!question) return { skipped: 'the question was forgotten' };
    let placeHeld = true;
    // The bot's own words in the answer's characters too (traditional Chinese for a question written so).
    const t: Translate = (key, vars) => inScript(answer.script, translator.t(answer.language, key, vars));
    const parts = splitMessage(renderAnswer(answer, answer.language, t, translator, { inGroup: chatId < 0 }));
    const saved = sentSoFar(job);
    const messageIds = question.linked.length > saved.length ? question.linked.map(Number) : saved;
    for (let i = messageIds.length; i < parts.length; i++) {
      const last = i === parts.length - 1;
      if (!placeHeld) await budget.take();
      placeHeld = false;
      try {
        const markup = last ? answerKeyboard(answer, questionId, t) : undefined;
        // A reply with nothing to press (live information) is sent without a keyboard, not an empty one.
        const keyboard = markup?.inline_keyboard.some((row) => row.length > 0) ? { reply_markup: markup } : {};
        const replaced = i === 0 && previewMessageId !== undefined ? await replacePreview(chatId, previewMessageId, parts[0]!, keyboard) : undefined;
        const sent =
          replaced ??
          (await api.sendMessage(chatId, parts[i]!, {
            parse_mode: 'HTML',
            ...(threadId !== undefined ? { message_thread_id: threadId } : {}),
            ...(i === 0 && replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
            ...keyboard,
          }));
        messageIds.push(sent.message_id);
      } catch (error) {
        const failure = telegramFailure(error);
        if (failure instanceof MessageRefusedError) await apologise(delivery);
        else if (!(failure instanceof GiveUpError)) await queueNotice(job, delivery);
        throw failure;
      }
      // The last part is recorded by the link below, one statement fewer for most answers.
      if (!last) await steps.saveProgress({ messageIds });
    }
    // A notice is queued only by an attempt that failed: a first attempt has none to cancel.
    if (job.retried) await db.query(CANCEL_NOTICE, [DELAY_NOTICE, String(job.id)]);
    return new DoneWith({ chatId, messageIds }, linkMessagesStatement(questionId, chatId, messageIds));
  }

  /**
   * The draft shown while the model wrote (src/bot/answer-preview.ts) becomes the answer's first
   * part. Telegram refusing the edit (the draft was deleted, or is too old to edit) is no failure:
   * undefined, the draft is removed if it can be, and the part is sent as a new message. Other
   * failures (429, network) are thrown, and the retry tries the edit again.
   */
  async function replacePreview(chatId: number, messageId: number, text: string, keyboard: object): Promise<{ message_id: number } | undefined> {
    try {
      await api.editMessageText(chatId, messageId, text, { parse_mode: 'HTML', ...keyboard });
      return { message_id: messageId };
    } catch (error) {
      // An earlier attempt edited it and died before recording so: it already is the answer.
      if (error instanceof GrammyError && /message is not modified/i.test(error.description)) return { message_id: messageId };
      if (!(telegramFailure(error) instanceof MessageRefusedError)) throw error;
      logger.info({ err: error }, 'the answer preview could not be edited; the answer is sent as a new message');
      await budget.take();
      await api.deleteMessage(chatId, messageId).catch(() => undefined);
      return undefined;
    }
  }

  /** The answer will never go out (the failure is logged with the job): the member is told, once, best effort. */
  async function apologise({ chatId, threadId, answer }: AnswerDelivery): Promise<void> {
    await budget.take();
    await api
      .sendMessage(
        chatId,
        inScript(answer.script, translator.t(answer.language, 'bot-error-apology')),
        threadId !== undefined ? { message_thread_id: threadId } : {},
      )
      .catch((error: unknown) => {
        logger.warn({ err: error }, 'could not send the apology for an answer Telegram refused');
      });
  }

  async function queueNotice(job: Job, { chatId, replyTo, threadId, answer }: AnswerDelivery): Promise<void> {
    const notice: DelayNotice = {
      deliveryJobId: job.id,
      chatId,
      ...(replyTo !== undefined ? { replyTo } : {}),
      ...(threadId !== undefined ? { threadId } : {}),
      language: answer.language,
      ...(answer.script ? { script: answer.script } : {}),
    };
    // One per answer, however many tries fail (the unique key).
    await enqueueJob(db, {
      kind: DELAY_NOTICE,
      uniqueKey: String(job.id),
      delayMs: Math.max(0, lateNoticeAfterMs - job.ageMs),
      payload: { ...notice },
      maxAttempts: MESSAGE_MAX_ATTEMPTS,
    });
  }

  async function tellDelayed(job: Job, steps: JobSteps): Promise<unknown> {
    const old = tooOld(job.ageMs, giveUpAfterMs);
    if (old) throw old;
    const notice = job.payload as unknown as DelayNotice;
    const [answer] = await db.query<{ settled: boolean; heldMs: number | null }>(ANSWER_STATE, [notice.deliveryJobId]);
    if (!answer || answer.settled) return { skipped: 'the answer was delivered or given up' };
    // Telegram asked the bot to wait: the notice waits too, and the answer goes first.
    if (answer.heldMs !== null && answer.heldMs > 0) throw new RetryLaterError(answer.heldMs + ANSWER_FIRST_MS, "the answer waits for Telegram's retry_after");
    if (job.progress?.answerTriedFirst !== true) {
      // The answer may be waiting out a backoff while Telegram is back: it gets one more try first.
      await db.query('UPDATE jobs SET run_at = now() WHERE id = $1 AND done_at IS NULL AND failed_at IS NULL AND run_at > now()', [notice.deliveryJobId]);
      await steps.saveProgress({ answerTriedFirst: true });
      throw new RetryLaterError(ANSWER_FIRST_MS, 'the answer gets one more try before the member is told it is late');
    }
    await budget.take();
    try {
      const sent = await api.sendMessage(notice.chatId, inScript(notice.script, translator.t(notice.language, 'bot-answer-delayed')), {
        parse_mode: 'HTML',
        ...(notice.threadId !== undefined ? { message_thread_id: notice.threadId } : {}),
        ...(notice.replyTo !== undefined ? { reply_parameters: { message_id: notice.replyTo, allow_sending_without_reply: true } } : {}),
      });
      return { messageId: sent.message_id };
    } catch (error) {
      throw telegramFailure(error);
    }
  }

  return { [ANSWER_DELIVERY]: deliver, [DELAY_NOTICE]: tellDelayed };
}
