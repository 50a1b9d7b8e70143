import { z } from 'zod';
import { optionalText, positiveInt } from './values.ts';

/** The database: PostgreSQL when DATABASE_URL is set, else the embedded PGlite in DATA_DIR. */
export const databaseSettings = {
  DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/, error: 'expects a postgres:// or postgresql:// URL' }).optional()),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_STATEMENT_TIMEOUT_MS: positiveInt(15_000),
  DATABASE_KEEPALIVE_MS: positiveInt(10_000),
};

type DatabaseEnv = z.infer<z.ZodObject<typeof databaseSettings>>;

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string }
  /** statementTimeoutMs: one statement's limit, on the server and on our side of a silent link; keepAliveMs: TCP keepalive's first probe. */
  | { kind: 'postgres'; url: string; statementTimeoutMs?: number; keepAliveMs?: number };

export function databaseConfig(e: DatabaseEnv): DatabaseConfig {
  return e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL, statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS, keepAliveMs: e.DATABASE_KEEPALIVE_MS }
    : { kind: 'pglite', dataDir: e.DATA_DIR };
}
