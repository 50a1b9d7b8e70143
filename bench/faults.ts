/**
 * Fault benchmark: the real program (`sme-bridge start`, a process of its own) against the Bot
 * API emulator while something goes wrong on purpose, and what members notice of it. Each
 * scenario is one entry of SCENARIOS and returns its figures; a new fault is a new entry.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBotApiEmulator } from '../src/emulator/index.ts';
import { answersTo, askMany, freePort, spawnBot, until, type AskedQuestion, type BotProcess } from '../tests/helpers/bot-process.ts';
import { openDatabase } from '../src/db/open.ts';
import { benchSchema } from './support.ts';
import { timeToAnswerAfterDatabaseCut, worstWaitWhileModelStalls } from './faults-deadlines.ts';

export type FaultDatabase = 'pglite' | 'postgres';

/** One figure of a scenario's run, with the target when it has one. */
export interface FaultFigure {
  name: string;
  value: string | number;
  target?: string;
}

export interface FaultRow {
  scenario: string;
  database: FaultDatabase;
  figures: FaultFigure[];
}

export interface FaultContext {
  database: FaultDatabase;
  postgresUrl: string;
  out: (line: string) => void;
}

export interface FaultScenario {
  name: string;
  /** The databases the fault applies to (a TCP cut needs PostgreSQL); all by default. */
  databases?: FaultDatabase[];
  run(ctx: FaultContext): Promise<FaultFigure[]>;
}

/** Settings of a bot process on a fresh database of `database`; `drop` removes the database. */
async function freshBotDatabase(ctx: FaultContext): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (ctx.database === 'postgres') {
    const schema = await benchSchema(ctx.postgresUrl);
    return { env: { DATABASE_URL: schema.url }, drop: schema.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), 'sme-faults-'));
  return { env: { DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

const KILL = { members: 30, questions: 300, perSecond: 40, killAfterMs: 4_000, rounds: 3 };

/**
 * Members ask at 40 questions a second; 4 s in, the bot is killed with SIGKILL and started again
 * at once on the same data while they go on asking. Every question must be answered exactly once.
 */
const killDuringLoad: FaultScenario = {
  name: `SIGKILL ${KILL.killAfterMs / 1000} s into ${KILL.questions} questions from ${KILL.members} members at ${KILL.perSecond}/s, restarted at once`,
  async run(ctx) {
    let asked = 0;
    let lost = 0;
    let duplicated = 0;
    let worstAnswerS = 0;
    let restartS = 0;
    let owedLost = 0;
    let late = 0;
    for (let round = 0; round < KILL.rounds; round++) {
      const emulator = await startBotApiEmulator();
      const database = await freshBotDatabase(ctx);
      const env = { ...database.env, PORT: String(await freePort()), RATE_LIMIT_PER_MINUTE: '1000' };
      const bots: BotProcess[] = [spawnBot(emulator, env)];
      try {
        await until(() => emulator.state.calls.some((c) => c.method === 'getUpdates'), 300_000, 'the bot to start polling');
        const started = Date.now();
        const asking = askMany(emulator, { members: KILL.members, count: KILL.questions, perSecond: KILL.perSecond, firstUserId: 10_000 + round * 1_000 });
        await new Promise((r) => setTimeout(r, KILL.killAfterMs));
        bots[0]!.kill('SIGKILL');
        await bots[0]!.exited;
        const killedAt = Date.now();
        bots.push(spawnBot(emulator, { ...env, PORT: String(await freePort()) }));
        // Only the new process polls after the kill.
        await until(() => emulator.state.calls.some((c) => c.method === 'getUpdates' && c.at > killedAt), 300_000, 'the bot to start again');
        restartS = Math.max(restartS, (Date.now() - killedAt) / 1000);
        const questions = await asking;
        await settle(emulator, questions);
        // Unanswered when no answer came for the settle window: answered a while later, they
        // were late (a takeover behind a slow restart), not lost.
        const unansweredAtSettle = questions.filter((q) => answersTo(emulator, q).length === 0);
        await until(() => unansweredAtSettle.every((q) => answersTo(emulator, q).length > 0), LATE_MS, 'late answers').catch(() => undefined);
        const roundLate = unansweredAtSettle.filter((q) => answersTo(emulator, q).length > 0).length;
        late += roundLate;
        const counts = questions.map((q) => answersTo(emulator, q).length);
        bots[1]!.kill('SIGTERM');
        await bots[1]!.exited;
        // Which of the lost ones the bot had logged (and so owed): the rest never got past intake.
        const logged = await loggedQuestionNumbers(database.env);
        const lostNumbers = counts.flatMap((c, i) => (c === 0 ? [i + 1] : []));
        owedLost += lostNumbers.filter((n) => logged.has(n)).length;
        const intake = await intakeStates(
          database.env,
          questions.filter((_, i) => counts[i] === 0).map((q) => q.updateId),
        );
        if (intake.size > 0)
          ctx.out(`  ${ctx.database}, round ${round + 1}: lost questions' processed_updates rows: ${JSON.stringify(Object.fromEntries(intake))}`);
        asked += questions.length;
        lost += counts.filter((c) => c === 0).length;
        duplicated += counts.reduce((sum, c) => sum + Math.max(0, c - 1), 0);
        worstAnswerS = Math.max(worstAnswerS, (lastAnswerAt(emulator, questions) - started) / 1000);
        ctx.out(
          `  ${ctx.database}, round ${round + 1}: ${counts.filter((c) => c === 0).length} lost, ${counts.reduce((s, c) => s + Math.max(0, c - 1), 0)} duplicated, ${roundLate} late`,
        );
      } finally {
        for (const bot of bots) bot.kill('SIGKILL');
        await emulator.close();
        await database.drop();
      }
    }
    return [
      { name: 'questions asked', value: asked },
      { name: 'answers lost', value: lost, target: '0' },
      { name: '… of which the bot had logged the question (lost in delivery)', value: owedLost, target: '0' },
      { name: '… of which it never logged the question (lost at intake: finding 3)', value: lost - owedLost },
      { name: 'answers duplicated', value: duplicated, target: '0' },
      { name: `answers late (none for ${SETTLE_MS / 1000} s, then within ${LATE_MS / 1000} s more; not counted lost)`, value: late },
      { name: 'restart until polling again, s (slowest round)', value: restartS.toFixed(1) },
      { name: 'last answer, s after the first question (slowest round)', value: worstAnswerS.toFixed(1) },
    ];
  },
};

/** The numbers askMany gave the questions the bot logged, read from its database once it has stopped. */
async function loggedQuestionNumbers(env: Record<string, string>): Promise<Set<number>> {
  const db = await openDatabase(env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'pglite', dataDir: env.DATA_DIR! }, {
    migrateSchema: false,
  });
  try {
    const rows = await db.query<{ text: string }>('SELECT text FROM questions');
    return new Set(rows.map((r) => Number(/\((\d+)\)$/.exec(r.text)?.[1] ?? 0)));
  } finally {
    await db.close();
  }
}

/**
 * What the database says of `updateIds` once the bot has stopped, counted by state: `none` (no
 * row: never recorded), `received` (recorded, never claimed), `unfinished` (claimed, not
 * finished), `finished`.
 */
async function intakeStates(env: Record<string, string>, updateIds: number[]): Promise<Map<string, number>> {
  const states = new Map<string, number>();
  if (updateIds.length === 0) return states;
  const db = await openDatabase(env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'pglite', dataDir: env.DATA_DIR! }, {
    migrateSchema: false,
  });
  try {
    const rows = await db.query<{ state: string }>(
      `SELECT CASE WHEN p.update_id IS NULL THEN 'none' WHEN p.unfinished IS NULL THEN 'finished'
                   WHEN p.handler LIKE 'received:%' THEN 'received' ELSE 'unfinished' END AS state
       FROM unnest($1::bigint[]) AS u(id) LEFT JOIN processed_updates AS p ON p.update_id = u.id`,
      [updateIds],
    );
    for (const { state } of rows) states.set(state, (states.get(state) ?? 0) + 1);
    return states;
  } finally {
    await db.close();
  }
}

/** How long without a new answer counts as settled, and how much longer a late answer is waited for. */
const SETTLE_MS = 20_000;
const LATE_MS = 60_000;

/** Waits until every question has an answer, or until no new answer came for SETTLE_MS (3 minutes at most). */
async function settle(emulator: Parameters<typeof answersTo>[0], questions: AskedQuestion[]): Promise<void> {
  const deadline = Date.now() + 180_000;
  let last = -1;
  let since = Date.now();
  for (;;) {
    const answered = questions.filter((q) => answersTo(emulator, q).length > 0).length;
    if (answered !== last) [last, since] = [answered, Date.now()];
    if (answered === questions.length || Date.now() - since > SETTLE_MS || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  // A duplicate comes right after the first copy: give it a moment to show.
  await new Promise((r) => setTimeout(r, 2_000));
}

function lastAnswerAt(emulator: Parameters<typeof answersTo>[0], questions: AskedQuestion[]): number {
  return Math.max(...questions.flatMap((q) => answersTo(emulator, q).map((m) => m.date * 1000)));
}

const CUT_MS = 60_000;

/** PostgreSQL cut off for a minute by a TCP proxy (refusing connections, then silent) while a member asks. */
function databaseCut(mode: 'refuse' | 'silence'): FaultScenario {
  return {
    name: `PostgreSQL ${mode === 'refuse' ? 'refusing connections' : 'silent'} for ${CUT_MS / 1000} s while a member asks`,
    databases: ['postgres'],
    async run(ctx) {
      const result = await timeToAnswerAfterDatabaseCut({ postgresUrl: ctx.postgresUrl, cutMs: CUT_MS, mode });
      return [
        { name: '"the answer will come", s after the question', value: (result.noticeMs / 1000).toFixed(1) },
        { name: 'answer, s after the database is back', value: (result.answeredAfterMs / 1000).toFixed(1) },
      ];
    },
  };
}

/** One chat's model call stalls (headers, then nothing) while 20 other members ask. */
const modelStall: FaultScenario = {
  name: "one chat's model call stalling while 20 other members ask",
  databases: ['pglite'],
  async run() {
    const result = await worstWaitWhileModelStalls();
    return [
      { name: "other members' worst wait, s", value: (result.worstMs / 1000).toFixed(1) },
      { name: "other members' median wait, s", value: (result.medianMs / 1000).toFixed(1) },
      { name: `the stalled member's answer (from the experiences), s (budget ${result.budgetMs / 1000} s)`, value: (result.stalledChatMs / 1000).toFixed(1) },
    ];
  },
};

/** The fault scenarios, each run on the databases it names (default: each in turn). Add a scenario here. */
export const SCENARIOS: FaultScenario[] = [killDuringLoad, databaseCut('refuse'), databaseCut('silence'), modelStall];

export async function runFaultBench(options: { databases: FaultDatabase[]; postgresUrl: string; out: (line: string) => void }): Promise<FaultRow[]> {
  const rows: FaultRow[] = [];
  for (const scenario of SCENARIOS) {
    for (const database of options.databases.filter((d) => !scenario.databases || scenario.databases.includes(d))) {
      try {
        rows.push({ scenario: scenario.name, database, figures: await scenario.run({ database, postgresUrl: options.postgresUrl, out: options.out }) });
      } catch (e) {
        options.out(`${scenario.name} on ${database}: skipped (${(e as Error).message})`);
      }
    }
  }
  return rows;
}

export function faultTable(rows: FaultRow[]): string[] {
  return [
    '| scenario | database | figure | measured | target |',
    '| --- | --- | --- | ---: | ---: |',
    ...rows.flatMap((r) => r.figures.map((f) => `| ${r.scenario} | ${r.database} | ${f.name} | ${f.value} | ${f.target ?? ''} |`)),
  ];
}
