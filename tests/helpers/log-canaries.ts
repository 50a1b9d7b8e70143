import { Writable } from 'node:stream';

/** Recognisable secrets a test gives the program, so that a leak of one is unmistakable in a log. */
export const CANARY = {
  botToken: '7000000001:CANARY-bot-token-9fQ2xLk7Vw',
  openAiKey: 'sk-CANARY-openai-key-4hT8mPq2Zr',
  webhookSecret: 'CANARY-webhook-secret-6nB3yHs1',
} as const;

/** Every canary, the token's secret part (after the bot id) on its own too. */
export const CANARY_SECRETS: readonly string[] = [...Object.values(CANARY), CANARY.botToken.split(':')[1]!];

const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

// A member's text this short, or a command, may occur in a log line by chance ("/start", "Iran").
const isDistinctive = (text: string) => !text.startsWith('/') && (text.length >= 8 || /[^\x00-\x7f]{2}/.test(text));

/**
 * Where a test's application logs go: every line, at trace level, is checked against the
 * secrets and the texts members sent; a line holding one is a leak, kept for `assertClean`.
 * Lines at or above `level` are passed on to `forward` (a test's own reader, or stderr when
 * TEST_LOG_LEVEL asks to see them).
 */
export class LogCanaries {
  readonly stream: Writable;
  readonly leaks: string[] = [];
  private readonly watched = new Set<string>();
  private pending = '';

  constructor(secrets: readonly string[], options: { level?: string; forward?: NodeJS.WritableStream } = {}) {
    for (const s of secrets) this.watch(s, true);
    const threshold = LEVELS[options.level ?? 'silent'] ?? Infinity;
    this.stream = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        const lines = (this.pending + chunk.toString('utf8')).split('\n');
        this.pending = lines.pop() ?? '';
        for (const line of lines) {
          if (line === '') continue;
          this.check(line);
          if (options.forward && levelOf(line) >= threshold) options.forward.write(`${line}\n`);
        }
        done();
      },
    });
  }

  /** Something no log line may contain from now on (a member's message; `always` for a secret, however short). */
  watch(text: string, always = false): void {
    const t = text.trim();
    if (!always && !isDistinctive(t)) return;
    if (t === '') return;
    this.watched.add(t);
    // How a text with quotes, backslashes or newlines looks inside a JSON string.
    this.watched.add(JSON.stringify(t).slice(1, -1));
  }

  private check(line: string): void {
    for (const w of this.watched) {
      if (line.includes(w)) this.leaks.push(`${line.slice(0, 600)}\n  ← contains ${JSON.stringify(w)}`);
    }
  }

  /** Throws when a line logged so far held a secret or a member's text. */
  assertClean(): void {
    if (this.leaks.length === 0) return;
    const leaks = this.leaks.splice(0);
    throw new Error(`the logs leaked a secret or a member's text:\n${leaks.join('\n')}`);
  }
}

function levelOf(line: string): number {
  const m = /"level":(\d+)/.exec(line);
  return m ? Number(m[1]) : Infinity;
}
