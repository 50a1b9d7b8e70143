import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { register } from '../../src/cli/eval.ts';
import type { CliContext } from '../../src/cli/context.ts';
import { loadConfig } from '../../src/config.ts';
import { cliContext } from '../../src/main.ts';

describe('sme-bridge eval --json', () => {
  it('prints each question with its tier (answered | related | nothing) besides abstained', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sme-eval-tier-'));
    copyFileSync('assets/demo-kb.jsonl', join(dir, 'experiences.jsonl'));
    const questions = [
      { id: 'answered', language: 'en', text: 'How do I pay a Chinese supplier?', relevant: ['demo-031'], kind: 'cross_translated' },
      { id: 'related', language: 'en', text: 'who insures goods on the train from China to Iran', relevant: [], kind: 'none' },
      { id: 'nothing', language: 'en', text: 'What is the capital of France?', relevant: [], kind: 'none' },
    ];
    writeFileSync(join(dir, 'questions.jsonl'), questions.map((q) => JSON.stringify(q)).join('\n'));
    const out: string[] = [];
    const ctx: CliContext = {
      ...cliContext(),
      loadConfig: () => loadConfig({ LOG_LEVEL: 'silent' }),
      openApp: () => Promise.reject(new Error('eval opens no application')),
      out: (line) => out.push(line),
      err: () => {},
    };
    const program = new Command('sme-bridge').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
    register(program, ctx);
    await program.parseAsync(['eval', dir, '--json'], { from: 'user' });

    const lines = out.map((l) => JSON.parse(l) as { id?: string; tier?: string; abstained?: boolean; summary?: unknown });
    expect(lines.filter((l) => l.id).map((l) => [l.id, l.tier, l.abstained])).toEqual([
      ['answered', 'answered', false],
      ['related', 'related', true],
      ['nothing', 'nothing', true],
    ]);
    expect(lines.at(-1)!.summary).toBeDefined();
  });
});
