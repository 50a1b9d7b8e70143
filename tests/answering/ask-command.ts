import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { createApp } from '../../src/app.ts';
import { register } from '../../src/cli/ask.ts';
import type { CliContext } from '../../src/cli/context.ts';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/db.ts';
import { parseKbFile } from '../../src/knowledge/experiences/kb-format.ts';
import { ExperienceRepository } from '../../src/knowledge/experiences/repository.ts';
import { cliContext } from '../../src/main.ts';
import { memoryLogger } from '../ai/support.ts';
import { openTestPglite } from '../helpers/db.ts';

/**
 * `sme-bridge ask ARGS` in this process against the real app over `db` (offline, settings
 * otherwise default): the lines it printed, and the error it ended with, if any.
 */
export async function runAsk(db: Db, args: string[]): Promise<{ out: string[]; error?: unknown }> {
  const out: string[] = [];
  const ctx: CliContext = {
    ...cliContext(),
    loadConfig: () => loadConfig({ LOG_LEVEL: 'silent' }),
    openApp: (config) => createApp(config, { db, logger: memoryLogger().logger }),
    out: (line) => out.push(line),
    err: () => {},
  };
  const program = new Command('sme-bridge').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  register(program, ctx);
  try {
    await program.parseAsync(['ask', ...args], { from: 'user' });
    return { out };
  } catch (error) {
    return { out, error };
  }
}

/** A PGlite database holding the demo base (assets/demo-kb.jsonl), every record published. */
export async function openDemoBase(): Promise<Db> {
  const db = await openTestPglite();
  await new ExperienceRepository(db).upsertRecords(parseKbFile(readFileSync('assets/demo-kb.jsonl', 'utf8')).records, { status: 'published' });
  return db;
}
