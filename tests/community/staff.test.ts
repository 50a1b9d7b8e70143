import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { register as registerAudit } from '../../src/cli/audit.ts';
import type { CliContext } from '../../src/cli/context.ts';
import { loadConfig } from '../../src/config.ts';
import { cliContext } from '../../src/main.ts';
import type { Db } from '../../src/db/db.ts';
import { memoryLogger } from '../ai/support.ts';
import { testDatabases } from '../helpers/db.ts';

describe.each(testDatabases())('staff roles and the audit log on $name', ({ open }) => {
  let db: Db;
  let app: App;
  beforeAll(async () => {
    db = await open();
    app = await createApp(loadConfig({ LOG_LEVEL: 'silent' }), { db, logger: memoryLogger().logger });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const role = async (telegramId: number) => (await app.community.members.getByTelegramId(telegramId))?.role;

  /** `sme-bridge audit …` in process, against this database. */
  async function audit(...argv: string[]): Promise<{ code: number; out: string[]; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const ctx: CliContext = {
      ...cliContext(),
      loadConfig: () => loadConfig({ LOG_LEVEL: 'silent' }),
      openApp: (config) => createApp(config, { db, logger: memoryLogger().logger }),
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    };
    const program = new Command('sme-bridge').exitOverride().configureOutput({ writeErr: (s) => err.push(s), writeOut: (s) => out.push(s) });
    registerAudit(program, ctx);
    try {
      await program.parseAsync(argv, { from: 'user' });
      return { code: 0, out, err: err.join('\n') };
    } catch (error) {
      if (error instanceof CommanderError) return { code: error.exitCode, out, err: err.join('\n') };
      if (error instanceof Error && error.name === 'UserError') return { code: 2, out, err: error.message };
      throw error;
    }
  }

  it('ADMIN_IDS makes exactly its members admins at each start; an admin no longer listed becomes a member', async () => {
    expect(await app.community.staff.applyAdminIds([111, 222])).toEqual({ promoted: 2, demoted: 0 });
    expect([await role(111), await role(222)]).toEqual(['admin', 'admin']);
    // The same list again changes nothing, and writes nothing to the audit log.
    expect(await app.community.staff.applyAdminIds([111, 222])).toEqual({ promoted: 0, demoted: 0 });
    expect(await app.community.staff.setRole({ actorTelegramId: 222, targetTelegramId: 333, role: 'curator' })).toMatchObject({
      kind: 'done',
      before: 'member',
    });
    expect(await app.community.staff.applyAdminIds([222])).toEqual({ promoted: 0, demoted: 1 });
    expect([await role(111), await role(222), await role(333)]).toEqual(['member', 'admin', 'curator']);
    // A former admin can no longer change the staff.
    expect(await app.community.staff.setRole({ actorTelegramId: 111, targetTelegramId: 333, role: 'member' })).toEqual({ kind: 'forbidden' });
    expect(await role(333)).toBe('curator');
  });

  it('`sme-bridge audit --json` prints one object per entry: at, actor_telegram_id, action, subject, before, after', async () => {
    const result = await audit('audit', '--json');
    expect(result.code, result.err).toBe(0);
    const rows = result.out.map((line) => JSON.parse(line) as Record<string, unknown>);
    const ids = new Map(await Promise.all([111, 222, 333].map(async (t) => [(await app.community.members.getByTelegramId(t))!.id, t] as const)));
    expect(rows.map((r) => [r.actor_telegram_id, r.action, ids.get(Number(String(r.subject).split(':')[1])), r.before, r.after])).toEqual([
      [null, 'member.set-role', 111, { role: 'member' }, { role: 'admin' }],
      [null, 'member.set-role', 222, { role: 'member' }, { role: 'admin' }],
      [222, 'member.set-role', 333, { role: 'member' }, { role: 'curator' }],
      [null, 'member.set-role', 111, { role: 'admin' }, { role: 'member' }],
    ]);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['at', 'actor_telegram_id', 'action', 'subject', 'before', 'after']);
      expect(new Date(String(row.at)).toISOString()).toBe(row.at);
    }
    const text = await audit('audit');
    expect(text.out).toHaveLength(4);
    expect(text.out[2]).toContain('telegram:222  member.set-role');

    expect((await audit('audit', '--since', '2999-01-01')).out).toEqual(['No audit entries since 2999-01-01T00:00:00.000Z']);
    const bad = await audit('audit', '--since', 'last tuesday');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--since: "last tuesday" is not a date');
  });
});
