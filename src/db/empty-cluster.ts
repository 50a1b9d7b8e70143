import { execFile } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { brotliDecompress, constants, createBrotliCompress } from 'node:zlib';
import * as tar from 'tar';

/**
 * A new embedded database starts from an empty cluster made once with PGlite's initdb and kept in
 * assets/, not from initdb at the first start. PGlite's initdb runs a second PGlite beside the
 * first and restores a copy of its heap for each step: a first `npm start` peaked at ~800 MB
 * against ~270 MB on an existing data folder (`npm run bench -- memory`). The archive is made by
 * the installed PGlite's version and only that version uses it (its name says which): another
 * version falls back to initdb. Regenerate with `npm run db:empty-cluster`.
 */
const ASSETS = fileURLToPath(new URL('../../assets/', import.meta.url));
const UNPACK = fileURLToPath(new URL('./unpack-cluster.mjs', import.meta.url));
const execFileAsync = promisify(execFile);
const brotliDecompressAsync = promisify(brotliDecompress);

/** The installed PGlite's version, read from its package.json. */
export function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve('@electric-sql/pglite');
  let dir = dirname(main);
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Where the empty cluster of this PGlite version is kept (brotli-compressed tar). */
export function emptyClusterArchive(version = pgliteVersion(), assetsDir = ASSETS): string {
  return join(assetsDir, `pglite-${version}-empty-cluster.tar.br`);
}

/**
 * Makes `pgdata`, when it holds no cluster yet, the kept empty cluster; false when it has one
 * already or there is none kept for the installed PGlite (then PGlite's initdb makes one).
 * Unpacked beside it and renamed into place, so a process that dies halfway leaves no half
 * cluster for the next start to resume. Unpacked by a short-lived process (unpack-cluster.mjs), which gives its memory back.
 */
export async function restoreEmptyClusterIfNew(pgdata: string, archive = emptyClusterArchive()): Promise<boolean> {
  if (existsSync(join(pgdata, 'PG_VERSION')) || !existsSync(archive)) return false;
  const partial = `${pgdata}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  await execFileAsync(process.execPath, [UNPACK, archive, partial]);
  rmSync(pgdata, { recursive: true, force: true });
  renameSync(partial, pgdata);
  return true;
}

/**
 * The kept empty cluster as a tar for PGlite's `loadDataDir`, so an in-memory database (`eval`'s)
 * skips initdb as a new DATA_DIR does; undefined when none is kept for the installed PGlite (then
 * PGlite's initdb makes one). Unpacked in this process: the in-memory database lives here anyway.
 */
export async function emptyClusterTar(archive = emptyClusterArchive()): Promise<Blob | undefined> {
  if (!existsSync(archive)) return undefined;
  return new Blob([await brotliDecompressAsync(await readFile(archive))], { type: 'application/x-tar' });
}

/** Writes the archive of `pgdata`, an empty cluster just made by initdb and closed. */
export async function writeEmptyClusterArchive(pgdata: string, archive = emptyClusterArchive()): Promise<void> {
  // Brotli at its best: 1.3 MB against gzip's 4.5 MB (the WAL segment initdb wrote is mostly zeros).
  const brotli = createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 } });
  await pipeline(tar.c({ cwd: pgdata, portable: true }, ['.']), brotli, createWriteStream(archive));
}
