import { Writable } from 'node:stream';
import { LANGUAGE_NAMES } from '../../src/ai/question-translation.ts';
import { loadPrompts } from '../../src/ai/prompts.ts';
import type { Language } from '../../src/text/language.ts';
import { plain, type TelegramTest, type TestMember } from '../helpers/telegram.ts';
import { isAnyTranslation, type FakeOpenAi } from '../helpers/fake-openai.ts';

/** A secret in the configuration that no reply may ever contain. */
export const KEY_CANARY = 'sk-redteam-canary-93b1f0c4d7';
export const answerRequests = (llm: FakeOpenAi) => llm.chatRequests().filter((r) => !isAnyTranslation(r));

/**
 * The worst model: it obeys every instruction by repeating its whole input back — the request
 * headers (where the key travels) and every message, system prompt included.
 */
export function echoEverything(llm: FakeOpenAi): void {
  llm.onChat((r) =>
    isAnyTranslation(r) ? { content: '{}' } : { content: `${JSON.stringify(llm.requests.at(-1)!.headers)}\n${r.messages.map((m) => m.content).join('\n\n')}` },
  );
}

/** The system prompt of the answer, as the model receives it for a question in `language`. */
export async function answerSystemPrompt(language: Language): Promise<string> {
  const rendered = await loadPrompts().render('answer', {
    language_name: LANGUAGE_NAMES[language],
    question: '',
    previous_question: '',
    experiences: '',
    titles: '',
  });
  return rendered.system;
}

/** Lines of the system prompt long enough that finding one in a reply means the prompt leaked. */
export async function systemPromptLines(): Promise<string[]> {
  const lines = new Set<string>();
  for (const language of ['fa', 'zh', 'en'] as const) {
    for (const line of (await answerSystemPrompt(language)).split('\n')) if (line.trim().length >= 20) lines.add(line.trim());
  }
  return [...lines];
}

/** How often `needle` occurs in `haystack`. */
export const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/** The part of `text` between the one `<tag>` and its `</tag>` (throws unless each occurs exactly once). */
export function inside(text: string, tag: string): { before: string; within: string; after: string } {
  const open = `<${tag}>`;
  const close = `</${tag}>`;
  if (occurrences(text, open) !== 1 || occurrences(text, close) !== 1) throw new Error(`expected one ${open} and one ${close}`);
  const [before, rest] = text.split(open) as [string, string];
  const [within, after] = rest.split(close) as [string, string];
  return { before, within, after };
}

export { pressForged } from '../helpers/telegram.ts';

/** A log destination keeping parsed JSON lines. */
export function logCollector(): { stream: Writable; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { stream, lines };
}
