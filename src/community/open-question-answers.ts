import { detectLanguage, type Language } from '../text/language.ts';
import type { Db, Queryable } from '../db/db.ts';
import { queueCommunityAnswer, queueOpenQuestionSettled } from '../jobs/open-question-posts.ts';
import { queueStructuring } from '../jobs/contribution-structuring.ts';
import { textFingerprint } from '../knowledge/experiences/texts.ts';
import { titleFrom } from '../knowledge/experiences/rules.ts';
import type { Member } from './members.ts';
import type { Draft, SubmitContribution } from './contributions.ts';
import type { OpenQuestions, TranslateAnswer } from './open-questions.ts';

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
 * A member's answer to an open question: sent to the asker (in the asker's language, with a note
 * of the answer's own language; named only with consent) and kept as a pending contribution
 * credited to its author, the question as its problem, so it goes to review like any other.
 * With a model, the contribution is structured into problem / solution / outcome in the
 * answer's language before its review card is posted; otherwise it is kept as written.
 */
export function createAnswerOpenQuestion(deps: {
  db: Db;
  openQuestions: Pick<OpenQuestions, 'getById'>;
  submitContribution: SubmitContribution;
  translateAnswer?: TranslateAnswer;
  /** A chat model structures the contribution (a job, src/translation/structuring.ts), which then posts its review card. */
  structureAnswers?: boolean;
}): AnswerOpenQuestion {
  return async ({ openQuestionId, answerer, text, named, country, fallbackLanguage }) => {
    const question = await deps.openQuestions.getById(openQuestionId);
    if (!question || question.status !== 'open' || question.memberId === null) return 'not-open';
    if (question.memberId === answerer.id) return 'own-question';
    // The answer's own language: the contribution as written is decided with the question's words too.
    const language = detectLanguage(text, answerer.language ?? fallbackLanguage);
    const draft: Draft = {
      title: titleFrom(question.text),
      problem: question.text,
      solution: text,
      industry: 'other',
      tags: [],
      named,
      ...(country ? { country } : {}),
    };
    const written = textFingerprint(draft);
    await deps.submitContribution({
      member: answerer,
      draft,
      fallbackLanguage,
      ...(deps.structureAnswers ? { announce: (tx: Queryable, experienceId: number) => queueStructuring(tx, { experienceId, language, written }) } : {}),
    });
    const translations = deps.translateAnswer ? await deps.translateAnswer(text, language) : {};
    await deps.db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: string | number }>(
        `INSERT INTO open_question_answers (open_question_id, member_id, text, language, named, translations) VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING id`,
        [openQuestionId, answerer.id, text, language, named, JSON.stringify(translations)],
      );
      await queueCommunityAnswer(tx, Number(row!.id));
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
