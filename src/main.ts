import { Command, CommanderError } from 'commander';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { UserError, type CliContext } from './cli/context.ts';
import { DbUnavailableError } from './db/db.ts';
import { SchemaTooNewError } from './db/migrate.ts';
import { PortInUseError } from './web/server.ts';
import { register as registerAsk } from './cli/ask.ts';
import { register as registerAudit } from './cli/audit.ts';
import { register as registerEval } from './cli/eval.ts';
import { register as registerExport } from './cli/export.ts';
import { register as registerGlossary } from './cli/glossary.ts';
import { register as registerImport } from './cli/import.ts';
import { register as registerMigrate } from './cli/migrate.ts';
import { register as registerStart } from './cli/start.ts';
import { register as registerWorker } from './cli/worker.ts';

const PROBLEMS_THE_USER_FIXES = [ConfigError, DbUnavailableError, SchemaTooNewError, UserError, PortInUseError];

/** Runs the command line; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], io: { out?: (line: string) => void; err?: (line: string) => void } = {}): Promise<number> {
  const out = io.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = io.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  const ctx: CliContext = {
    loadConfig: () => loadConfig(),
    openApp: (config, options) => createApp(config, options),
    out,
    err,
  };

  const program = new Command('sme-bridge')
    .description("SME Bridge: answers SME owners' business questions from a curated trilingual knowledge base of member experiences.")
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => out(s.trimEnd()), writeErr: (s) => err(s.trimEnd()) });
  for (const register of [
    registerStart,
    registerMigrate,
    registerImport,
    registerExport,
    registerAsk,
    registerEval,
    registerGlossary,
    registerWorker,
    registerAudit,
  ]) {
    register(program, ctx);
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 1 ? 2 : error.exitCode;
    if (PROBLEMS_THE_USER_FIXES.some((kind) => error instanceof kind)) {
      err((error as Error).message);
      return error instanceof UserError ? error.exitCode : error instanceof ConfigError ? 2 : 1;
    }
    err(`Unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}
