import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { exportGlossaryCsv as exportCsv, GlossaryCsvError, importGlossaryCsv as importCsv } from '../knowledge/glossary/glossary-csv.ts';
import { UserError, type CliContext } from './context.ts';

export function register(program: Command, ctx: CliContext): void {
  const glossary = program
    .command('glossary')
    .description(
      'Manage the trilingual glossary (concept,fa,zh,en CSV; variants within a cell separated by "|") that lets questions find experiences written in another language.',
    );

  glossary
    .command('import')
    .description(
      'Add or update glossary concepts from a CSV file, all or nothing: any invalid line (reported with its number) and nothing is written. Concepts not in the file are kept.',
    )
    .argument('<file>', 'CSV with the header concept,fa,zh,en')
    .action(async (file: string) => {
      let csv: string;
      try {
        csv = await readFile(file, 'utf8');
      } catch (e) {
        throw new UserError(`Cannot read ${file}: ${(e as Error).message}`);
      }
      const app = await ctx.openApp(ctx.loadConfig());
      try {
        const { imported } = await importCsv(app.db, csv);
        await app.glossary.upToDate();
        ctx.out(`Imported ${imported} glossary concept${imported === 1 ? '' : 's'} from ${file}; the glossary now holds ${app.glossary.size}.`);
      } catch (e) {
        if (e instanceof GlossaryCsvError) throw new UserError(`${file}: ${e.message}`);
        throw e;
      } finally {
        await app.close();
      }
    });

  glossary
    .command('export')
    .description('Write the whole glossary to a CSV file in the format import reads.')
    .argument('<file>', 'the CSV file to write (replaced if it exists)')
    .action(async (file: string) => {
      const app = await ctx.openApp(ctx.loadConfig());
      try {
        const csv = await exportCsv(app.db);
        const partial = `${file}.partial-${process.pid}`;
        try {
          await writeFile(partial, csv, 'utf8');
          await rename(partial, file);
        } catch (e) {
          await rm(partial, { force: true });
          throw new UserError(`Cannot write ${file}: ${(e as Error).message}. Give a path in a folder you can write to.`, 1);
        }
        const rows = csv.split('\r\n').length - 2;
        ctx.out(`Exported ${rows} glossary concept${rows === 1 ? '' : 's'} to ${file}.`);
      } finally {
        await app.close();
      }
    });
}
