import type { Readable, Writable } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { createApp, createAppLogger } from './app.ts';
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
import { stopSignal } from './cli/stop-signal.ts';

const PROBLEMS_THE_USER_FIXES = [ConfigError, DbUnavailableError, SchemaTooNewError, UserError, PortInUseError];

/** What the command line reads and writes; each part is the process's own unless given. */
export interface CliIo {
  /** A line of command output (stdout). */
  out(line: string): void;
  /** A line for the person at the terminal: a problem and what to fix (stderr). */
  err(line: string): void;
  /** Where the JSON log lines go (stderr). */
  logs: NodeJS.WritableStream;
  /** The settings (the process environment over a `.env` file in the working directory). */
  env: Record<string, string | undefined>;
  /** The console chat's terminal. */
  stdin: Readable;
  stdout: Writable;
  /** Resolves when the program is asked to stop (the first SIGINT or SIGTERM). */
  stopRequested(): Promise<string>;
}

/** Runs the command line and returns its exit code instead of exiting, so a caller in the same process (a test) can run it too. */
export async function main(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  return runCommands(argv, cliContext(io));
}

/** The commands' context over `io`, the process's own where it gives nothing. */
export function cliContext(io: Partial<CliIo> = {}): CliContext {
  return {
    loadConfig: () => loadConfig(io.env),
    openApp: (config, options) => createApp(config, { ...(io.logs ? { logger: createAppLogger(config, io.logs) } : {}), ...options }),
    out: io.out ?? ((line: string) => process.stdout.write(`${line}\n`)),
    err: io.err ?? ((line: string) => process.stderr.write(`${line}\n`)),
    stdin: io.stdin ?? process.stdin,
    stdout: io.stdout ?? process.stdout,
    stopRequested: io.stopRequested ?? stopSignal,
  };
}

/** Parses `argv` and runs its command in `ctx`; prints what the user must fix and returns the exit code (0 done, 1 failure, 2 bad input or settings). */
export async function runCommands(argv: string[], ctx: CliContext): Promise<number> {
  const program = new Command('sme-bridge')
    .description("SME Bridge: answers SME owners' business questions from a curated trilingual knowledge base of member experiences.")
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.out(s.trimEnd()), writeErr: (s) => ctx.err(s.trimEnd()) });
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
      ctx.err((error as Error).message);
      return error instanceof UserError ? error.exitCode : error instanceof ConfigError ? 2 : 1;
    }
    ctx.err(`Unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}
