import { rename, rm, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatKbExport } from '../knowledge/experiences/kb-format-writing.ts';
import { STATUSES, type ExperienceStatus } from '../knowledge/experiences/experience.ts';
import { UserError, type CliContext } from './context.ts';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description(
      'Write the knowledge base to a kb-format v1 JSON Lines file, one experience per line in the order they were added. ' +
        'Exports every status by default, so the file is a complete backup: each record carries its status, verification date and ' +
        'which translations a model made, so importing it into an empty database publishes nothing staff had not approved and exporting again gives the same file. ' +
        'Group messages saved with /save whose author has not agreed to keep them yet are left out, and the summary counts them.',
    )
    .argument('<file>', 'the .jsonl file to write (replaced if it exists)')
    .option('--status <statuses>', `only experiences with these statuses, comma-separated (${STATUSES.join(', ')})`)
    .action(async (file: string, options: { status?: string }) => {
      const statuses = options.status === undefined ? undefined : parseStatuses(options.status);
      const app = await ctx.openApp(ctx.loadConfig());
      try {
        const started = performance.now();
        const records = await app.experiences.exportRecords(statuses ? { statuses } : {});
        // Read after the records: a draft saved meanwhile is not among them, one whose author answered meanwhile was agreed to.
        const awaiting = await app.community.savedMessages.awaitingConsent();
        const unconsented = records.filter((r) => r.status === 'draft' && awaiting.has(r.id));
        const { file: content, written, leftOut } = formatKbExport(records.filter((r) => !unconsented.includes(r)));
        // Written beside the target and renamed, so a failure never leaves half a backup behind.
        const partial = `${file}.partial-${process.pid}`;
        try {
          await writeFile(partial, content, 'utf8');
          await rename(partial, file);
        } catch (e) {
          await rm(partial, { force: true });
          throw new UserError(`Cannot write ${file}: ${(e as Error).message}. Give a path in a folder you can write to.`, 1);
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        for (const record of leftOut) for (const problem of record.problems) ctx.err(`left out ${record.id} (${record.status ?? 'no status'}), ${problem}`);
        for (const record of unconsented) ctx.err(`left out ${record.id} (draft), a group message saved with /save whose author has not agreed to keep it yet`);
        const omitted = [
          ...(leftOut.length === 0
            ? []
            : [`left out ${leftOut.length} that kb-format cannot hold (listed above: fix them and export again, or import would refuse the file)`]),
          ...(unconsented.length === 0
            ? []
            : [
                `left out ${unconsented.length} draft${unconsented.length === 1 ? '' : 's'} saved with /save whose author has not agreed to keep ${unconsented.length === 1 ? 'it' : 'them'} yet (a restore would bring back words nobody consented to, with nobody left to ask; they stay in the database until their author answers)`,
              ]),
        ]
          .map((part) => `; ${part}`)
          .join('');
        ctx.out(
          `Exported ${written} experience${written === 1 ? '' : 's'} to ${file} (${statuses ? `status ${statuses.join(', ')}` : 'all statuses'}) in ${seconds} s${omitted}`,
        );
      } finally {
        await app.close();
      }
    });
}

function parseStatuses(value: string): ExperienceStatus[] {
  const given = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const unknown = given.filter((s) => !(STATUSES as readonly string[]).includes(s));
  if (given.length === 0 || unknown.length > 0) {
    throw new UserError(
      `--status: unknown status ${unknown.map((s) => `"${s}"`).join(', ') || '(none given)'}; expected one or more of ${STATUSES.join(', ')}, comma-separated.`,
    );
  }
  return given as ExperienceStatus[];
}
