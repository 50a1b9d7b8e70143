import { detectLanguage, type Language } from '../text/language.ts';
import type { Db, Queryable } from '../db/db.ts';
import { queueCommunityAnswer, queueOpenQuestionSettled } from '../jobs/open-question-posts.ts';
import { queueStructuring } from '../jobs/contribution-structuring.ts';
import { textFingerprint } from '../knowledge/experiences/texts.ts';
import { answerText } from '../knowledge/experiences/rules.ts';
import type { Member } from './members.ts';
import type { Announce, Draft, SubmitContribution } from './contributions.ts';
import type { OpenQuestion, OpenQuestions, TranslateAnswer } from './open-questions.ts';

export type AnswerOpenQuestion = (input: {
  openQuestionId: number;
  answerer: Member;
  text: string;
  /** Whether the asker (and readers, once published) see the answerer's name and company. */
  named: boolean;
  /** The answerer's company's country, asked when their profile has none. */
  country?: string;
  fallbackLanguage: Language;
}) => Promise<'sent' | 'not-open' | 'own-question'>;

/**
 * The question an answer's contribution takes as its problem: the asker's own words when they
 * are in the answer's language, else their kept translation into it (migration 0028); undefined
 * when there is none, so the problem waits for a curator rather than mixing languages.
 */
function questionInAnswerLanguage(question: Pick<OpenQuestion, 'text' | 'language' | 'translations'>, language: Language): string | undefined {
  return question.language === language ? question.text : question.translations[language];
}

/**
 * A member's answer to an open question: sent to the asker (in the asker's language, with a note
 * of the answer's own language; named only with consent) and kept as a pending contribution
 * credited to its author, in the answer's language (answerText: the question as its problem
 * when it is in that language, else the problem left for a curator), so it goes to review like
 * any other. With a model, the contribution is structured into problem / solution / outcome in
 * the answer's language before its review card is posted; otherwise it is kept as written.
 */
export function createAnswerOpenQuestion(deps: {
  db: Db;
  openQuestions: Pick<OpenQuestions, 'getById'>;
  submitContribution: SubmitContribution;
  /** Queues a contribution's review card on the caller's transaction (curation.announce). */
  announce: Announce;
  translateAnswer?: TranslateAnswer;
  /** A chat model structures the contribution (a job, src/translation/structuring.ts), which then posts its review card. */
  structureAnswers?: boolean;
}): AnswerOpenQuestion {
  return async ({ openQuestionId, answerer, text, named, country, fallbackLanguage }) => {
    const question = await deps.openQuestions.getById(openQuestionId);
    if (!question || question.status !== 'open' || question.memberId === null) return 'not-open';
    if (question.memberId === answerer.id) return 'own-question';
    const language = detectLanguage(text, answerer.language ?? fallbackLanguage);
    const problem = questionInAnswerLanguage(question, language);
    const content = answerText({ answer: text, ...(problem !== undefined ? { problem } : {}) });
    // The handler holds the answer to the member limits before it gets here.
    if (!content.ok) throw new Error(`a community answer outside the member limits reached the use case (${content.problem.key})`);
    const draft: Draft = { ...content.text, industry: 'other', tags: [], named, ...(country ? { country } : {}) };
    const written = textFingerprint(draft);
    const translations = deps.translateAnswer ? await deps.translateAnswer(text, language) : {};
    // The answer, its delivery, the contribution and what follows it are kept together or not at all.
    await deps.submitContribution({
      member: answerer,
      draft,
      fallbackLanguage,
      announce: async (tx: Queryable, experienceId: number) => {
        const [row] = await tx.query<{ id: string | number }>(
          `INSERT INTO open_question_answers (open_question_id, member_id, text, language, named, translations, experience_id)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7) RETURNING id`,
          [openQuestionId, answerer.id, text, language, named, JSON.stringify(translations), experienceId],
        );
        await queueCommunityAnswer(tx, Number(row!.id));
        if (deps.structureAnswers) await queueStructuring(tx, { experienceId, language, written });
        else await deps.announce(tx, experienceId);
      },
    });
    return 'sent';
  };
}

export type RateCommunityAnswer = (input: { answerId: number; memberId: number; helpful: boolean }) => Promise<'not-yours' | 'rated'>;

/** The asker's 👍/👎 on an answer; the first 👍 marks the question answered and has its posts say so. */
export function createRateCommunityAnswer(db: Db): RateCommunityAnswer {
  return ({ answerId, memberId, helpful }) =>
    db.transaction(async (tx) => {
      const [row] = await tx.query<{ open_question_id: string | number }>(
        `UPDATE open_question_answers a SET helpful = $3 FROM open_questions q
          WHERE a.id = $1 AND q.id = a.open_question_id AND q.member_id = $2 RETURNING a.open_question_id`,
        [answerId, memberId, helpful],
      );
      if (!row) return 'not-yours';
      if (helpful) {
        const answered = await tx.query(`UPDATE open_questions SET status = 'answered' WHERE id = $1 AND status = 'open' RETURNING id`, [row.open_question_id]);
        if (answered.length > 0) await queueOpenQuestionSettled(tx, Number(row.open_question_id));
      }
      return 'rated';
    });
}
