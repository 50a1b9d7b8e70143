import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.ts';
import { startBotApiEmulator } from '../../src/emulator/index.ts';
import { createTranslator, DEFAULT_LOCALES_DIR } from '../../src/i18n.ts';
import { freePort, spawnProgram, until } from '../helpers/bot-process.ts';
import { freshDataDir } from '../helpers/db.ts';
import { plain } from '../helpers/telegram.ts';
import { CANARY } from '../helpers/log-canaries.ts';
import { postUpdate, privateMessageUpdate } from '../helpers/webhook.ts';

// A distinctive Telegram id: were it logged anywhere, the scan below would find it.
const user = { id: 7_123_456_789, first_name: 'Shirin', last_name: 'Canarypour', language_code: 'en' };

const dataDir = freshDataDir();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('`sme-bridge start` in webhook mode, when the database fails before any feature runs', () => {
  it('the member gets the apology, Telegram is told to send the update again, and stderr holds only JSON lines with no secret, text or id', async () => {
    const emulator = await startBotApiEmulator({ token: CANARY.botToken });
    const port = await freePort();
    const bot = spawnProgram(['start'], {
      BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      WEBHOOK_URL: 'https://bot.example.org/telegram/hook',
      WEBHOOK_SECRET: CANARY.webhookSecret,
      // A model server nobody listens on: questions are answered offline, and the key is a canary.
      OPENAI_API_KEY: CANARY.openAiKey,
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'trace',
    });
    const post = (body: object) => postUpdate(`http://127.0.0.1:${port}/telegram/hook`, body, CANARY.webhookSecret);
    const botReplies = () => emulator.state.messages(user.id).filter((m) => m.from === 'bot');
    // The bot holds the embedded database and serves it to other processes: this test is one.
    const renameClaims = async (from: string, to: string) => {
      const db = await openDatabase({ kind: 'pglite', dataDir }, { migrateSchema: false });
      try {
        await db.exec(`ALTER TABLE ${from} RENAME TO ${to}`);
      } finally {
        await db.close();
      }
    };
    const question = 'How do I pay my supplier in Yiwu without a letter of credit?';
    const lostQuestion = 'Which customs broker in Bandar Abbas handles saffron exports?';
    try {
      await until(() => emulator.state.calls.some((c) => c.method === 'setWebhook'), 150_000, 'the bot to register its webhook');
      expect((await post(privateMessageUpdate(user, 1, question))).status).toBe(200);
      // The answer goes out through the outbox, just after the call is answered.
      await until(() => botReplies().length === 1, 30_000, 'the answer');

      await renameClaims('processed_updates', 'processed_updates_away');
      try {
        const failed = await post(privateMessageUpdate(user, 2, lostQuestion));
        expect(failed.ok).toBe(false);
        expect(await failed.text()).not.toContain('processed_updates');
        const [, apology] = botReplies();
        expect(plain(apology?.text ?? '')).toBe(plain(createTranslator(DEFAULT_LOCALES_DIR).t('en', 'bot-error-apology')));
      } finally {
        await renameClaims('processed_updates_away', 'processed_updates');
      }

      bot.kill('SIGTERM');
      const code = await Promise.race([bot.exited, new Promise((r) => setTimeout(() => r('still running'), 30_000))]);
      expect(code, bot.stderr()).toBe(0);
    } finally {
      bot.kill('SIGKILL');
      await emulator.close();
    }

    const stderr = bot.stderr();
    const lines = stderr.split('\n').filter((l) => l.trim() !== '');
    const notJson = lines.filter((l) => {
      try {
        JSON.parse(l);
        return false;
      } catch {
        return true;
      }
    });
    expect(notJson).toEqual([]);
    const failure = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'update failed before reaching a feature');
    expect(failure).toMatchObject({ update_id: 2 });
    expect(JSON.stringify(failure)).toContain('relation \\"processed_updates\\" does not exist');
    const secretPart = CANARY.botToken.split(':')[1]!;
    for (const leak of [secretPart, CANARY.openAiKey, CANARY.webhookSecret, question, lostQuestion, String(user.id), user.last_name]) {
      expect(stderr, `stderr holds ${leak}`).not.toContain(leak);
    }
  }, 240_000);
});
