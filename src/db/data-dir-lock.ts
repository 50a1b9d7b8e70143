import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DbUnavailableError } from './db.ts';
import { isProcessAlive } from './process-liveness.ts';

/** The file in DATA_DIR that says which process has the embedded database open. */
export const LOCK_FILE = 'database.lock';

/** What the lock file holds. */
export interface DataDirHolder {
  pid: number;
  /** The command line of the holder, to tell the user what runs. */
  command: string;
  /** ISO time the holder took the lock. */
  since: string;
  /** Set once the holder serves the database to other processes (see pglite-serve.ts): the folder of its socket. */
  socketDir?: string;
}

export interface DataDirLock {
  readonly holder: DataDirHolder;
  /** Records that the database is now served on a socket in `socketDir`. */
  serving(socketDir: string): void;
  release(): void;
}

/** DATA_DIR is held by another live process; `message` is one line saying who and what to do. */
export class DataDirInUseError extends DbUnavailableError {
  constructor(
    message: string,
    readonly holder: DataDirHolder,
  ) {
    super(message);
    this.name = 'DataDirInUseError';
  }
}

/**
 * Takes DATA_DIR for this process, or says who has it. PGlite is one process's database: a
 * second process opening the same files loses what either writes, and can leave the folder
 * unusable. The file is created exclusively (a hard link, which fails when the file exists);
 * one left by a process that has died is taken over (`onTakeOver` is told). Released by
 * `release()`, and when the process exits.
 */
export function lockDataDir(dir: string, onTakeOver: (stale: DataDirHolder | undefined) => void): { lock: DataDirLock } | { heldBy: DataDirHolder } {
  const file = join(dir, LOCK_FILE);
  const holder: DataDirHolder = { pid: process.pid, command: commandLine(), since: new Date().toISOString() };
  // Written whole beside it, then linked into place: link fails if the file exists (as O_EXCL
  // would), and a reader never sees a half-written holder. A takeover removes the dead holder's
  // file, then competes for the link like anyone else.
  const partial = `${file}.${process.pid}.new`;
  writeFileSync(partial, JSON.stringify(holder));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkOrCreate(partial, file, holder);
        return { lock: heldLock(file, holder) };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const seen = readText(file);
      if (seen === undefined) continue;
      const current = parseHolder(seen);
      if (current && isProcessAlive(current.pid)) return { heldBy: current };
      // Another process may have taken it over since: remove only the file we judged.
      if (readText(file) !== seen) continue;
      onTakeOver(current);
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(partial, { force: true });
  }
  const current = readHolder(file);
  if (current) return { heldBy: current };
  throw new DbUnavailableError(
    `Cannot take the lock ${file}: other processes keep replacing it. Stop the other sme-bridge processes on DATA_DIR ${dir} and try again.`,
  );
}

/** A file system without hard links gets the file created with O_EXCL and written after. */
function linkOrCreate(partial: string, file: string, holder: DataDirHolder): void {
  try {
    linkSync(partial, file);
  } catch (e) {
    if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
    writeFileSync(file, JSON.stringify(holder), { flag: 'wx' });
  }
}

function heldLock(file: string, holder: DataDirHolder): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Only our own file: never one a later holder wrote.
    const now = readHolder(file);
    if (now?.pid === holder.pid && now.since === holder.since) rmSync(file, { force: true });
  };
  process.on('exit', release);
  return {
    holder,
    serving(socketDir) {
      holder.socketDir = socketDir;
      // Written beside and renamed, so a reader never sees half a file.
      const partial = `${file}.${process.pid}`;
      writeFileSync(partial, JSON.stringify(holder));
      renameSync(partial, file);
    },
    release,
  };
}

/** The holder a lock file names; undefined when it is unreadable (a holder that died while writing it). */
export function readHolder(file: string): DataDirHolder | undefined {
  const text = readText(file);
  return text === undefined ? undefined : parseHolder(text);
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function parseHolder(text: string): DataDirHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<DataDirHolder>;
    return typeof value.pid === 'number' && Number.isInteger(value.pid) && value.pid > 0 ? { command: '?', since: '?', ...value, pid: value.pid } : undefined;
  } catch {
    return undefined;
  }
}

function commandLine(): string {
  const [, script, ...args] = process.argv;
  return [script ? basename(script) : 'node', ...args].join(' ');
}

/** "pid 1234 (cli.ts import staff.jsonl), since 2026-12-06 13:20:01 UTC" */
export function describeHolder(holder: DataDirHolder): string {
  const since = holder.since.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
  return `pid ${holder.pid} (${holder.command}), since ${since}`;
}
