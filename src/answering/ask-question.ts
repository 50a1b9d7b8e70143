import type { Member } from '../community/members.ts';
import type { QuestionLog } from '../community/question-log.ts';
import type { RateLimits } from '../community/rate-limits.ts';
import type { Language } from '../text/language.ts';
import { detectLanguage } from '../text/language.ts';
import { isFinglish } from '../text/finglish.ts';
import type { Answer, AnsweringService } from './answering-service.ts';

/** Longer questions are refused: they are pasted documents, not questions, and cost the model dearly. */
export const MAX_QUESTION = 4_000;

export interface AskedQuestion {
  member: Pick<Member, 'id' | 'country' | 'industry'>;
  /** Where it was asked, so a reply to the answer there can be followed up. */
  chatId: number;
  /** Already trimmed. */
  text: string;
  /** The language the member reads: the settings' choice, else the client's. */
  memberLanguage: Language;
  /** The message it replies to, when that is one of ours: maybe an earlier answer. */
  repliesTo?: { messageId: number };
}

export type AskOutcome =
  | { kind: 'too-long'; max: number; length: number }
  | { kind: 'rate-limited'; limit: number; hits: number; retryAfterSeconds: number }
  | { kind: 'answered'; answer: Answer; questionId: number; latencyMs: number };

export interface AskQuestion {
  /** `whileAnswering` wraps the slow part, e.g. to show that an answer is being written. */
  ask(question: AskedQuestion, options?: { whileAnswering?: <T>(work: () => Promise<T>) => Promise<T> }): Promise<AskOutcome>;
  /** Remembers which messages carry the answer, so replying to any of them is a follow-up. */
  delivered(questionId: number, chatId: number, messageIds: number[]): Promise<void>;
}

export interface AskQuestionDeps {
  answering: AnsweringService;
  community: { questions: Pick<QuestionLog, 'record' | 'findByAnswerMessage' | 'linkMessages'>; rateLimits: Pick<RateLimits, 'hit'> };
  limitPerMinute: number;
}

/**
 * A member's question: refused when too long or over the member's rate limit, else answered
 * (a reply to an earlier answer is a follow-up, with that question as context) and logged with
 * its citations and latency.
 */
export function createAskQuestion({ answering, community, limitPerMinute }: AskQuestionDeps): AskQuestion {
  return {
    async ask({ member, chatId, text, memberLanguage, repliesTo }, options = {}) {
      if (text.length > MAX_QUESTION) return { kind: 'too-long', max: MAX_QUESTION, length: text.length };
      // Counted in the database, not in process memory: each replica would allow the full amount on its own.
      const limit = await community.rateLimits.hit(`ask:${member.id}`, limitPerMinute);
      if (!limit.allowed) return { kind: 'rate-limited', limit: limitPerMinute, hits: limit.hits, retryAfterSeconds: limit.retryAfterSeconds };

      const previous = repliesTo ? await community.questions.findByAnswerMessage(chatId, repliesTo.messageId) : undefined;
      const started = performance.now();
      const work = () =>
        answering.answer({
          text,
          language: questionLanguage(text, memberLanguage),
          profile: { ...(member.country ? { country: member.country } : {}), ...(member.industry ? { industry: member.industry } : {}) },
          ...(previous ? { previousQuestion: previous.text } : {}),
        });
      const answer = await (options.whileAnswering ? options.whileAnswering(work) : work());
      const latencyMs = performance.now() - started;
      const questionId = await community.questions.record({
        memberId: member.id,
        chatId,
        text,
        language: answer.language,
        ...(previous ? { followUpOf: previous.id } : {}),
        abstained: answer.abstained,
        mode: answer.mode,
        answerText: answer.text,
        latencyMs,
        citations: answer.cited.map((c) => ({ experienceId: c.experience.id, score: c.score })),
      });
      return { kind: 'answered', answer, questionId, latencyMs };
    },
    delivered: (questionId, chatId, messageIds) => community.questions.linkMessages(questionId, chatId, messageIds),
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
