import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callback, flag, id, MAX_CALLBACK_BYTES } from '../../src/bot/callback-data.ts';
import { CALLBACKS, FEEDBACK, PROFILE_COUNTRY, SHARE_EDIT, STORY, STORY_FOR } from '../../src/bot/callbacks.ts';
import { conversationKeyOf } from '../../src/bot/conversation-key.ts';
import { anExperience } from '../helpers/experiences.ts';
import { plain, pressForged, TelegramTest, type TestMember } from '../helpers/telegram.ts';

describe('the callback data registry', () => {
  it.each(CALLBACKS.map((c) => [c.tag, c] as const))('%s: its longest data fits Telegram’s 64 bytes', (_tag, codec) => {
    expect(Buffer.byteLength(codec.longest(), 'utf8')).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
  });

  it('reads back what it wrote, and refuses data of another version or a forged layout', () => {
    expect(FEEDBACK.decode(FEEDBACK.encode({ questionId: 12, helpful: false }))).toEqual({ questionId: 12, helpful: false });
    expect(PROFILE_COUNTRY.decode(PROFILE_COUNTRY.encode({ country: null }))).toEqual({ country: null });
    expect(SHARE_EDIT.decode('share:edit:back')).toEqual({ field: 'back' });
    // A story button sent before buttons said the answer's language still opens, in the member's.
    expect(STORY.decode('story:12')).toEqual({ experienceId: 12 });
    expect(STORY_FOR.decode('story:12')).toBeUndefined();
    expect(STORY_FOR.decode(STORY_FOR.encode({ experienceId: 12, reader: 'zh-hant' }))).toEqual({ experienceId: 12, reader: 'zh-hant' });
    // A changed layout gets a new version: the old buttons no longer decode, nor the new ones with the old code.
    const feedbackV2 = callback('fb', { questionId: id, helpful: flag, rating: id }, 2);
    expect(feedbackV2.encode({ questionId: 12, helpful: true, rating: 5 })).toBe('v2:fb:12:1:5');
    expect(feedbackV2.decode('fb:12:1')).toBeUndefined();
    expect(FEEDBACK.decode('v2:fb:12:1:5')).toBeUndefined();
    for (const forged of [
      'fb:12:2',
      'fb:12',
      'fb:12:1:1',
      'fb:-3:1',
      'fb:99999999999999999999:1',
      'fbx:12:1',
      'profile:country:<b>',
      'share:edit:everything',
      'story:12:de',
      'story:12:zh:1',
    ]) {
      expect(
        CALLBACKS.map((c) => c.decode(forged)).filter((v) => v !== undefined),
        forged,
      ).toEqual([]);
    }
  });
});

describe('conversation keys', () => {
  it('are one per chat in private (as stored so far) and one per member in a group', () => {
    expect(conversationKeyOf({ id: 1001, type: 'private' }, 1001)).toBe('1001');
    const group = { id: -100_555, type: 'supergroup' };
    expect(conversationKeyOf(group, 1001)).toBe('-100555:1001');
    expect(conversationKeyOf(group, 1002)).not.toBe(conversationKeyOf(group, 1001));
  });
});

describe('a press on a button the bot does not know', () => {
  const logged: Record<string, unknown>[] = [];
  const logs = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logged.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  let tg: TelegramTest;
  beforeAll(async () => {
    tg = await TelegramTest.start({ experiences: [anExperience()], env: { LOG_LEVEL: 'warn' }, logDestination: logs });
  });
  afterAll(() => tg?.stop());

  describe.each(['fa', 'zh', 'en'] as const)('in %s', (language) => {
    it('is refused with a short notice and logged, and changes nothing', async () => {
      const member = tg.member({ language_code: language });
      await member.says('How do I pay a Chinese supplier through an exchange house?');
      const [{ id: questionId }] = (await tg.db.query<{ id: string }>(
        'SELECT q.id FROM questions q JOIN members m ON m.id = q.member_id WHERE m.telegram_id = $1',
        [member.user.id],
      )) as [{ id: string }];
      const sent = member.history.length;
      const name = await member.logName();
      for (const data of [`v2:fb:${questionId}:1`, `fb:${questionId}:7`, 'lang:de']) {
        expect(await pressForged(tg, member, data)).toEqual([tg.text(language, 'bot-button-invalid')]);
        // Named by the member's log name and the data's size: neither their id nor the data is written.
        const refusals = logged.filter((l) => l.member === name && l.data_bytes === Buffer.byteLength(data) && String(l.msg).includes('refused'));
        expect(refusals).toHaveLength(1);
      }
      expect(member.history).toHaveLength(sent);
      expect(await tg.db.query('SELECT 1 FROM feedback WHERE question_id = $1', [questionId])).toEqual([]);
      const [row] = await tg.db.query<{ language: string | null }>('SELECT language FROM members WHERE telegram_id = $1', [member.user.id]);
      expect(row!.language).toBeNull();
    });
  });
});
