/**
 * Bot benchmark: members asking through the Bot API emulator, the real bot and the real
 * application, with an instant fake LLM (or offline), at a given knowledge-base size, on PGlite
 * and on PostgreSQL. Latency runs from the update being queued at "Telegram" to the answer's
 * last message arriving there. Two loads: members asking back to back (the bot's capacity in
 * questions per second), and questions arriving at fixed rates (the latency a member sees at
 * that load). `--floor` adds the ceiling of any bot on this machine (an echo bot).
 *
 *   npx tsx bench/bot.ts [--experiences 10000] [--members 50] [--questions 40] [--rates 10,25,50,100,200,300]
 *                        [--seconds 8] [--llm fake|offline|stream] [--databases pglite,postgres] [--floor]
 *                        [--postgres-url URL] [--dir ../shared/eval/dev] [--profile DIR (the bot's CPU profile after the warm-up; compare two with bench/cpu-profile.ts)]
 *                        [--search-index memory|database] [--statements (which statements the bot sent, per question)]
 * `--llm stream`: the fake model streams each answer (STREAMED_ANSWER); measures the time to the
 * first visible words and to the full answer instead (runStreamBench; --members, --questions).
 */
import { fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type BotApiEmulator, startBotApiEmulator, type EmulatedUser } from '../src/emulator/index.ts';
import type { Language } from '../src/text/language.ts';
import { type EvalQuestion, loadEvalSet } from '../src/knowledge/evaluation/eval.ts';
import { startFakeOpenAi } from '../tests/helpers/fake-openai.ts';
import type { BotProcessReply, BotProcessStart, GcCounts } from './bot-process.ts';
import { benchSchema } from './support.ts';
import { countsSince, total, type StatementCounts } from './counting-db.ts';
import { random } from './synthetic.ts';

export interface BotBenchOptions {
  database: 'pglite' | 'postgres';
  experiences: number;
  /** Closed loop: this many members ask back to back (the bot's capacity). */
  members: number;
  questionsPerMember: number;
  /** Open loop: questions arrive at these rates (per second, Poisson), each for `seconds`. */
  rates: number[];
  seconds: number;
  /** `stream`: the fake model writes its answer a token at a time (STREAMED_ANSWER), as real ones do. */
  llm: 'fake' | 'offline' | 'stream';
  dir: string;
  postgresUrl: string;
  /** Write a CPU profile of the bot's process into this folder. */
  profileDir?: string;
  /** SEARCH_INDEX of the bot (default memory). */
  searchIndex?: 'memory' | 'database';
}

export interface BotBenchRow {
  database: string;
  experiences: number;
  llm: string;
  /** "50 members back to back" or "open loop". */
  load: string;
  /** Offered questions per second (open loop only). */
  offered?: number;
  answered: number;
  perSecond: number;
  p50: number;
  p95: number;
  /** CPU per answered question: the bot's process, and the PostgreSQL server (PGlite runs inside the bot). */
  botCpuMs?: number;
  dbCpuMs?: number;
  /** ...and the bench's own process: the fake Bot API, the fake model and the members. */
  harnessCpuMs?: number;
  rssMb: number;
  /** Statements the bot sent per answered question (the real bot only), and which ones (`--statements`). */
  statementsPerQuestion?: number;
  /** Calls to the fake model per answered question (translations, answers or verdicts). */
  modelCallsPerQuestion?: number;
  /** The bot's garbage collections per answered question, and their main-thread pause (ms). */
  gc?: GcCounts;
  statements?: StatementCounts;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

/**
 * Members talking to "Telegram": a question is an update offered to the bot, and it is answered
 * when the message carrying the buttons (an answer's last message) arrives. A chat's answers
 * come in the order of its questions (the bot handles one chat's updates in order).
 */
function membersOf(emulator: BotApiEmulator) {
  const waiting = new Map<number, { started: number; firstWordsMs?: number; answered: () => void }[]>();
  emulator.subscribe((a) => {
    if (a.kind !== 'message' && a.kind !== 'edit') return;
    const head = waiting.get(a.message.chat_id)?.[0];
    if (!head) return;
    // A streamed answer's draft is its first words; the edit that puts the buttons on it is the answer.
    head.firstWordsMs ??= performance.now() - head.started;
    if (a.message.reply_markup) waiting.get(a.message.chat_id)!.shift()!.answered();
  });
  /** Time to the first visible words of each answer, in the order answered. */
  const firstWords: number[] = [];
  return {
    firstWords,
    ask(user: EmulatedUser, text: string): Promise<number> {
      return new Promise<number>((resolve) => {
        const queue = waiting.get(user.id) ?? [];
        const entry = {
          started: performance.now(),
          answered: () => {
            const ms = performance.now() - entry.started;
            firstWords.push(entry.firstWordsMs ?? ms);
            resolve(ms);
          },
        } as { started: number; firstWordsMs?: number; answered: () => void };
        queue.push(entry);
        waiting.set(user.id, queue);
        emulator.say(user, text);
      });
    },
  };
}

type Ask = (user: EmulatedUser, text: string) => Promise<number>;

/** `members` members each asking `perMember` questions, the next as soon as the last is answered. */
async function closedLoop(ask: Ask, users: EmulatedUser[], questions: string[], perMember: number) {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    users.map(async (u, i) => {
      for (let k = 0; k < perMember; k++) latencies.push(await ask(u, questions[(i * perMember + k) % questions.length]!));
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

/**
 * `rate × seconds` questions arriving at random moments of a `seconds` window (a Poisson stream
 * of that rate, taken with exactly its mean count, so the offered rate is the one named), from
 * members taken in turn, whether or not earlier ones are answered: the latency a member sees
 * at that load.
 */
async function openLoop(ask: Ask, users: EmulatedUser[], questions: string[], rate: number, seconds: number) {
  const rand = random(rate);
  const arrivals = Array.from({ length: Math.round(rate * seconds) }, () => rand() * seconds * 1000).sort((a, b) => a - b);
  const pending: Promise<number>[] = [];
  const started = performance.now();
  for (const [i, due] of arrivals.entries()) {
    const wait = started + due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(ask(users[i % users.length]!, questions[i % questions.length]!));
  }
  const latencies = await Promise.all(pending);
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

/** CPU time (ms) of each PostgreSQL server process on this machine, by pid. */
function postgresCpuByPid(): Map<string, number> {
  const cpu = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) * 10); // USER_HZ is 100 on Linux
    } catch {
      // The process ended between listing and reading.
    }
  }
  return cpu;
}

/**
 * The database's CPU since `before`: what each server process used since then (all of it for
 * one started since). A backend that exits in between loses its last share rather than
 * making the sum go backwards.
 */
function postgresCpuSince(before: Map<string, number>, now: Map<string, number>): number {
  let ms = 0;
  for (const [pid, used] of now) ms += used - (before.get(pid) ?? 0);
  return ms;
}

/**
 * The instant fake model. A "translation" into another language is a dev question in that
 * language about the same experience (else any question in it): text of a real question's
 * size and script, so the search does the work a real translation gives it.
 */
export function fakeTranslations(questions: EvalQuestion[]): (question: string) => Record<Language, string> {
  const byText = new Map(questions.map((q) => [q.text, q]));
  const pick = (q: EvalQuestion | undefined, language: Language, i: number) => {
    const same = questions.filter((o) => o.language === language);
    return (q && same.find((o) => o.relevant.some((r) => q.relevant.includes(r)))?.text) ?? same[i % same.length]?.text ?? '';
  };
  return (question) => {
    const q = byText.get(question);
    const i = question.length;
    return {
      fa: q?.language === 'fa' ? question : pick(q, 'fa', i),
      zh: q?.language === 'zh' ? question : pick(q, 'zh', i),
      en: q?.language === 'en' ? question : pick(q, 'en', i),
    };
  };
}

interface BotUnderTest {
  ask: Ask;
  /** Time to the first visible words of each answer so far (a streamed draft, else the answer itself). */
  firstWords: number[];
  /**
   * CPU used since the last call: the bot's process, the PostgreSQL server's, and this process's
   * (the fakes and the members); and the statements and model calls the bot made meanwhile.
   */
  cpuSinceLast(): Promise<{ botMs: number; dbMs: number; harnessMs: number; botRssMb: number; statements: StatementCounts; modelCalls: number; gc: GcCounts }>;
  /** Starts the bot's CPU profile (with `profileDir`), so that it covers what follows, not the warm-up. */
  startProfile(): Promise<void>;
}

async function withBot<T>(
  o: BotBenchOptions,
  kind: Pick<BotProcessStart, 'kind' | 'statements' | 'llmCalls'>,
  log: (line: string) => void,
  fn: (bot: BotUnderTest) => Promise<T>,
): Promise<T> {
  const set = loadEvalSet(o.dir);
  const target = await benchDatabase(o.database, o.postgresUrl);
  const llm = o.llm === 'offline' ? undefined : await startFakeOpenAi();
  const translate = fakeTranslations(set.questions);
  let modelCalls = 0;
  llm?.onChat((r) => {
    modelCalls++;
    if (!r.messages.some((m) => /you translate/i.test(m.content)))
      return o.llm === 'stream' ? STREAMED_ANSWER : { content: 'From the experiences cited below: pay through a licensed exchange house.' };
    const question = r.messages.at(-1)!.content.split('\n\n').slice(1).join('\n\n');
    return { content: JSON.stringify(translate(question)) };
  });
  const emulator = await startBotApiEmulator({ holdMs: 500 });
  const child = fork(fileURLToPath(new URL('./bot-process.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const replies: BotProcessReply[] = [];
  let wake = () => {};
  child.on('message', (m: BotProcessReply) => {
    replies.push(m);
    wake();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = async <T extends BotProcessReply['type']>(type: T): Promise<Extract<BotProcessReply, { type: T }>> => {
    for (;;) {
      const i = replies.findIndex((r) => r.type === type || r.type === 'failed');
      if (i >= 0) {
        const [r] = replies.splice(i, 1);
        if (r!.type === 'failed') throw new Error(`bot process: ${r!.message}`);
        return r as Extract<BotProcessReply, { type: T }>;
      }
      const woken = new Promise<void>((resolve) => (wake = resolve));
      await Promise.race([woken, exited.then(() => Promise.reject(new Error('bot process exited')))]);
    }
  };
  try {
    const start: BotProcessStart = {
      type: 'start',
      ...kind,
      searchIndex: o.searchIndex ?? 'memory',
      database: target.url,
      experiences: o.experiences,
      dir: o.dir,
      token: emulator.token,
      apiRoot: emulator.apiRoot,
      botInfo: emulator.botInfo,
      ...(llm ? { llmBaseUrl: llm.baseURL } : {}),
      ...(o.profileDir ? { profileDir: o.profileDir } : {}),
    };
    child.send(start);
    const ready = await next('ready');
    if (kind.kind === 'bot') log(`${o.database}: ${ready.experiences} experiences imported in ${ready.importSeconds.toFixed(1)} s`);
    let last = {
      bot: 0,
      db: postgresCpuByPid(),
      harness: process.cpuUsage(),
      statements: {} as StatementCounts,
      modelCalls: 0,
      gc: { minor: 0, major: 0, pauseMs: 0 },
    };
    const cpuSinceLast = async () => {
      child.send({ type: 'cpu' });
      const cpu = await next('cpu');
      const now = { bot: cpu.userMs + cpu.systemMs, db: postgresCpuByPid(), harness: process.cpuUsage(), statements: cpu.statements, modelCalls, gc: cpu.gc };
      const harness = process.cpuUsage(last.harness);
      const delta = {
        botMs: now.bot - last.bot,
        dbMs: postgresCpuSince(last.db, now.db),
        harnessMs: (harness.user + harness.system) / 1000,
        botRssMb: cpu.maxRssMb,
        statements: countsSince(last.statements, now.statements),
        modelCalls: now.modelCalls - last.modelCalls,
        gc: { minor: now.gc.minor - last.gc.minor, major: now.gc.major - last.gc.major, pauseMs: now.gc.pauseMs - last.gc.pauseMs },
      };
      last = now;
      return delta;
    };
    const startProfile = async () => {
      child.send({ type: 'profile' });
      await next('profiling');
    };
    const members = membersOf(emulator);
    return await fn({ ask: members.ask, firstWords: members.firstWords, cpuSinceLast, startProfile });
  } finally {
    if (child.connected) {
      child.send({ type: 'stop' });
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    child.kill();
    await exited;
    await emulator.close();
    await llm?.close();
    await target.drop();
  }
}

/** Where the bot process keeps its data: an in-memory PGlite of its own, or a fresh PostgreSQL schema. */
async function benchDatabase(database: BotBenchOptions['database'], postgresUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  return database === 'pglite' ? { url: 'pglite', drop: async () => {} } : benchSchema(postgresUrl);
}

export async function runBotBench(o: BotBenchOptions, log: (line: string) => void = () => {}): Promise<BotBenchRow[]> {
  const questions = loadEvalSet(o.dir).questions;
  const texts = questions.map((q) => q.text);
  // Many more members than questions in flight: a member rarely waits behind their own question.
  const users = Array.from({ length: Math.max(o.members, 500) }, (_, i): EmulatedUser => ({
    id: 9_000_000 + i,
    first_name: `Bench${i}`,
    language_code: questions[i % questions.length]!.language,
  }));
  const label = [o.database, ...(o.searchIndex === 'database' ? ['search in the database'] : [])].join(', ');
  const base = { database: label, experiences: o.experiences, llm: o.llm };
  return withBot(o, { kind: 'bot' }, log, async ({ ask, cpuSinceLast, startProfile }) => {
    const measured = measuredWith(o.database, cpuSinceLast);
    // Warm-up: caches, JIT, and every member's row exists before anything is measured.
    for (let i = 0; i < users.length; i += o.members) await closedLoop(ask, users.slice(i, i + o.members), texts, 1);
    const rows: BotBenchRow[] = [];
    await startProfile();
    await cpuSinceLast();
    const closed = await closedLoop(ask, users.slice(0, o.members), texts, o.questionsPerMember);
    rows.push({ ...base, load: `${o.members} members back to back`, ...(await measured(closed)) });
    const gc = rows[0]!.gc!;
    log(
      `${o.database}: capacity ${rows[0]!.perSecond.toFixed(1)} questions/s; per question ${gc.minor.toFixed(3)} minor and ${gc.major.toFixed(3)} major collections, ${gc.pauseMs.toFixed(2)} ms paused`,
    );
    for (const rate of o.rates) {
      await cpuSinceLast();
      const open = await openLoop(ask, users, texts, rate, o.seconds);
      rows.push({ ...base, load: 'open loop', offered: rate, ...(await measured(open)) });
      log(`${o.database}: at ${rate}/s p95 ${rows.at(-1)!.p95.toFixed(0)} ms`);
    }
    return rows;
  });
}

/** A load's row: its latencies and rate, with the CPU used since the last reading, per question. */
function measuredWith(database: BotBenchOptions['database'], cpuSinceLast: BotUnderTest['cpuSinceLast']) {
  return async (r: { latencies: number[]; seconds: number }) => {
    const cpu = await cpuSinceLast();
    const n = r.latencies.length;
    return {
      ...summary(r),
      botCpuMs: cpu.botMs / n,
      ...(database === 'postgres' ? { dbCpuMs: cpu.dbMs / n } : {}),
      harnessCpuMs: cpu.harnessMs / n,
      rssMb: cpu.botRssMb,
      ...(total(cpu.statements) > 0 ? { statementsPerQuestion: total(cpu.statements) / n, statements: cpu.statements } : {}),
      ...(cpu.modelCalls > 0 ? { modelCallsPerQuestion: cpu.modelCalls / n } : {}),
      gc: { minor: cpu.gc.minor / n, major: cpu.gc.major / n, pauseMs: cpu.gc.pauseMs / n },
    };
  };
}

function summary(r: { latencies: number[]; seconds: number }) {
  return { answered: r.latencies.length, perSecond: r.latencies.length / r.seconds, p50: percentile(r.latencies, 50), p95: percentile(r.latencies, 95) };
}

/**
 * The machine's ceiling for any bot that does what the issue asks: grammY with the runner, in a
 * process of its own like the real bot, answering each question with `statements` trivial
 * database round trips, `llmCalls` calls to the same instant fake model and one message with
 * buttons, through the same emulator, with no search at all. What the real bot does costs on
 * top of this.
 */
export async function runFloorBench(o: Omit<BotBenchOptions, 'experiences'>, statements: number, llmCalls: number): Promise<BotBenchRow[]> {
  const users = Array.from({ length: Math.max(o.members, 500) }, (_, i): EmulatedUser => ({ id: 8_000_000 + i, first_name: `Floor${i}` }));
  const base = { database: o.database, experiences: 0, llm: llmCalls > 0 ? 'fake' : 'none' };
  const load = `floor: ${statements} statements, ${llmCalls} model calls`;
  return withBot(
    { ...o, experiences: 0 },
    { kind: 'floor', statements, llmCalls },
    () => {},
    async ({ ask, cpuSinceLast, startProfile }) => {
      const measured = measuredWith(o.database, cpuSinceLast);
      for (let i = 0; i < users.length; i += o.members) await closedLoop(ask, users.slice(i, i + o.members), ['warm-up'], 1);
      await startProfile();
      await cpuSinceLast();
      const closed = await closedLoop(ask, users.slice(0, o.members), ['a question'], o.questionsPerMember);
      const rows: BotBenchRow[] = [{ ...base, load: `${load}, ${o.members} back to back`, ...(await measured(closed)) }];
      for (const rate of o.rates) {
        await cpuSinceLast();
        rows.push({ ...base, load: `${load}, open loop`, offered: rate, ...(await measured(await openLoop(ask, users, ['a question'], rate, o.seconds))) });
      }
      return rows;
    },
  );
}

export function botBenchTable(rows: BotBenchRow[]): string[] {
  return [
    '| database | experiences | LLM | load | offered/s | answered | answered/s | p50 (ms) | p95 (ms) | CPU ms/question: bot | PostgreSQL | fakes | bot peak RSS (MB) | statements/question | model calls/question |',
    '| --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.experiences} | ${r.llm} | ${r.load} | ${r.offered ?? '–'} | ${r.answered} | ${r.perSecond.toFixed(1)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.botCpuMs?.toFixed(1) ?? '–'} | ${r.dbCpuMs?.toFixed(1) ?? '–'} | ${r.harnessCpuMs?.toFixed(1) ?? '–'} | ${r.rssMb.toFixed(0)} | ${r.statementsPerQuestion?.toFixed(2) ?? '–'} | ${r.modelCallsPerQuestion?.toFixed(2) ?? '–'} |`,
    ),
  ];
}

/** Which statements the bot sent per answered question, most frequent first (`--statements`). */
export function statementTable(row: BotBenchRow): string[] {
  const counts = Object.entries(row.statements ?? {}).sort((a, b) => b[1] - a[1]);
  return [
    `${row.database}, ${row.load}${row.offered ? ` at ${row.offered}/s` : ''}: ${row.statementsPerQuestion?.toFixed(2) ?? '–'} statements per answered question`,
    '',
    '| per question | statement |',
    '| ---: | --- |',
    ...counts.map(([sql, n]) => `| ${(n / row.answered).toFixed(2)} | \`${sql.replaceAll('|', '\\|')}\` |`),
  ];
}

/** Floors measured: nothing; the round trips alone; round trips and the two model calls. */
export const FLOORS = [
  [0, 0],
  [6, 0],
  [6, 2],
] as const;

/** A model writing about 120 words at about 30 tokens a second: some 4 s, as a real one answering a member. */
const STREAMED_WORDS = Array.from(
  { length: 120 },
  (_, i) => `${['Pay', 'through', 'a', 'licensed', 'exchange', 'house', 'and', 'keep', 'the', 'receipt'][i % 10]}${i % 10 === 9 ? '. ' : ' '}`,
);
export const STREAMED_ANSWER = { chunks: STREAMED_WORDS, everyMs: 33 } as const;

export interface StreamBenchRow {
  database: string;
  experiences: number;
  answered: number;
  firstWordsP50: number;
  firstWordsP95: number;
  fullP50: number;
  fullP95: number;
}

/**
 * Streamed answers: `members` members asking back to back while the fake model writes each
 * answer a token at a time (STREAMED_ANSWER): how long until a member sees the first words (the
 * draft), and until the full answer with its buttons replaces it.
 */
export async function runStreamBench(o: Omit<BotBenchOptions, 'llm' | 'rates' | 'seconds'>, log: (line: string) => void = () => {}): Promise<StreamBenchRow> {
  const texts = loadEvalSet(o.dir).questions.map((q) => q.text);
  const users = Array.from({ length: o.members }, (_, i): EmulatedUser => ({ id: 9_500_000 + i, first_name: `Stream${i}`, language_code: 'en' }));
  return withBot({ ...o, llm: 'stream', rates: [], seconds: 0 }, { kind: 'bot' }, log, async ({ ask, firstWords, startProfile }) => {
    await closedLoop(ask, users, texts, 1);
    firstWords.length = 0;
    await startProfile();
    const { latencies } = await closedLoop(ask, users, texts, o.questionsPerMember);
    return {
      database: o.database,
      experiences: o.experiences,
      answered: latencies.length,
      firstWordsP50: percentile(firstWords, 50),
      firstWordsP95: percentile(firstWords, 95),
      fullP50: percentile(latencies, 50),
      fullP95: percentile(latencies, 95),
    };
  });
}

export function streamBenchTable(rows: StreamBenchRow[]): string[] {
  const model = `${STREAMED_ANSWER.chunks.length} tokens, one every ${STREAMED_ANSWER.everyMs} ms`;
  return [
    `| database | experiences | model (fake, streamed) | answered | first words p50 (ms) | p95 | full answer p50 (ms) | p95 |`,
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.experiences} | ${model} | ${r.answered} | ${r.firstWordsP50.toFixed(0)} | ${r.firstWordsP95.toFixed(0)} | ${r.fullP50.toFixed(0)} | ${r.fullP95.toFixed(0)} |`,
    ),
  ];
}

export const DEFAULT_BOT_BENCH = { experiences: 10_000, members: 50, questionsPerMember: 40, rates: [10, 25, 50, 100, 200, 300], seconds: 8 } as const;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      experiences: { type: 'string', default: String(DEFAULT_BOT_BENCH.experiences) },
      members: { type: 'string', default: String(DEFAULT_BOT_BENCH.members) },
      questions: { type: 'string', default: String(DEFAULT_BOT_BENCH.questionsPerMember) },
      rates: { type: 'string', default: DEFAULT_BOT_BENCH.rates.join(',') },
      seconds: { type: 'string', default: String(DEFAULT_BOT_BENCH.seconds) },
      llm: { type: 'string', default: 'fake' },
      databases: { type: 'string', default: 'pglite,postgres' },
      floor: { type: 'boolean', default: false },
      statements: { type: 'boolean', default: false },
      profile: { type: 'string' },
      'search-index': { type: 'string', default: 'memory' },
      dir: { type: 'string', default: '../shared/eval/dev' },
      'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    },
  });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const err = (line: string) => process.stderr.write(`${line}\n`);
  const rows: BotBenchRow[] = [];
  const streamRows: StreamBenchRow[] = [];
  const rates = values.rates
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  for (const database of values.databases.split(',').filter(Boolean) as BotBenchOptions['database'][]) {
    const common = { database, members: Number(values.members), questionsPerMember: Number(values.questions), postgresUrl: values['postgres-url'] };
    try {
      if (values.llm === 'stream') {
        streamRows.push(
          await runStreamBench(
            { ...common, experiences: Number(values.experiences), dir: values.dir, ...(values.profile ? { profileDir: values.profile } : {}) },
            err,
          ),
        );
        continue;
      }
      const options = {
        ...common,
        llm: values.llm === 'offline' ? ('offline' as const) : ('fake' as const),
        dir: values.dir,
        ...(values.profile ? { profileDir: values.profile } : {}),
      };
      const timed = { ...options, rates, seconds: Number(values.seconds) };
      if (values.floor)
        for (const [statements, llmCalls] of FLOORS)
          rows.push(...(await runFloorBench({ ...timed, rates: statements > 0 && llmCalls > 0 ? rates : [] }, statements, llmCalls)));
      rows.push(
        ...(await runBotBench(
          { ...timed, experiences: Number(values.experiences), searchIndex: values['search-index'] === 'database' ? 'database' : 'memory' },
          err,
        )),
      );
    } catch (e) {
      out(`${database}: skipped (${(e as Error).message})`);
    }
  }
  if (values.llm === 'stream') {
    out('\n### Bot: streamed answers, members asking back to back\n');
    for (const line of streamBenchTable(streamRows)) out(line);
  } else {
    out('\n### Bot: members asking through the Bot API emulator\n');
    for (const line of botBenchTable(rows)) out(line);
    if (values.statements) for (const row of rows.filter((r) => r.statements)) out(['', ...statementTable(row)].join('\n'));
  }
}
