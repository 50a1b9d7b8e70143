import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from './fake-openai.ts';

/**
 * One fake model server for the calling test file: started before its first test, closed after
 * its last, its recorded requests forgotten before each test (so a test reads only its own). Call
 * at the top of the file. (Separate from fake-openai.ts, which the benchmarks use outside vitest.)
 */
export function fakeOpenAiPerFile(): FakeOpenAi {
  let server: FakeOpenAi | undefined;
  const started = (): FakeOpenAi => {
    if (!server) throw new Error('the fake model server starts before the first test: use it inside a test or a hook');
    return server;
  };
  beforeAll(async () => {
    server = await startFakeOpenAi();
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    started().requests.length = 0;
  });
  return {
    get baseURL() {
      return started().baseURL;
    },
    get requests() {
      return started().requests;
    },
    chatRequests: () => started().chatRequests(),
    embeddingRequests: () => started().embeddingRequests(),
    transcriptionRequests: () => started().transcriptionRequests(),
    onChat: (handler) => started().onChat(handler),
    onEmbeddings: (handler) => started().onEmbeddings(handler),
    onTranscription: (handler) => started().onTranscription(handler),
    close: () => started().close(),
  };
}
