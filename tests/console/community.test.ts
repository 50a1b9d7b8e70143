import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_USER_ID } from '../../src/console/console-config.ts';
import { testDatabases } from '../helpers/db.ts';
import { consoleHarness, shown as t } from './support.ts';

const ANSWER =
  'Fresh Iranian pomegranates are not on China’s list of approved fruit imports yet, so Shanghai customs turned back our trial reefer. We now ship frozen arils and paste, which clear as processed food with a health certificate.';

describe.each(testDatabases())('the community loop in the console chat, on $name', ({ open }) => {
  const { openApp, startConsole } = consoleHarness(open);

  it('ships one open question, posted in the members’ group and the staff chat; answered from the group’s button, it reaches the asker and the review', async () => {
    const a = await openApp();
    const demo = JSON.parse(readFileSync(join(a.assetsDir, 'demo-open-question.json'), 'utf8')) as { asker: { name: string }; question: { text: string } };
    const question = demo.question.text;
    const group = t(a, 'en', 'console-members-chat-title');
    const staff = t(a, 'en', 'console-staff-chat-title');
    const asker = t(a, 'en', 'console-asker-chat', { name: demo.asker.name });
    const post = t(a, 'en', 'community-question-post', { question, language: 'en' });
    const { term, running } = startConsole(a, 'en');

    // The first start shows both posts, under their chats' names and without the asker's, before saying in one line what to do.
    await term.waitFor((out) => out.includes(t(a, 'en', 'console-telegram-hint')));
    expect(term.text).toContain(`[${staff}]\n${post}`);
    expect(term.text).toContain(`[${group}]\n${post}`);
    expect(term.text.indexOf(`[${group}]\n${post}`)).toBeLessThan(term.text.indexOf(t(a, 'en', 'console-seeded-open-question', { chat: group })));
    expect(term.text).toContain(t(a, 'en', 'console-group-hint', { chat: group }));
    expect(term.text).not.toContain(demo.asker.name);

    // In the group, its latest post is shown again, with the deep link numbered like any button.
    let mark = term.type('/in group');
    const inGroup = await term.waitFor((out) => out.includes(`[1] ${t(a, 'en', 'community-button-can-answer')}`), mark);
    expect(inGroup).toContain(t(a, 'en', 'console-in-group', { chat: group }));
    expect(inGroup).toContain(`[${group}]\n${post}`);

    // Pressing it opens the private chat with /start oq_<id>, as Telegram does.
    mark = term.type('1');
    const opened = await term.waitFor((out) => out.includes(t(a, 'en', 'community-answer-prompt', { question })), mark);
    expect(opened).toContain(t(a, 'en', 'console-link-opened'));
    expect(opened).not.toContain(`[${group}]`);
    mark = term.type(ANSWER);
    // The local member's profile has no country: asked where the company is, as /share asks.
    await term.waitFor((out) => out.includes(`[2] ${t(a, 'en', 'country-CN')}`), mark);
    mark = term.type('IR');
    await term.waitFor((out) => out.includes(`[2] ${t(a, 'en', 'community-answer-button-anonymous')}`), mark);
    mark = term.type('1');
    // The asker reads it in Persian, the answer as written with a note of its language, the answerer named as they agreed.
    const received = t(a, 'fa', 'community-answer-received-named', { question, answer: ANSWER, language: 'en', translated: 'no', who: 'Console Member' });
    const delivered = await term.waitFor((out) => out.includes(`[${asker}]\n${received}`), mark);
    expect(delivered).toContain(t(a, 'en', 'community-answer-sent'));
    // And it is a contribution in review: its card in the staff chat.
    await term.waitFor((out) => out.split(`[${staff}]\n`).some((m) => m.includes(t(a, 'en', 'curation-status-pending')) && m.includes(ANSWER)), mark);
    const [mine] = await a.db.query<{ status: string; country: string }>(
      `SELECT e.status, e.country FROM experiences e JOIN members m ON m.id = e.contributor_member_id WHERE m.telegram_id = $1`,
      [LOCAL_USER_ID],
    );
    expect(mine).toEqual({ status: 'pending', country: 'IR' });

    // The asker's buttons are shown, not numbered: a number is never pressed as someone else. 1 is the review card's Approve.
    expect(delivered).toContain(`  ${t(a, 'fa', 'bot-button-helpful')}   ${t(a, 'fa', 'bot-button-not-helpful')}`);
    mark = term.type('1');
    await term.waitFor((out) => out.includes(`  » ${t(a, 'en', 'curation-approved')}`), mark);
    expect(
      await a.db.query(`SELECT status FROM experiences e JOIN members m ON m.id = e.contributor_member_id WHERE m.telegram_id = $1`, [LOCAL_USER_ID]),
    ).toEqual([{ status: 'published' }]);
    // Only the asker's 👍 settles the question.
    expect(await a.db.query(`SELECT status FROM open_questions`)).toEqual([{ status: 'open' }]);
    term.type('/quit');
    await running;

    // The next start on the same database has no new demo question to announce.
    const again = startConsole(a, 'en');
    await again.term.waitFor((out) => out.includes(t(a, 'en', 'console-telegram-hint')));
    expect(again.term.text).not.toContain(t(a, 'en', 'console-seeded-open-question', { chat: group }));
    expect(await a.db.query(`SELECT id FROM open_questions`)).toHaveLength(1);
    // But its post is still in the group, as Telegram keeps a chat, with its button.
    mark = again.term.type('/in group');
    const back = await again.term.waitFor((out) => out.includes(`[1] ${t(a, 'en', 'community-button-can-answer')}`), mark);
    expect(back).toContain(`[${group}]\n${post}`);
    again.term.type('/quit');
    await again.running;
  });
});
