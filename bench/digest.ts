/**
 * The staff's re-verification digest at scale (`npm run bench -- digest`, or `tsx bench/digest.ts`):
 * a base of 10,000 experiences of which 1,000 are past their review date. Measures sending the
 * weekly digest through the Bot API emulator (how many messages it costs the staff chat, the
 * most calls in any second and any minute, any 429), and rendering each of its pages as a ◀ ▶
 * press does. The emulator does not enforce Telegram's limits, so the calls are counted against
 * them: 30 messages a second over all chats, 20 a minute in one group.
 */
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.ts';
import { createDigestSender, REVIEW_DIGEST_SCHEDULE } from '../src/bot/digest-sender.ts';
import { outboxApi } from '../src/bot/outbox-sender.ts';
import { DIGEST_PAGE_SIZE, renderDigest } from '../src/bot/render/digest.ts';
import { loadConfig } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { startBotApiEmulator } from '../src/emulator/index.ts';
import { createJobRunner } from '../src/jobs/runner.ts';
import { unrelatedExperiences } from '../tests/helpers/telegram-kb.ts';
import { openBenchDb, logger } from './support.ts';
import { syntheticExperiences } from './synthetic.ts';

export interface DigestBenchRow {
  database: 'pglite' | 'postgres';
  experiences: number;
  stale: number;
  sendMs: number;
  messages: number;
  maxPerSecond: number;
  maxPerMinute: number;
  retries429: number;
  pages: number;
  pageP50Ms: number;
  pageP95Ms: number;
  longestPage: number;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

export async function runDigestBench(options: {
  database: 'pglite' | 'postgres';
  experiences: number;
  stale: number;
  postgresUrl: string;
}): Promise<DigestBenchRow> {
  const { db, drop } = await openBenchDb(options.database, options.postgresUrl);
  const emulator = await startBotApiEmulator();
  try {
    await migrate(db);
    const staff = emulator.state.createGroup({ title: 'Center staff' });
    const app = await createApp(loadConfig({ LOG_LEVEL: 'warn', STAFF_CHAT_ID: String(staff.id), REVIEW_AFTER_MONTHS: '12' }), { db, logger });
    // The stale ones verified two to three years ago, the others within the last months.
    const records = syntheticExperiences(unrelatedExperiences(1), options.experiences, 7, 'digest').map((r, i) => ({
      ...r,
      verified_on: i < options.stale ? daysAgo(730 + (i % 365)) : daysAgo(i % 300),
    }));
    await app.experiences.upsertRecords(records, { status: 'published' });

    const sentAt: number[] = [];
    emulator.subscribe((a) => {
      if (a.kind === 'message') sentAt.push(performance.now());
    });
    let retries429 = 0;
    const handlers = createDigestSender({
      db,
      api: outboxApi(emulator.token, emulator.apiRoot),
      translator: app.translator,
      reverification: app.community.reverification,
      staffChatId: staff.id,
      reviewAfterMonths: 12,
    });
    const runner = createJobRunner({ db, logger, handlers, schedules: [REVIEW_DIGEST_SCHEDULE] });
    const started = performance.now();
    await runner.runDue();
    const sendMs = performance.now() - started;
    const [job] = await db.query<{ attempts: number; last_error: string | null }>("SELECT attempts, last_error FROM jobs WHERE kind = 'review-digest'");
    if (job?.last_error?.includes('429')) retries429++;
    const most = (windowMs: number) => Math.max(0, ...sentAt.map((t) => sentAt.filter((u) => u >= t && u < t + windowMs).length));

    const pageMs: number[] = [];
    let longestPage = 0;
    let pages = 1;
    for (let page = 0; page < pages; page++) {
      const t0 = performance.now();
      const digest = await app.community.reverification.digestPage({ page, pageSize: DIGEST_PAGE_SIZE, reviewAfterMonths: 12 });
      const { html } = renderDigest(digest, 'en', app.translator, 12);
      pageMs.push(performance.now() - t0);
      pages = digest.pages;
      longestPage = Math.max(longestPage, html.length);
    }
    await app.close();
    return {
      database: options.database,
      experiences: options.experiences,
      stale: options.stale,
      sendMs,
      messages: emulator.state.messages(staff.id).filter((m) => m.from === 'bot').length,
      maxPerSecond: most(1_000),
      maxPerMinute: most(60_000),
      retries429,
      pages,
      pageP50Ms: percentile(pageMs, 50),
      pageP95Ms: percentile(pageMs, 95),
      longestPage,
    };
  } finally {
    await emulator.close();
    await drop();
  }
}

export function digestBenchTable(rows: DigestBenchRow[]): string[] {
  const f = (n: number) => n.toFixed(1);
  return [
    '| database | experiences | stale | digest sent in | messages to the staff chat | most in 1 s / 60 s | 429s | pages | page render p50 / p95 | longest page (chars) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.experiences} | ${r.stale} | ${f(r.sendMs)} ms | ${r.messages} | ${r.maxPerSecond} / ${r.maxPerMinute} | ${r.retries429} | ${r.pages} | ${f(r.pageP50Ms)} / ${f(r.pageP95Ms)} ms | ${r.longestPage} |`,
    ),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      experiences: { type: 'string', default: '10000' },
      stale: { type: 'string', default: '1000' },
      'postgres-url': { type: 'string', default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
    },
  });
  const rows: DigestBenchRow[] = [];
  for (const database of ['pglite', 'postgres'] as const) {
    try {
      rows.push(await runDigestBench({ database, experiences: Number(values.experiences), stale: Number(values.stale), postgresUrl: values['postgres-url'] }));
    } catch (e) {
      console.log(`${database}: skipped (${(e as Error).message})`);
    }
  }
  for (const line of digestBenchTable(rows)) console.log(line);
}
