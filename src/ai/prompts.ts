import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PromptTemplate } from '@langchain/core/prompts';
import type { ChatPrompt } from './provider.ts';

/** The project's prompts folder, found from this file so the working directory does not matter. */
export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts', import.meta.url));

/**
 * Member-written text as a JSON value for a prompt: `<` and `>` escaped (still valid JSON, the
 * same text to the model), so nothing a member wrote can close the tag it is delimited by.
 */
export const promptJson = (value: unknown): string => JSON.stringify(value, null, 2).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');

export interface PromptLibrary {
  /** Fills prompts/<name>.md; `{name}` placeholders, `{{`/`}}` for literal braces. */
  render(name: string, values: Record<string, string>): Promise<ChatPrompt>;
}

/** A prompt file's two sections, as written. */
interface ChatTemplate {
  system: string;
  user: string;
}

/**
 * Reads every prompts/*.md once. A file holds a `## system` and a `## user` section; text
 * before the first section is a note for people editing the prompt and is never sent.
 */
export function loadPrompts(dir: string = DEFAULT_PROMPTS_DIR): PromptLibrary {
  const templates = new Map<string, ChatTemplate>();
  for (const file of readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort()) {
    const path = join(dir, file);
    templates.set(basename(file, '.md'), parsePromptFile(readFileSync(path, 'utf8'), path));
  }
  const compiled = new Map<string, Promise<{ system: PromptTemplate; user: PromptTemplate }>>();
  // @langchain/core is loaded at the first prompt, not at start: offline, nothing asks for one (~30 MB with openai).
  const compile = (name: string, template: ChatTemplate) => {
    let ready = compiled.get(name);
    if (!ready) {
      ready = import('@langchain/core/prompts').then(({ PromptTemplate }) => ({
        system: PromptTemplate.fromTemplate(template.system),
        user: PromptTemplate.fromTemplate(template.user),
      }));
      compiled.set(name, ready);
    }
    return ready;
  };
  return {
    async render(name, values) {
      const template = templates.get(name);
      if (!template) throw new Error(`No prompt named "${name}" in ${dir}`);
      const ready = await compile(name, template);
      const [system, user] = await Promise.all([ready.system.format(values), ready.user.format(values)]);
      return { system: system.trim(), user: user.trim() };
    },
  };
}

export function parsePromptFile(text: string, path: string): ChatTemplate {
  const sections = new Map<string, string>();
  let current: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (current) sections.set(current, lines.join('\n'));
  };
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    const heading = /^## (system|user)\s*$/.exec(line);
    if (heading) {
      flush();
      current = heading[1];
      lines = [];
    } else {
      lines.push(line);
    }
  }
  flush();
  const system = sections.get('system');
  const user = sections.get('user');
  if (system === undefined || user === undefined) {
    throw new Error(`${path}: a prompt needs a "## system" and a "## user" section`);
  }
  return { system, user };
}
