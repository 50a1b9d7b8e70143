import { mkdirSync, accessSync, constants } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite, type QueryOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { vector } from '@electric-sql/pglite-pgvector';
import { DbUnavailableError, type Db, type Queryable } from './db.ts';

/**
 * Opens (creating if needed) an embedded PGlite database. `dataDir` undefined → in memory.
 * `loadDataDir` starts from a dump made with `dumpDataDir()`, which is much faster than
 * creating a fresh cluster.
 */
export async function openPglite(dataDir: string | undefined, options: { loadDataDir?: Blob | File } = {}): Promise<Db & { pglite: PGlite }> {
  const dir = dataDir === undefined ? undefined : writableDataDir(dataDir);
  const pglite = await PGlite.create({
    ...(dir ? { dataDir: clusterDir(dir) } : {}),
    extensions: { vector, pg_trgm },
    // Otherwise each new 16 MB WAL segment is first written full of zeros, 8 kB at a time, and in
    // memory every write regrows the file: ~60 ms of importing 1,000 experiences. The zeros are
    // there to have the file system allocate the space before WAL needs it, which an in-memory
    // file system does anyway and a data directory written without fsync (PGlite's -F) does not
    // rely on.
    // shared_buffers: PostgreSQL's 128 MB, which initdb writes into postgresql.conf, was touched
    // as PGlite started: ~120 MB of the bot's resident memory on the demo base. Pages beyond 16 MB
    // come from the operating system's file cache (or, in memory, from the in-memory files).
    startParams: [...PGlite.defaultStartParams, '-c', 'wal_init_zero=off', '-c', 'shared_buffers=16MB', '-c', 'maintenance_work_mem=8MB'],
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  return new PgliteDb(pglite);
}

/** Where in DATA_DIR PGlite keeps its cluster. */
export function clusterDir(dataDir: string): string {
  return resolve(dataDir, 'pglite');
}

/** DATA_DIR as an absolute path, created if needed; fails with what to fix when this user cannot write it. */
export function writableDataDir(dataDir: string): string {
  const dir = resolve(dataDir);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (cause) {
    throw new DbUnavailableError(
      `DATA_DIR ${dir} is not writable: ${(cause as Error).message}. Point DATA_DIR at a folder this user can write, or set DATABASE_URL.`,
      { cause },
    );
  }
  return dir;
}

class PgliteDb implements Db {
  readonly kind = 'pglite' as const;
  hasVector = false;
  private readonly options: QueryOptions;
  constructor(readonly pglite: PGlite) {
    this.options = binaryArrayOptions(pglite.serializers);
  }

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const result = await this.pglite.query<T>(sql, params as unknown[], this.options);
    return result.rows;
  }

  async exec(sql: string): Promise<void> {
    await this.pglite.exec(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.pglite.transaction(async (tx) =>
      fn({
        query: async <R>(sql: string, params: readonly unknown[] = []) => (await tx.query<R>(sql, params as unknown[], this.options)).rows,
        exec: async (sql: string) => {
          await tx.exec(sql);
        },
      }),
    );
  }

  async close(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

/**
 * Array parameters in PostgreSQL's binary format. PGlite's own serializer writes array literals
 * (escaping every element, then measuring the UTF-8 length in a JavaScript loop) that the server
 * parses back character by character: for the arrays of texts of an import, ~100 ms per 1,000
 * experiences in Node alone. Binary elements are the UTF-8 bytes or the integers themselves, so
 * the server gets exactly the same values. Arrays this does not cover (nested, other element
 * types, elements of another JavaScript type) keep PGlite's text format.
 */
const TYPE_OID = { bool: 16, int8: 20, int4: 23, text: 25 } as const;
const ARRAY_OID = { bool: 1000, int8: 1016, int4: 1007, text: 1009 } as const;

type ElementType = keyof typeof TYPE_OID;

interface ElementCodec {
  /** How many bytes the value takes, or undefined when it does not fit the type exactly. */
  bytes(value: unknown): number | undefined;
  /** Writes a value `bytes` accepted at `at`. */
  write(value: unknown, out: Buffer, at: number): void;
}

const ELEMENT_CODECS: Record<ElementType, ElementCodec> = {
  text: {
    bytes: (value) => (typeof value === 'string' ? Buffer.byteLength(value) : undefined),
    write: (value, out, at) => out.write(value as string, at),
  },
  bool: {
    bytes: (value) => (typeof value === 'boolean' ? 1 : undefined),
    write: (value, out, at) => out.writeUInt8(value ? 1 : 0, at),
  },
  int4: {
    bytes: (value) => (typeof value === 'number' && Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31 ? 4 : undefined),
    write: (value, out, at) => out.writeInt32BE(value as number, at),
  },
  int8: {
    bytes: (value) =>
      (typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'bigint' && BigInt.asIntN(64, value) === value) ? 8 : undefined,
    write: (value, out, at) => out.writeBigInt64BE(BigInt(value as number | bigint), at),
  },
};

/** array_send's layout: dimensions, null flag, element type, then each element length-prefixed (-1 for NULL). */
function binaryArray(values: unknown, type: ElementType): Uint8Array | undefined {
  if (!Array.isArray(values)) return undefined;
  const codec = ELEMENT_CODECS[type];
  const sizes: number[] = [];
  let total = values.length === 0 ? 12 : 20;
  for (const value of values) {
    const size = value === null || value === undefined ? -1 : codec.bytes(value);
    if (size === undefined) return undefined;
    sizes.push(size);
    total += 4 + Math.max(size, 0);
  }
  const out = Buffer.allocUnsafe(total);
  out.writeInt32BE(values.length === 0 ? 0 : 1, 0);
  out.writeInt32BE(sizes.includes(-1) ? 1 : 0, 4);
  out.writeInt32BE(TYPE_OID[type], 8);
  if (values.length === 0) return out;
  out.writeInt32BE(values.length, 12);
  out.writeInt32BE(1, 16);
  let at = 20;
  values.forEach((value, i) => {
    const size = sizes[i]!;
    out.writeInt32BE(size, at);
    at += 4;
    if (size < 0) return;
    codec.write(value, out, at);
    at += size;
  });
  return out;
}

/**
 * Query options that send arrays of these types in binary. PGlite passes a Uint8Array a
 * serializer returns as a binary parameter; an array binaryArray declines goes to the
 * instance's own serializer, as without these options.
 */
function binaryArrayOptions(own: PGlite['serializers']): QueryOptions {
  const serializers: Record<number, (value: unknown) => string> = {};
  for (const type of Object.keys(ARRAY_OID) as ElementType[]) {
    const oid = ARRAY_OID[type];
    // The declared return type is string; PGlite checks for a Uint8Array first.
    serializers[oid] = (value) => (binaryArray(value, type) as unknown as string | undefined) ?? own[oid]!(value);
  }
  return { serializers };
}
