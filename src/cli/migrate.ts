import type { Command } from 'commander';
import { openDatabase } from '../db/open.ts';
import { migrate, readMigrations } from '../db/migrate.ts';
import type { CliContext } from './context.ts';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (other commands do this on start). Safe to run twice or from two processes at once.')
    .action(async () => {
      const config = ctx.loadConfig();
      const db = await openDatabase(config.database, { migrateSchema: false });
      try {
        const applied = await migrate(db);
        const latest = readMigrations().at(-1)?.version ?? 0;
        ctx.out(applied.length > 0 ? `Applied migrations ${applied.join(', ')}; schema is at version ${latest}.` : `Schema is up to date (version ${latest}).`);
        if (!db.hasVector) ctx.out('pgvector is not installed in this database: search runs lexical-only.');
      } finally {
        await db.close();
      }
    });
}
