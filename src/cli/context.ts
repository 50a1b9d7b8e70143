import type { Readable, Writable } from 'node:stream';
import type { App } from '../app.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';

/** What every command gets: config loading, the application, where to print results, its terminal and when to stop. */
export interface CliContext {
  loadConfig(): Config;
  openApp(config: Config, options?: { migrate?: boolean; logger?: Logger; ownDatabase?: boolean; stopping?: AbortSignal }): Promise<App>;
  /** Command output (stdout); logs go to stderr. */
  out(line: string): void;
  /** Problems for the user (stderr). */
  err(line: string): void;
  /** The terminal of the console chat. */
  stdin: Readable;
  stdout: Writable;
  /** Resolves, with its name, when the program is asked to stop (SIGINT or SIGTERM for a process). */
  stopRequested(): Promise<string>;
}

/** A failure the user can fix; main prints `message` without a stack and exits with `exitCode`. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
