import { structureCommunityAnswer, type StructuredAnswer } from '../ai/answer-structuring.ts';
import { AiError } from '../ai/errors.ts';
import type { PromptLibrary } from '../ai/prompts.ts';
import type { AiProvider } from '../ai/provider.ts';
import type { Db, Queryable } from '../db/db.ts';
import { STRUCTURE_CONTRIBUTION, type StructureContributionJob } from '../jobs/contribution-structuring.ts';
import { GiveUpError, type Job } from '../jobs/queue.ts';
import { Completion, type JobHandler } from '../jobs/runner.ts';
import { recordAudit } from '../knowledge/experiences/audit.ts';
import { loadExperiences } from '../knowledge/experiences/rows.ts';
import { checkMemberText, experienceTextSchema, TEXT_FIELDS } from '../knowledge/experiences/rules.ts';
import { replaceContributionText, textFingerprint } from '../knowledge/experiences/texts.ts';
import type { Logger } from '../log.ts';
import { detectLanguage, isLanguage, type Language } from '../text/language.ts';

// The question the answer was given to (migration 0031); gone when the asker used /forget.
const ASKED_QUESTION = `SELECT q.text FROM open_question_answers a JOIN open_questions q ON q.id = a.open_question_id WHERE a.experience_id = $1 LIMIT 1`;

export interface StructuringJobDeps {
  db: Db;
  ai: AiProvider;
  prompts: PromptLibrary;
  logger: Logger;
  /** Queues the contribution's review card on the caller's transaction (community curation's announce). */
  announce(within: Queryable, experienceId: number): Promise<void>;
}

/**
 * Why a model's structuring of an answer may not replace it, or undefined when it may: each field
 * within the limits a member's own /share text has, the title one line, and each written in the
 * answer's language.
 */
export function structuringProblem(text: StructuredAnswer, language: Language): string | undefined {
  if (!experienceTextSchema.safeParse(text).success) return 'not a valid experience text';
  for (const field of TEXT_FIELDS) {
    const value = text[field];
    if (value === undefined) continue;
    if (checkMemberText(field, value)) return `the ${field} is too short or too long`;
    // Field by field: one field left in another language would be missed in the whole.
    const written = detectLanguage(value, language);
    if (written !== language) return `the ${field} is written in ${written}, not in the answer's language (${language})`;
  }
  return undefined;
}

/**
 * The handler of `structure-contribution` jobs, queued with the contribution a community answer
 * becomes when a chat model is configured: the model structures the question and the answer
 * into title / problem / solution / outcome in the answer's language, and the contribution's
 * review card is posted after that, in the transaction that stores it, so staff see it once,
 * in its final form, and the answerer never waits for the model. A model that fails, times out
 * (OPENAI_TIMEOUT_MS) or writes something that breaks the rules leaves the answer as written,
 * and its card is posted all the same; so is the card on a job's last attempt, whatever failed.
 */
export function structuringJobs(deps: StructuringJobDeps): Record<string, JobHandler> {
  const { db, ai, prompts, logger, announce } = deps;

  async function structure(job: Job): Promise<unknown> {
    const { experienceId, language, written } = job.payload as unknown as StructureContributionJob;
    if (!isLanguage(language)) throw new GiveUpError(`not a language of ours: ${String(language)}`);
    const [experience] = await loadExperiences(db, 'e.id = $1', [experienceId]);
    if (experience?.status !== 'pending') return { skipped: 'no longer pending' };
    const text = experience.texts[experience.language];
    let structured: StructuredAnswer | undefined;
    let kept: string | undefined;
    // The asker's own words: the contribution holds the question only in the answer's language, if at all.
    const [asked] = await db.query<{ text: string }>(ASKED_QUESTION, [experienceId]);
    const question = asked?.text ?? (text?.problem || undefined);
    if (!text || textFingerprint(text) !== written) kept = 'edited meanwhile';
    else if (job.attempts >= job.maxAttempts) kept = 'last attempt';
    else if (question === undefined) kept = 'the question is no longer stored';
    else {
      try {
        const reply = await structureCommunityAnswer({ ai, prompts }, { question, answer: text.solution, language });
        kept = structuringProblem(reply, language);
        if (!kept) structured = reply;
      } catch (error) {
        if (!(error instanceof AiError)) throw error;
        kept = `the model failed (${error.kind})`;
        logger.warn(
          { err: error, experience_id: experienceId },
          'a community answer could not be structured by the model; its contribution is kept as written',
        );
      }
    }
    if (kept) logger.info({ experience_id: experienceId, reason: kept }, 'community answer kept as written');
    return new Completion({ outcome: structured ? 'structured' : 'kept as written', ...(kept ? { reason: kept } : {}) }, async (tx) => {
      if (structured) await storeStructured(tx, experienceId, written, language, structured);
      await announce(tx, experienceId);
    });
  }

  return { [STRUCTURE_CONTRIBUTION]: structure };
}

/** Replaces the text as written with the structured one, unless the contribution was decided or edited meanwhile (checked under its lock). */
async function storeStructured(tx: Queryable, experienceId: number, written: string, language: Language, text: StructuredAnswer): Promise<void> {
  await tx.query('SELECT id FROM experiences WHERE id = $1 FOR UPDATE', [experienceId]);
  const [now] = await loadExperiences(tx, 'e.id = $1', [experienceId]);
  const current = now?.texts[now.language];
  if (now?.status !== 'pending' || !current || textFingerprint(current) !== written) return;
  await replaceContributionText(tx, experienceId, language, text);
  await recordAudit(tx, {
    actorId: null,
    action: 'contribution.structure',
    subject: `experience:${experienceId}`,
    before: { language: now.language },
    after: { language, structured_by: 'model' },
  });
}
