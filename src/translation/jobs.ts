import { translateExperienceText } from '../ai/experience-translation.ts';
import type { PromptLibrary } from '../ai/prompts.ts';
import type { AiProvider } from '../ai/provider.ts';
import type { Db } from '../db/db.ts';
import { EMBED_EXPERIENCE, queueEmbedding, TRANSLATE_EXPERIENCE, type EmbedExperienceJob, type TranslateExperienceJob } from '../jobs/experience-upkeep.ts';
import { GiveUpError, type Job } from '../jobs/queue.ts';
import type { JobHandler } from '../jobs/runner.ts';
import { storeMachineTranslation } from '../knowledge/experiences/machine-translations.ts';
import { loadExperiences } from '../knowledge/experiences/rows.ts';
import { embedMissingTexts } from '../knowledge/search/embeddings.ts';
import type { Logger } from '../log.ts';
import { isLanguage, type Language } from '../text/language.ts';

export interface TranslationJobDeps {
  db: Db;
  ai: AiProvider;
  prompts: PromptLibrary;
  logger: Logger;
}

/** The source a translation is made from: the original, else any version written by a person. */
function sourceOf(texts: Awaited<ReturnType<typeof loadExperiences>>[number]['texts'], original: Language) {
  const own = texts[original];
  if (own) return { language: original, text: own };
  for (const [language, text] of Object.entries(texts)) if (text && text.origin === 'human') return { language: language as Language, text };
  return undefined;
}

/**
 * The handlers of the jobs that follow a publication (queued by community/publication.ts):
 * translating one missing language version with the model and storing it marked machine-made,
 * and embedding an experience's texts that have no vector. Both are safe to run again: a
 * version that exists by then is kept, a text with a vector is skipped.
 */
export function translationJobs(deps: TranslationJobDeps): Record<string, JobHandler> {
  const { db, ai, prompts, logger } = deps;
  const embedding = db.hasVector && ai.embedder !== undefined;

  async function translate(job: Job): Promise<unknown> {
    const { experienceId, language } = job.payload as unknown as TranslateExperienceJob;
    if (!isLanguage(language)) throw new GiveUpError(`not a language of ours: ${String(language)}`);
    const [experience] = await loadExperiences(db, 'e.id = $1', [experienceId]);
    if (experience?.status !== 'published') return { skipped: 'not published' };
    if (experience.texts[language]) return { skipped: 'the version exists' };
    const source = sourceOf(experience.texts, experience.language);
    if (!source) return { skipped: 'no text written by a person to translate from' };
    const text = await translateExperienceText({ ai, prompts }, source.text, source.language, language);
    const outcome = await db.transaction(async (tx) => {
      const stored = await storeMachineTranslation(tx, experienceId, language, text);
      if (stored === 'stored' && embedding) await queueEmbedding(tx, { experienceId });
      return stored;
    });
    logger.info({ experience_id: experienceId, language, from: source.language, outcome }, 'machine translation of an experience');
    return { outcome, from: source.language };
  }

  async function embed(job: Job): Promise<unknown> {
    const { experienceId } = job.payload as unknown as EmbedExperienceJob;
    if (!embedding) return { skipped: 'no embedding model or no pgvector' };
    // Failures are thrown: the job is tried again with backoff (search stays lexical meanwhile).
    return { embedded: await embedMissingTexts(db, ai.embedder!, logger, { experienceId }) };
  }

  return { [TRANSLATE_EXPERIENCE]: translate, [EMBED_EXPERIENCE]: embed };
}
