import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberLogName } from '../../src/log.ts';
import { anExperience } from '../helpers/experiences.ts';
import { TelegramTest } from '../helpers/telegram.ts';

const lines: Record<string, unknown>[] = [];
let raw = '';
const logs = new Writable({
  write(chunk: Buffer, _enc, done) {
    raw += chunk.toString('utf8');
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

// Distinctive enough that any log line holding one of them holds it because it logged the member.
const person = { id: 7_123_456_789, first_name: 'Shirin', last_name: 'Canarypour', username: 'shirin_canary', language_code: 'en' };

describe('who a log line is about', () => {
  let tg: TelegramTest;
  beforeAll(async () => {
    tg = await TelegramTest.start({ experiences: [anExperience()], env: { LOG_LEVEL: 'trace' }, logDestination: logs });
  });
  afterAll(() => tg?.stop());

  it('a member is named by a keyed hash, never by id, name or username, and /forget leaves the hash leading to no one', async () => {
    const member = tg.member(person);
    await member.says('/start');
    await member.says('How do I pay a Chinese supplier through an exchange house?');
    await member.presses(tg.text('en', 'bot-button-helpful'));
    await member.says('/my');

    const name = await member.logName();
    expect(name).toMatch(/^[0-9a-f]{12}$/);
    const about = lines.filter((l) => l.member === name);
    expect(about.map((l) => l.msg)).toContainEqual(expect.stringMatching(/^question answered/));

    await member.says('/forget');
    await member.presses(tg.text('en', 'forget-button-erase'));
    expect(member.lastReply?.text).toBe(tg.text('en', 'forget-done-delete'));

    // The key went with the member: no key left in the database names this person `name`.
    const keys = await tg.db.query<{ log_key: string }>('SELECT log_key FROM members');
    expect(keys.map((k) => memberLogName(k.log_key, person.id))).not.toContain(name);
    // Coming back, they are a new member with a new name in the logs.
    await member.says('/start');
    const again = await member.logName();
    expect(again).toBeDefined();
    expect(again).not.toBe(name);

    for (const leak of [String(person.id), person.last_name, person.username]) expect(raw).not.toContain(leak);
  });
});
