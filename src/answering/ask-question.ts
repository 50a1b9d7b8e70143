import type { Community } from '../community/index.ts';
import type { Member } from '../community/members.ts';
import type { RecordedAlong } from '../community/question-log.ts';
import type { HandledUpdate } from '../community/update-claims.ts';
import type { Experience } from '../knowledge/experiences/experience.ts';
import type { Language } from '../text/language.ts';
import { detectLanguage } from '../text/language.ts';
import { isFinglish } from '../text/finglish.ts';
import { writtenInTraditional } from '../text/chinese-convert.ts';
import { smallTalk, type SmallTalk } from './small-talk.ts';
import type { Answer, AnsweringService, CitedExperience } from './answering-service.ts';

/** Longer questions are refused: they are pasted documents, not questions, and cost the model dearly. */
export const MAX_QUESTION = 4_000;

export interface AskedQuestion {
  /** Undefined for someone asking in a group who never started the bot: the group's limit holds them. */
  member: Pick<Member, 'id' | 'country' | 'industry'> | undefined;
  /** Where it was asked, so a reply to the answer there can be followed up. */
  chatId: number;
  /** Already trimmed. */
  text: string;
  /** The language the member reads: the settings' choice, else the client's. */
  memberLanguage: Language;
  /** The message it replies to, when that is one of ours: maybe an earlier answer. */
  repliesTo?: { messageId: number };
  /** The question's own message, which the answer replies to. */
  messageId?: number;
  /** The forum topic it was asked in, where the answer goes. */
  threadId?: number;
}

/** The job kind of an answer waiting to be sent (served by src/bot/answer-sender.ts). */
export const ANSWER_DELIVERY = 'deliver-answer';

/** What of an answer its message shows: plain values, kept in the outbox until it is sent. */
export type DeliverableAnswer = Pick<Answer, 'language' | 'script' | 'abstained' | 'reason' | 'mode' | 'text'> & {
  /** Absent in answers queued before tiers existed: `answered` unless abstained, then `nothing`. */
  tier?: Answer['tier'];
  cited: (Pick<CitedExperience, 'title' | 'machineTranslated' | 'verification'> & {
    /** Absent in answers queued before the list said a title's language: such a title is shown without the note. */
    displayLanguage?: Language;
    /** `contributor` is absent in answers queued before the related list named who lived it; `language` (the original's) with `displayLanguage`. */
    experience: Pick<Experience, 'id' | 'country' | 'industry'> & { language?: Language; contributor?: Pick<Experience['contributor'], 'company' | 'city'> };
  })[];
};

/** An answer the bot owes a member: what to show, where, and which question it answers. */
export interface AnswerDelivery {
  questionId: number;
  chatId: number;
  /** The question's message, which the answer replies to. */
  replyTo?: number;
  /** The forum topic of the question. */
  threadId?: number;
  answer: DeliverableAnswer;
  /** The message showing the answer's draft as it was written: the answer replaces it (first part). */
  previewMessageId?: number;
}

/** Where answers wait until a sender has delivered them (the jobs table). */
export interface AnswerOutbox {
  /** The job delivering an answer, queued by the statement that records its question (which adds `questionId`). */
  job(delivery: Omit<AnswerDelivery, 'questionId'>): NonNullable<RecordedAlong['queue']>;
  /** A statement that queued deliveries committed: this process's sender may look now. */
  committed(): void;
}

export type AskOutcome =
  | { kind: 'too-long'; max: number; length: number }
  /** `notify`: the first refusal of the window; later ones in it are refused in silence (one notice per window, not per message). */
  | { kind: 'rate-limited'; limit: number; hits: number; retryAfterSeconds: number; notify: boolean }
  | { kind: 'answered'; answer: Answer; questionId: number; latencyMs: number }
  /** Not a question (a greeting, a thank-you, no words): not searched, logged nor put to the community; `language` is the reply's. */
  | { kind: 'small-talk'; what: SmallTalk['what']; language: Language; script?: 'traditional' };

/** Where a front door shows a model's answer while it is written (a private chat's growing message). */
export interface AnswerPreview {
  /** The checked draft so far; called each time it grows. */
  show(draft: string): void;
  /** The answer is written: the id of the message that showed the draft, if one was shown. Never throws. */
  settle(): Promise<number | undefined>;
}

export interface AskOptions {
  /** Wraps the slow part, e.g. to show that an answer is being written. */
  whileAnswering?: <T>(work: () => Promise<T>) => Promise<T>;
  /** Shows the model's draft as it is written; the queued answer then names the preview's message, to replace it. */
  preview?: AnswerPreview;
  /** The incoming update that asked: marked handled by the statement that records the question and queues its answer. */
  handledUpdate?: HandledUpdate;
}

export interface AskQuestion {
  ask(question: AskedQuestion, options?: AskOptions): Promise<AskOutcome>;
}

export interface AskQuestionDeps {
  answering: AnsweringService;
  community: Pick<Community, 'questions' | 'rateLimits'>;
  outbox: AnswerOutbox;
  limitPerMinute: number;
}

/**
 * A member's question: refused when too long or over the member's rate limit, else answered
 * (a reply to an earlier answer is a follow-up, with that question as context), logged with
 * its citations and latency, and its answer queued for delivery in the same statement: an
 * answer is never logged without being owed, nor owed without being logged, whatever crashes;
 * the update that asked is marked handled in it too.
 */
export function createAskQuestion({ answering, community, outbox, limitPerMinute }: AskQuestionDeps): AskQuestion {
  return {
    async ask({ member, chatId, text, memberLanguage, repliesTo, messageId, threadId }, options = {}) {
      if (text.length > MAX_QUESTION) return { kind: 'too-long', max: MAX_QUESTION, length: text.length };
      // Counted in the database, not in process memory: each replica would allow the full amount on its own.
      const limit = member ? await community.rateLimits.hit(`ask:${member.id}`, limitPerMinute) : undefined;
      if (limit && !limit.allowed)
        return { kind: 'rate-limited', limit: limitPerMinute, hits: limit.hits, retryAfterSeconds: limit.retryAfterSeconds, notify: limit.firstRefused };

      const chat = smallTalk(text);
      if (chat)
        return {
          kind: 'small-talk',
          what: chat.what,
          language: chat.language === 'asker' ? memberLanguage : chat.language,
          ...(chat.language === 'zh' && writtenInTraditional(text) ? { script: 'traditional' as const } : {}),
        };

      const previous = repliesTo ? await community.questions.findByAnswerMessage(chatId, repliesTo.messageId) : undefined;
      const started = performance.now();
      const work = () =>
        answering.answer({
          text,
          language: questionLanguage(text, memberLanguage),
          profile: { ...(member?.country ? { country: member.country } : {}), ...(member?.industry ? { industry: member.industry } : {}) },
          ...(previous ? { previousQuestion: previous.text } : {}),
          ...(options.preview ? { onDraft: (draft: string) => options.preview!.show(draft) } : {}),
        });
      let answer: Answer;
      let previewMessageId: number | undefined;
      try {
        answer = await (options.whileAnswering ? options.whileAnswering(work) : work());
      } finally {
        previewMessageId = await options.preview?.settle();
      }
      const latencyMs = performance.now() - started;
      const questionId = await community.questions.record(
        {
          memberId: member?.id ?? null,
          chatId,
          text,
          language: answer.language,
          ...(previous ? { followUpOf: previous.id } : {}),
          abstained: answer.abstained,
          mode: answer.mode,
          answerText: answer.text,
          latencyMs,
          citations: answer.cited.map((c) => ({ experienceId: c.experience.id, score: c.score })),
        },
        {
          queue: outbox.job({
            chatId,
            ...(messageId !== undefined ? { replyTo: messageId } : {}),
            ...(threadId !== undefined ? { threadId } : {}),
            ...(previewMessageId !== undefined ? { previewMessageId } : {}),
            answer: deliverable(answer),
          }),
          ...(options.handledUpdate ? { finishesUpdate: options.handledUpdate.updateId } : {}),
        },
      );
      options.handledUpdate?.finished();
      outbox.committed();
      return { kind: 'answered', answer, questionId, latencyMs };
    },
  };
}

/** What the related list names of who lived it: not the person, nor their membership. */
const contributorShown = ({ company, city }: Experience['contributor']) => ({ ...(company ? { company } : {}), ...(city ? { city } : {}) });

/** The answer as its message needs it: the cited experiences' whole records stay out of the outbox. */
function deliverable(answer: Answer): DeliverableAnswer {
  const { language, abstained, tier, mode, text } = answer;
  return {
    language,
    ...(answer.script ? { script: answer.script } : {}),
    abstained,
    tier,
    ...(answer.reason ? { reason: answer.reason } : {}),
    mode,
    text,
    cited: answer.cited.map((c) => ({
      title: c.title,
      displayLanguage: c.displayLanguage,
      experience: {
        id: c.experience.id,
        language: c.experience.language,
        country: c.experience.country,
        industry: c.experience.industry,
        contributor: contributorShown(c.experience.contributor),
      },
      machineTranslated: c.machineTranslated,
      ...(c.verification ? { verification: c.verification } : {}),
    })),
  };
}

/**
 * A question in Persian or Chinese script is answered in that language whatever the member's
 * settings (many Iranian members keep Telegram in English); so is Persian typed in Latin letters
 * (Finglish). Other Latin text keeps the member's language.
 */
export function questionLanguage(text: string, memberLanguage: Language): Language {
  const detected = detectLanguage(text, memberLanguage);
  if (detected !== 'en') return detected;
  return isFinglish(text) ? 'fa' : memberLanguage;
}
