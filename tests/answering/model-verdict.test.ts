import { describe, expect, it } from 'vitest';
import { createAiProvider } from '../../src/ai/provider.ts';
import { createAnsweringService } from '../../src/answering/answering-service.ts';
import type { Retriever } from '../../src/knowledge/search/retrieval.ts';
import { createTranslator } from '../../src/i18n.ts';
import { memoryLogger, openAiConfig } from '../ai/support.ts';
import { type FakeReply, isQuestionTranslation } from '../helpers/fake-openai.ts';
import { fakeOpenAiPerFile } from '../helpers/fake-openai-per-file.ts';
import { anExperience, experiencesOf, recordingRetriever } from './support.ts';

// The model judges whether the experiences the search found answer what is asked (prompts/answer.md):
// word overlap cannot tell an air-filter story in Tehran from tomorrow's weather there.

const translator = createTranslator();
const filters = anExperience('en', {
  en: { title: 'Air filters for a Tehran workshop', problem: 'Dust in Tehran air ruined the paint.', solution: 'We bought filters from Guangzhou.' },
});
const rail = anExperience('en', {
  en: { title: 'Insuring rail freight to Iran', problem: 'Goods on the train had no cover.', solution: 'We insured them with a Chinese insurer.' },
});
const pumps = anExperience('en', { en: { title: 'Pumps for Tehran', problem: 'Old pumps.', solution: 'We imported pumps.' } });
const RELATED = translator.t('en', 'answer-related-found');

const fake = fakeOpenAiPerFile();

function service(retriever: Retriever, answerReply: FakeReply, budgetMs?: number) {
  fake.onChat((r) => (isQuestionTranslation(r) ? { content: '{}' } : answerReply));
  const log = memoryLogger();
  const ai = createAiProvider(openAiConfig(fake.baseURL, { timeoutMs: 2_000 }), log.logger);
  const answering = createAnsweringService({
    retriever,
    experiences: experiencesOf([filters, rail, pumps]),
    ai,
    translator,
    logger: log.logger,
    ...(budgetMs ? { budgetMs } : {}),
  });
  return { answering, log };
}

/** The search is sure: the filters story answers (it does not). */
const sure = () =>
  recordingRetriever(() => [
    [filters, 0.9],
    [pumps, 0.85],
  ]);
/** The search is not sure: the rail story might be related. */
const unsure = () =>
  recordingRetriever(
    () => [
      [rail, 0.5],
      [filters, 0.3],
      [pumps, 0.2],
    ],
    'related',
  );

describe('a question the search answers', () => {
  it.each([
    ['alone', { content: 'NO_ANSWER' }],
    ['with an explanation after it', { content: 'NO_ANSWER\nThe experiences are about air filters, not the weather.' }],
    ['dressed in Markdown', { content: '**NO_ANSWER**' }],
  ] as [string, FakeReply][])('is offered as possibly related when the model says NO_ANSWER %s; the marker is nowhere', async (_how, reply) => {
    const { answering } = service(sure(), reply);
    const answer = await answering.answer({ text: 'What is the weather in Tehran tomorrow?', language: 'en' });
    expect(answer).toMatchObject({ tier: 'related', abstained: true, mode: 'llm', text: RELATED });
    expect(answer.cited.map((c) => c.title)).toEqual(['Air filters for a Tehran workshop', 'Pumps for Tehran']);
    expect(JSON.stringify(answer)).not.toMatch(/no_answer/i);
  });

  it('shows no draft of a streamed NO_ANSWER, not even its first letters, nor what follows it', async () => {
    const drafts: string[] = [];
    const { answering } = service(sure(), { chunks: ['NO', '_ANS', 'WER', '\n', 'These are about filters. ', 'Not weather.'], everyMs: 5 });
    const answer = await answering.answer({ text: 'What is the weather in Tehran tomorrow?', language: 'en', onDraft: (d) => drafts.push(d) });
    expect(answer.tier).toBe('related');
    expect(drafts).toEqual([]);
  });

  it('stops the draft where a streamed reply turns into NO_ANSWER, and offers the experiences as related', async () => {
    const drafts: string[] = [];
    const { answering } = service(sure(), { chunks: ['Dust matters. ', 'NO_', 'ANSWER. ', 'Sorry.'], everyMs: 5 });
    const answer = await answering.answer({ text: 'What is the weather in Tehran tomorrow?', language: 'en', onDraft: (d) => drafts.push(d) });
    expect(answer.tier).toBe('related');
    expect(drafts).toEqual(['Dust matters.']);
  });

  it('is answered by the model when it answers, as before', async () => {
    const { answering } = service(sure(), { content: 'Per «Air filters for a Tehran workshop», buy filters from Guangzhou.' });
    const answer = await answering.answer({ text: 'Where to buy air filters for a Tehran workshop?', language: 'en' });
    expect(answer).toMatchObject({
      tier: 'answered',
      abstained: false,
      mode: 'llm',
      text: 'Per «Air filters for a Tehran workshop», buy filters from Guangzhou.',
    });
  });
});

describe('a question the search is not sure of (the related tier)', () => {
  it('is answered when the model answers citing a candidate, with only the cited one as its source', async () => {
    const { answering } = service(unsure(), { content: 'As «Insuring rail freight to Iran» tells, a Chinese insurer covered the goods on the train.' });
    const answer = await answering.answer({ text: 'who insures goods on the train?', language: 'en' });
    expect(answer).toMatchObject({ tier: 'answered', abstained: false, mode: 'llm' });
    expect(answer.text).toContain('a Chinese insurer covered the goods');
    expect(answer.cited.map((c) => c.title)).toEqual(['Insuring rail freight to Iran']);
    // The model was given the candidates.
    const prompt = fake.chatRequests().find((r) => !isQuestionTranslation(r))!.messages[1]!.content;
    for (const title of ['Insuring rail freight to Iran', 'Air filters for a Tehran workshop', 'Pumps for Tehran']) expect(prompt).toContain(title);
  });

  it('is answered when the model cites a candidate by its id', async () => {
    const { answering } = service(unsure(), { content: `A Chinese insurer covered the goods (${rail.externalId}).` });
    const answer = await answering.answer({ text: 'who insures goods on the train?', language: 'en' });
    expect(answer.tier).toBe('answered');
    expect(answer.cited.map((c) => c.experience.id)).toEqual([rail.id]);
  });

  it.each([
    ['says NO_ANSWER', { content: 'NO_ANSWER' }, 'llm'],
    ['answers citing none of them', { content: 'Use a good insurer.' }, 'llm'],
    ['cites only a story it was not given', { content: 'See «Rail insurance handbook».' }, 'llm'],
    ['fails', { status: 500 }, 'offline'],
  ] as [string, FakeReply, string][])('lists the candidates as possibly related when the model %s', async (_how, reply, mode) => {
    const { answering } = service(unsure(), reply);
    const answer = await answering.answer({ text: 'who insures goods on the train?', language: 'en' });
    expect(answer).toMatchObject({ tier: 'related', abstained: true, mode, text: RELATED });
    expect(answer.cited.map((c) => c.title)).toEqual(['Insuring rail freight to Iran', 'Air filters for a Tehran workshop', 'Pumps for Tehran']);
  });

  it("lists the candidates when the model is still writing at the end of the question's budget, logged", async () => {
    const { answering, log } = service(unsure(), { delayMs: 3_000, then: { content: 'As «Insuring rail freight to Iran» tells, insure it.' } }, 1_000);
    const answer = await answering.answer({ text: 'who insures goods on the train?', language: 'en' });
    expect(answer).toMatchObject({ tier: 'related', mode: 'offline' });
    // (The translation may have timed out too, on a slow machine.)
    expect(log.warnings().at(-1)).toMatchObject({ kind: 'timeout', msg: expect.stringContaining('related experiences') });
  });
});

describe('without a model', () => {
  it('gives the related list as the search found it, asking nothing', async () => {
    const log = memoryLogger();
    const ai = createAiProvider({ mode: 'offline' }, log.logger);
    const answering = createAnsweringService({ retriever: unsure(), experiences: experiencesOf([filters, rail, pumps]), ai, translator, logger: log.logger });
    const answer = await answering.answer({ text: 'who insures goods on the train?', language: 'en' });
    expect(answer).toMatchObject({ tier: 'related', mode: 'offline' });
    expect(fake.requests).toEqual([]);
  });
});
