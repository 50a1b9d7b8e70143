import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Community } from '../community/index.ts';
import type { Db } from '../db/db.ts';
import type { Translator } from '../i18n.ts';
import type { ExperienceRepository } from '../knowledge/experiences/repository.ts';
import { parseKbFile } from '../knowledge/experiences/kb-format.ts';
import type { Logger } from '../log.ts';
import { LANGUAGES } from '../text/language.ts';
import { DEMO_ASKER_ID } from './console-config.ts';

/** What the demo seed loaded: published experiences, and contributions waiting for review. */
export interface Seeded {
  published: number;
  pending: number;
}

/**
 * Loads the demo knowledge base, only into a database with no experiences at all, so a first
 * `npm start` has something to answer from and a member's own knowledge base is never touched.
 * Each record keeps its own status: the demo's pending contributions wait for a curator, never
 * shown to members; a record without one is published. Returns what was loaded (zeros when skipped).
 */
export async function seedDemoKnowledgeBase(deps: { db: Db; experiences: ExperienceRepository; logger: Logger }, path: string): Promise<Seeded> {
  const none = { published: 0, pending: 0 };
  const [row] = await deps.db.query<{ present: boolean }>('SELECT EXISTS (SELECT 1 FROM experiences) AS present');
  if (row?.present) return none;
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (e) {
    deps.logger.warn({ err: e, path }, 'demo knowledge base not found: starting with an empty one');
    return none;
  }
  const { records, problems } = parseKbFile(content);
  for (const p of problems) deps.logger.warn({ path, line: p.line, field: p.field }, `demo knowledge base: ${p.message}`);
  const { statuses } = await deps.experiences.upsertRecords(records, { status: 'published' });
  const created = (status: string) => statuses.filter((s) => s.before === undefined && s.after === status).reduce((n, s) => n + s.count, 0);
  return { published: created('published'), pending: created('pending') };
}

const DemoOpenQuestion = z.object({
  asker: z.object({ name: z.string().min(1), language: z.enum(LANGUAGES), company: z.string().optional(), country: z.string().optional() }),
  question: z.object({ text: z.string().min(1), language: z.enum(LANGUAGES) }),
});

/**
 * Puts the demo's one question nobody could answer to the community, as its asker (a demo
 * member, DEMO_ASKER_ID) would have with "ask the community" after the bot found nothing: logged,
 * then opened through the same use case, which queues its posts in the staff chat and the
 * members' group. Called with the demo knowledge base, so only on a first start. Returns whether
 * it was opened.
 */
export async function seedDemoOpenQuestion(deps: { community: Community; translator: Translator; logger: Logger }, path: string): Promise<boolean> {
  let demo: z.infer<typeof DemoOpenQuestion>;
  try {
    demo = DemoOpenQuestion.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch (e) {
    deps.logger.warn({ err: e, path }, 'demo open question not loaded: starting without one');
    return false;
  }
  const { members, questions, openQuestionToCommunity } = deps.community;
  const { asker, question } = demo;
  const member = await members.upsertFromTelegram({ telegramId: DEMO_ASKER_ID, name: asker.name, language: asker.language });
  await members.updateProfile(member.id, { ...(asker.company ? { company: asker.company } : {}), ...(asker.country ? { country: asker.country } : {}) });
  const questionId = await questions.record({
    memberId: member.id,
    chatId: DEMO_ASKER_ID,
    text: question.text,
    language: question.language,
    abstained: true,
    mode: 'offline',
    answerText: deps.translator.t(question.language, 'answer-nothing-found'),
    latencyMs: 0,
    citations: [],
  });
  return (await openQuestionToCommunity({ questionId, memberId: member.id })) === 'opened';
}
