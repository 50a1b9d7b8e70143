import { fileURLToPath } from 'node:url';
import { secretValues, type Config } from './config.ts';
import type { Db } from './db/db.ts';
import { openDatabase } from './db/open.ts';
import { processInstanceId } from './db/process-liveness.ts';
import { createFileLogger, createLogger, type Logger } from './log.ts';
import { createTranslator, DEFAULT_LOCALES_DIR } from './i18n.ts';
import { createAiProvider } from './ai/provider.ts';
import { ExperienceRepository } from './knowledge/experiences/repository.ts';
import { Glossary, GLOSSARY_TOPIC } from './knowledge/glossary/glossary.ts';
import { changeNumbers, topicLatest } from './db/change-feed.ts';
import { seedGlossaryIfEmpty } from './knowledge/glossary/glossary-csv.ts';
import { createRetriever, type Retriever, type Tier } from './knowledge/search/retrieval.ts';
import { databaseLexicalIndex } from './knowledge/search/lexical-index.ts';
import { DEFAULT_MEMORY_INDEX, memoryLexicalIndex, SEARCH_CHANGES_LATEST } from './knowledge/search/memory-index-sync.ts';
import { createAnsweringService, type AnsweringDeps, type Question } from './answering/answering-service.ts';
import { ANSWER_DELIVERY, createAskQuestion, type AnswerOutbox } from './answering/ask-question.ts';
import { createAskByVoice } from './answering/voice-question.ts';
import { createCommunity, type TranslateAnswer } from './community/index.ts';
import { embedMissingTexts } from './knowledge/search/embeddings.ts';
import { reindexIfStale } from './knowledge/experiences/reindex.ts';
import { createNotifier, MESSAGE_MAX_ATTEMPTS } from './jobs/notify.ts';
import { queueReviewCard } from './jobs/review-cards.ts';
import { createWakeSignal } from './jobs/wake.ts';
import { loadPrompts } from './ai/prompts.ts';
import { translateMessage } from './ai/message-translation.ts';
import type { PublicationWork } from './community/publication.ts';
import { translationJobs } from './translation/jobs.ts';
import { structuringJobs } from './translation/structuring.ts';

const ASSETS = fileURLToPath(new URL('../assets/', import.meta.url));

export type App = Awaited<ReturnType<typeof createApp>>;

/** The configuration's secrets (key, token, webhook secret, database password): no answer may repeat one. */
function configSecrets(config: Config): string[] {
  const secrets = [config.ai.mode === 'openai' ? config.ai.apiKey : ''];
  if (config.telegram.mode !== 'console') secrets.push(config.telegram.token);
  if (config.telegram.mode === 'webhook') secrets.push(config.telegram.secret);
  if (config.database.kind === 'postgres') secrets.push(URL.canParse(config.database.url) ? decodeURIComponent(new URL(config.database.url).password) : '');
  return secrets.filter((s) => s !== '');
}

/** The answering service of the bot and of `eval --model`: the config's secrets, question budget and review period. */
function answeringService(config: Config, deps: Pick<AnsweringDeps, 'retriever' | 'experiences' | 'ai' | 'translator' | 'logger'>) {
  return createAnsweringService({ ...deps, secrets: configSecrets(config), budgetMs: config.questionBudgetMs, reviewAfterMonths: config.reviewAfterMonths });
}

/**
 * How `eval --model` answers each question over its temporary base: as the bot does, with the
 * configured model judging the experiences, so the tier is the one after the model's verdict.
 */
export function answeringOverBase(
  config: Config,
  logger: Logger,
): (base: { db: Db; retriever: Retriever }) => (question: Required<Pick<Question, 'text' | 'language'>>) => Promise<Tier> {
  const ai = createAiProvider(config.ai, logger);
  const translator = createTranslator(DEFAULT_LOCALES_DIR);
  return ({ db, retriever }) => {
    const answering = answeringService(config, { retriever, experiences: new ExperienceRepository(db), ai, translator, logger });
    return async (question) => (await answering.answer({ text: question.text, language: question.language })).tier;
  };
}

/**
 * The logger of a process with this config: JSON lines on `destination` (stderr by default; a
 * file path for the console chat), with every secret of the config cut out of every line.
 */
export function createAppLogger(config: Config, destination?: NodeJS.WritableStream | string, level: string = config.logLevel): Logger {
  const safety = { secrets: secretValues(config) };
  return typeof destination === 'string' ? createFileLogger(level, destination, safety) : createLogger(level, destination, safety);
}

/**
 * The composition root: builds every service from the typed config. `db` and `logger` may be
 * given (tests, eval); a given db stays open on close(), its owner closes it. `ownDatabase`: the
 * embedded database must be this process's (see openDatabase). `stopping` aborts the model calls
 * in flight when the process is told to stop, so no member's question holds the stop.
 */
export async function createApp(config: Config, options: { db?: Db; logger?: Logger; migrate?: boolean; ownDatabase?: boolean; stopping?: AbortSignal } = {}) {
  const logger = options.logger ?? createAppLogger(config);
  const db =
    options.db ??
    (await openDatabase(config.database, {
      migrateSchema: options.migrate ?? true,
      own: options.ownDatabase ?? false,
      logger,
      onIdleClientError: (err) => logger.warn({ err }, 'an idle PostgreSQL connection failed; the next statement opens a new one'),
    }));
  if (!db.hasVector) {
    logger.warn({ database: db.kind }, 'pgvector is not installed in this database: search runs lexical-only (install pgvector to add vector search)');
  }
  // Search tokens stored by another version of the text pipeline would not meet the questions'.
  await reindexIfStale(db, logger);
  const translator = createTranslator(DEFAULT_LOCALES_DIR);
  const ai = createAiProvider(config.ai, logger, options.stopping ? { stopping: options.stopping } : {});
  const experiences = new ExperienceRepository(db);
  await seedGlossaryIfEmpty(db, `${ASSETS}glossary.csv`);
  // One statement before each question says whether the glossary or the published texts changed.
  const latest = changeNumbers(db, { glossary: topicLatest(GLOSSARY_TOPIC), search: SEARCH_CHANGES_LATEST });
  const glossary = await Glossary.load(db, async () => (await latest()).glossary!);
  const memoryIndex =
    config.searchIndex === 'memory'
      ? memoryLexicalIndex(db, logger, { ...DEFAULT_MEMORY_INDEX, latestShared: async () => (await latest()).search! })
      : undefined;
  const lexical = memoryIndex ?? databaseLexicalIndex(db);
  const retriever = createRetriever({ db, glossary, lexical, ...(db.hasVector && ai.embedder ? { embedder: ai.embedder } : {}), logger });
  const answering = answeringService(config, { retriever, experiences, ai, translator, logger });
  const instance = processInstanceId();
  const notifier = createNotifier(db);
  const publicationWork: PublicationWork = { translate: ai.mode === 'openai', embed: db.hasVector && ai.embedder !== undefined };
  const community = createCommunity(db, {
    experiences,
    instance,
    retriever,
    notify: (recipient, key, values, within) => notifier.notify(recipient, key, values, within),
    queueReviewCard,
    publicationWork,
    groups: { allowedChatIds: config.allowedChatIds, limitPerMinute: config.groupRateLimitPerMinute },
    communityChatIds: config.communityChatIds,
    ...(ai.mode === 'openai' ? { translateAnswer: answerTranslator({ ai, prompts: loadPrompts() }, logger), structureAnswers: true } : {}),
    ...(config.staffChatId !== undefined ? { staffChatId: config.staffChatId } : {}),
  });
  const outboxQueued = createWakeSignal();
  const answerOutbox: AnswerOutbox = {
    // One chat's answers go out in the order its questions were asked.
    job: (delivery) => ({ kind: ANSWER_DELIVERY, payload: { ...delivery }, maxAttempts: MESSAGE_MAX_ATTEMPTS, sequenceKey: `chat:${delivery.chatId}` }),
    committed: () => outboxQueued.wake(),
  };
  const asking = createAskQuestion({ answering, community, outbox: answerOutbox, limitPerMinute: config.rateLimitPerMinute });

  return {
    config,
    logger,
    db,
    translator,
    ai,
    experiences,
    glossary,
    retriever,
    answering,
    community,
    /** Asking a question as a member: refused when too long or over the rate limit, else answered and logged. */
    asking,
    /** A spoken question: transcribed (when a transcription model is configured), then asked as typed. */
    askingByVoice: createAskByVoice({
      asking,
      ...(ai.transcriber ? { transcriber: ai.transcriber } : {}),
      community,
      limitPerMinute: config.rateLimitPerMinute,
    }),
    /** Where the ask use case queues answers (for a use case composed around another answering service). */
    answerOutbox,
    /** Rung when this process queued outbound messages: its senders look at once (src/bot/senders.ts). */
    outboxQueued,
    /** Queues messages to members and chats (sent by the outbox, src/bot/outbox-sender.ts). */
    notifier,
    /** What queuePublicationWork (community/publication.ts) queues after a publication here: translations with a model, embeddings. */
    publicationWork,
    /**
     * Handlers of the model's jobs: those that follow a publication (machine translations,
     * embeddings) and the structuring of community answers before their review cards; none
     * without a model, so they wait for a process with one.
     */
    translationJobs: () => ({
      ...(publicationWork.translate || publicationWork.embed ? translationJobs({ db, ai, prompts: loadPrompts(), logger }) : {}),
      ...(ai.mode === 'openai' ? structuringJobs({ db, ai, prompts: loadPrompts(), logger, announce: (tx, id) => community.curation.announce(tx, id) }) : {}),
    }),
    /**
     * Embeds published texts that have no vector yet (when a provider and pgvector exist);
     * returns how many. Failures are logged, not thrown: search still works lexically.
     */
    async embedNewTexts(): Promise<number> {
      if (!db.hasVector || !ai.embedder) return 0;
      try {
        return await embedMissingTexts(db, ai.embedder, logger);
      } catch (error) {
        logger.warn({ err: error }, 'embedding new experience texts failed; search stays lexical for them until the next try');
        return 0;
      }
    },
    /** Loads the search index now, so the first question does not wait for it (no-op for `database`). */
    async loadSearchIndex(): Promise<void> {
      if (!memoryIndex) return;
      const started = performance.now();
      const texts = await memoryIndex.load();
      logger.info({ texts, ms: Math.round(performance.now() - started) }, 'published texts loaded into the search index');
    },
    assetsDir: ASSETS,
    async close() {
      if (!options.db) await db.close();
    },
  };
}

/**
 * A member's answer to a community question (or the question, for the chats it is posted in) in
 * the other languages, translated for reading (not the search's rewriting); {} (shown as written)
 * when the model fails.
 */
function answerTranslator(deps: Parameters<typeof translateMessage>[0], logger: Logger): TranslateAnswer {
  return async (text, language) => {
    try {
      return await translateMessage(deps, text, language);
    } catch (err) {
      logger.warn({ err }, 'a community answer could not be translated: the asker gets it as written');
      return {};
    }
  };
}
