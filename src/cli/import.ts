import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { parseKbFile } from '../knowledge/experiences/kb-format.ts';
import { formatKbProblem } from '../knowledge/experiences/kb-format-problems.ts';
import type { StatusOutcome, UpsertSummary } from '../knowledge/experiences/repository.ts';
import { STATUSES, type ExperienceStatus } from '../knowledge/experiences/experience.ts';
import { UserError, type CliContext } from './context.ts';

// Below this a progress bar would only flash.
const PROGRESS_BAR_FROM = 200;

export function register(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description(
      'Import experiences from a kb-format v1 JSON Lines file (see kb-format.md). Every line is checked first: ' +
        'if any is wrong, each problem is listed and nothing is imported (exit code 2). Otherwise the whole file is ' +
        'imported in one transaction; an id that already exists updates that experience (its texts are replaced, ' +
        'translations left out of the file are removed). A record\'s own "status" is always applied; an experience ' +
        'whose record has none keeps the status it has, or gets --status when it is new.',
    )
    .argument('<file>', 'the .jsonl file to import')
    .addOption(
      new Option('--status <status>', 'status of new experiences whose record has no "status" (existing ones keep theirs)')
        .choices(STATUSES)
        .default('published'),
    )
    .action(async (file: string, options: { status: ExperienceStatus }) => {
      const content = await readKbFile(file);
      const parseStarted = performance.now();
      const { records, problems } = parseKbFile(content);
      const parseMs = performance.now() - parseStarted;
      if (problems.length > 0) {
        for (const problem of problems) ctx.err(formatKbProblem(problem));
        throw new UserError(
          `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} found; nothing was imported. Fix the lines above and run the import again.`,
        );
      }
      const app = await ctx.openApp(ctx.loadConfig());
      const bar =
        process.stderr.isTTY && records.length > PROGRESS_BAR_FROM
          ? new SingleBar({ stream: process.stderr, format: 'Importing [{bar}] {value}/{total} experiences' })
          : undefined;
      try {
        // Timed without opening the database, which is start-up cost rather than import work.
        const started = performance.now() - parseMs;
        bar?.start(records.length, 0);
        const summary = await app.experiences.upsertRecords(records, { status: options.status, onProgress: (done) => bar?.update(done) });
        bar?.stop();
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        await app.embedNewTexts();
        ctx.out(`Imported ${records.length} experience${records.length === 1 ? '' : 's'} from ${file}: ${describeStatuses(summary)} in ${seconds} s`);
      } finally {
        bar?.stop();
        await app.close();
      }
    });
}

/** "2 new (1 published, 1 pending), 2 updated (1 kept pending, 1 pending → published)". */
function describeStatuses({ created, updated, statuses }: UpsertSummary): string {
  const part = (count: number, label: string, outcomes: StatusOutcome[]) => {
    const what = outcomes.map((o) => (o.before === undefined ? o.after : o.before === o.after ? `kept ${o.after}` : `${o.before} → ${o.after}`));
    if (what.length === 0) return `${count} ${label}`;
    if (what.length === 1) return `${count} ${label} (${what[0]})`;
    return `${count} ${label} (${outcomes.map((o, i) => `${o.count} ${what[i]}`).join(', ')})`;
  };
  return `${part(
    created,
    'new',
    statuses.filter((s) => s.before === undefined),
  )}, ${part(
    updated,
    'updated',
    statuses.filter((s) => s.before !== undefined),
  )}`;
}

/** The file as text; unreadable files and bytes that are not UTF-8 are the user's to fix. */
async function readKbFile(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new UserError(`Cannot read ${file}: ${reason}. Give the path of a kb-format .jsonl file.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UserError(`${file}, line ${firstBadUtf8Line(bytes)}: not valid UTF-8; save the file as UTF-8 and run the import again.`);
  }
}

function firstBadUtf8Line(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    try {
      decoder.decode(bytes.subarray(start, stop));
    } catch {
      return line;
    }
    if (end === -1) break;
    line++;
    start = end + 1;
  }
  return line;
}
