import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { register } from '../../src/cli/eval.ts';
import type { CliContext } from '../../src/cli/context.ts';
import { loadConfig } from '../../src/config.ts';
import { cliContext } from '../../src/main.ts';
import { startFakeOpenAi, isAnyTranslation } from '../helpers/fake-openai.ts';

/** An evaluation folder over the demo base: one question of each tier as the search alone sees it. */
function evalFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sme-eval-tier-'));
  copyFileSync('assets/demo-kb.jsonl', join(dir, 'experiences.jsonl'));
  const questions = [
    { id: 'answered', language: 'en', text: 'How do I pay a Chinese supplier?', relevant: ['demo-031'], kind: 'cross_translated' },
    { id: 'related', language: 'en', text: 'who insures goods on the train from China to Iran', relevant: [], kind: 'none' },
    { id: 'nothing', language: 'en', text: 'What is the capital of France?', relevant: [], kind: 'none' },
    { id: 'live', language: 'fa', text: 'هوای تهران فردا چطوره؟', relevant: [], kind: 'none' },
  ];
  writeFileSync(join(dir, 'questions.jsonl'), questions.map((q) => JSON.stringify(q)).join('\n'));
  return dir;
}

/** Runs `sme-bridge eval …args` with `env`; its output lines. */
async function runEvalCommand(args: string[], env: Record<string, string> = {}): Promise<string[]> {
  const out: string[] = [];
  const ctx: CliContext = {
    ...cliContext(),
    loadConfig: () => loadConfig({ LOG_LEVEL: 'silent', ...env }),
    openApp: () => Promise.reject(new Error('eval opens no application')),
    out: (line) => out.push(line),
    err: () => {},
  };
  const program = new Command('sme-bridge').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  register(program, ctx);
  await program.parseAsync(['eval', ...args], { from: 'user' });
  return out;
}

const tiers = (out: string[]) =>
  out
    .map((l) => JSON.parse(l) as { id?: string; tier?: string; abstained?: boolean; reason?: string })
    .filter((l) => l.id)
    .map((l) => [l.id, l.tier, l.abstained, ...(l.reason ? [l.reason] : [])]);

describe('sme-bridge eval --json', () => {
  it('prints each question with its tier (answered | related | nothing) besides abstained', async () => {
    const out = await runEvalCommand([evalFolder(), '--json']);
    expect(tiers(out)).toEqual([
      ['answered', 'answered', false],
      ['related', 'related', true],
      ['nothing', 'nothing', true],
      // Tomorrow's weather shares Tehran and "air" with a trader's filter story; the reason says why nothing is given.
      ['live', 'nothing', true, 'live-information'],
    ]);
    expect((JSON.parse(out.at(-1)!) as { summary?: unknown }).summary).toBeDefined();
  });

  it("with --model, prints the tier after the model's verdict", async () => {
    const llm = await startFakeOpenAi();
    // The search's sure answer is judged not to answer; its unsure candidates are answered from.
    llm.onChat((r) => {
      if (isAnyTranslation(r)) return { content: '{}' };
      if (r.messages[1]!.content.includes('How do I pay a Chinese supplier?')) return { content: 'NO_ANSWER' };
      const titles = JSON.parse(/<titles>\n([\s\S]*?)\n<\/titles>/.exec(r.messages[1]!.content)![1]!) as string[];
      return { content: `As «${titles[0]}» tells, they insured it.` };
    });
    try {
      const out = await runEvalCommand([evalFolder(), '--json', '--model'], { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: llm.baseURL });
      expect(tiers(out)).toEqual([
        ['answered', 'related', true],
        ['related', 'answered', false],
        ['nothing', 'nothing', true],
        // A live-information question is not put to the model (it would answer it from the filter story).
        ['live', 'nothing', true, 'live-information'],
      ]);
    } finally {
      await llm.close();
    }
  });

  it('refuses --model without a chat model configured, saying what to set', async () => {
    await expect(runEvalCommand([evalFolder(), '--model'])).rejects.toThrow(/OPENAI_API_KEY/);
  });
});
