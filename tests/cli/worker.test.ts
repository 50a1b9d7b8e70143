import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startBotApiEmulator } from '../../src/emulator/index.ts';
import { parseTelegramHtml } from '../../src/emulator/telegram-html.ts';
import { openPglite } from '../../src/db/pglite.ts';
import { createTranslator } from '../../src/i18n.ts';
import { createNotifier } from '../../src/jobs/notify.ts';
import { spawnProgram } from '../helpers/bot-process.ts';
import { freshDataDir } from '../helpers/db.ts';
import { CANARY, CANARY_SECRETS } from '../helpers/log-canaries.ts';
import { plain } from '../helpers/telegram.ts';

const dataDir = freshDataDir();
// Distinctive, so that a log line holding it holds it because it logged the member.
const TELEGRAM_ID = 7_123_458_001;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('`sme-bridge worker`', () => {
  it("sends the messages queued while no bot ran, in the member's language, and on SIGTERM exits 0", async () => {
    const db = await openPglite(dataDir);
    const [member] = await db.query<{ id: number }>("INSERT INTO members (telegram_id, name, language) VALUES ($1, 'Li', 'zh') RETURNING id::int", [
      TELEGRAM_ID,
    ]);
    await createNotifier(db).notify({ memberId: member!.id }, 'notify-experience-published', { title: 'Saffron' });
    await db.close();

    const emulator = await startBotApiEmulator({ token: CANARY.botToken });
    const worker = spawnProgram(['worker'], { BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: dataDir, LOG_LEVEL: 'trace' });
    const sent = () => emulator.state.messages(TELEGRAM_ID).filter((m) => m.from === 'bot');
    try {
      const deadline = Date.now() + 120_000;
      while (sent().length === 0) {
        if (Date.now() > deadline || worker.child.exitCode !== null) throw new Error(`no message sent:\n${worker.stderr()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const expected = plain(parseTelegramHtml(createTranslator().t('zh', 'notify-experience-published', { title: 'Saffron' })));
      expect(plain(sent()[0]!.text)).toBe(expected);
      worker.kill('SIGTERM');
      expect(await worker.exited, worker.stderr()).toBe(0);
      expect(sent()).toHaveLength(1);
      // It polled no updates: answering members is `start`'s work.
      expect(emulator.state.calls.some((c) => c.method === 'getUpdates')).toBe(false);
      // Its logs, down to trace, name neither the token nor the member.
      for (const leak of [...CANARY_SECRETS, String(TELEGRAM_ID)]) expect(worker.stderr()).not.toContain(leak);
    } finally {
      worker.kill('SIGKILL');
      await emulator.close();
    }
  }, 180_000);
});
