import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { CONSOLE_MEMBERS_CHAT_ID, LOCAL_USER_ID } from '../../src/console/console-config.ts';
import { testDatabases } from '../helpers/db.ts';
import { consoleHarness, shown as t, type FakeTerminal } from './support.ts';

// Questions the demo knowledge base answers offline (the first one's answer cites an experience).
const CIFER = 'How can our date packing workshop get registered in the CIFER system of China customs?';
const FOLLOW_UP = 'And how long does that registration take?';
const TIP =
  'We stopped shipping fresh pomegranates to China: frozen arils and pomegranate paste clear Shanghai customs as processed food with a health certificate from the Iranian veterinary office.';

/** The questions logged in a chat, oldest first, with the one each followed up. */
const questionsIn = (a: App, chatId: number) =>
  a.db.query<{ id: string; text: string; follow_up_of: string | null }>(
    'SELECT id::text, text, follow_up_of::text FROM questions WHERE chat_id = $1 ORDER BY id',
    [chatId],
  );

/** The start of one line of `/reply`'s list (the message's own text left out). */
const entry = (a: App, number: number, who: string, to?: number) =>
  t(a, 'en', to === undefined ? 'console-reply-entry' : 'console-reply-entry-reply', {
    ref: `#${number}`,
    who,
    text: '',
    ...(to ? { to: `#${to}` } : {}),
  });

/** Waits for the next message the bot posts in the members' group after `mark`. */
const groupPost = (a: App, term: FakeTerminal, mark: number) => term.waitFor((out) => out.includes(`[${t(a, 'en', 'console-members-chat-title')}]\n`), mark);

describe.each(testDatabases())('replying in the console chat, on $name', ({ open }) => {
  const { openApp, startConsole } = consoleHarness(open);

  it('a reply to the bot’s answer in the members’ group is answered there, as a reply, as a follow-up of the question', async () => {
    const a = await openApp();
    const { term } = startConsole(a, 'en');
    await term.waitFor((out) => out.includes(t(a, 'en', 'console-telegram-hint')));
    // The first start says how to reply.
    expect(term.text).toContain(t(a, 'en', 'console-banner'));

    let mark = term.type('/in group');
    const inGroup = await term.waitFor((out) => out.includes(t(a, 'en', 'community-button-can-answer')), mark);
    expect(inGroup).toContain(t(a, 'en', 'console-in-group', { chat: t(a, 'en', 'console-members-chat-title') }));
    mark = term.type(`/ask ${CIFER}`);
    await groupPost(a, term, mark);
    mark = term.type(`> ${FOLLOW_UP}`);
    await groupPost(a, term, mark);

    const [first, followUp] = await questionsIn(a, CONSOLE_MEMBERS_CHAT_ID);
    expect(first?.text).toBe(CIFER);
    expect(followUp).toMatchObject({ text: FOLLOW_UP, follow_up_of: first!.id });

    // The group's messages: the demo question's post (#1), the /ask (#2), its answer (#3), the reply to it (#4) and the bot's reply to that (#5).
    mark = term.type('/reply');
    const listed = await term.waitFor((out) => out.includes(t(a, 'en', 'console-reply-list-hint')), mark);
    expect(listed).toContain(`${entry(a, 4, t(a, 'en', 'console-reply-you'), 3)}${FOLLOW_UP}`);
    expect(listed).toContain(entry(a, 5, 'SME Bridge', 4));
  });

  it('/save sent as a console reply in the group asks the author in their private chat, and the kept message reaches the staff’s review card', async () => {
    const a = await openApp();
    const { term } = startConsole(a, 'en');
    await term.waitFor((out) => out.includes(t(a, 'en', 'console-telegram-hint')));
    term.type('/in group');
    // A member's message, which the bot leaves alone, then /save as a reply to it.
    term.type(TIP);
    const mark = term.type('> /save');
    await term.waitFor((out) => out.includes(t(a, 'en', 'save-done-asked')), mark);
    // The question comes in the private chat, named as such while the member types in the group; its buttons are the ones numbered now.
    // (The console's member is named as Telegram names them, so may be credited.)
    const asked = await term.waitFor((out) => out.includes(`[2] ${t(a, 'en', 'save-consent-button-anonymous')}`), mark);
    expect(asked).toContain(`[1] ${t(a, 'en', 'save-consent-button-named', { who: 'Console Member' })}`);
    expect(asked).toContain(`[SME Bridge]\n`);
    expect(asked).toContain(TIP);
    const pressed = term.type('2');
    await term.waitFor((out) => out.includes(t(a, 'en', 'save-consent-anonymous')), pressed);
    const card = (out: string) =>
      out.split(`[${t(a, 'en', 'console-staff-chat-title')}]\n`).some((m) => m.includes(t(a, 'en', 'curation-status-pending')) && m.includes(TIP));
    await term.waitFor(card, pressed);

    const saved = await a.db.query(
      `SELECT e.status, e.source, s.state FROM saved_messages s JOIN experiences e ON e.id = s.experience_id
       JOIN members m ON m.id = s.author_member_id WHERE m.telegram_id = $1`,
      [LOCAL_USER_ID],
    );
    expect(saved).toEqual([{ status: 'pending', source: 'group', state: 'anonymous' }]);
  });

  it('in the private chat, /reply <number> asks a follow-up of an earlier answer; a reply to nothing says what to type', async () => {
    const a = await openApp();
    const { term } = startConsole(a, 'en');
    await term.waitFor((out) => out.includes(t(a, 'en', 'console-telegram-hint')));

    let mark = term.type('/reply');
    await term.waitFor((out) => out.includes(t(a, 'en', 'console-reply-nothing')), mark);
    mark = term.type('>');
    await term.waitFor((out) => out.includes(t(a, 'en', 'console-reply-usage')), mark);

    mark = term.type(CIFER);
    await term.waitFor((out) => out.includes('[1] '), mark);
    mark = term.type('How do we get paid on time by a new distributor in Mashhad?');
    await term.waitFor((out) => out.includes('[1] '), mark);
    mark = term.type('/reply 99 Hello?');
    await term.waitFor((out) => out.includes(t(a, 'en', 'console-reply-not-found', { ref: '#99' })), mark);

    // The list numbers the chat's messages: the first answer, which replies to the first question (#1), is the one to follow up.
    mark = term.type('/reply');
    const listed = await term.waitFor((out) => out.includes(t(a, 'en', 'console-reply-list-hint')), mark);
    const firstAnswer = [...Array(10).keys()].map((n) => n + 2).find((n) => listed.includes(entry(a, n, 'SME Bridge', 1)));
    expect(firstAnswer).toBeDefined();
    mark = term.type(`/reply ${firstAnswer} ${FOLLOW_UP}`);
    await term.waitFor((out) => out.includes('[1] ') || out.includes(t(a, 'en', 'answer-nothing-found')), mark);

    const questions = await questionsIn(a, LOCAL_USER_ID);
    expect(questions.map((q) => q.text)).toEqual([CIFER, 'How do we get paid on time by a new distributor in Mashhad?', FOLLOW_UP]);
    expect(questions[2]!.follow_up_of).toBe(questions[0]!.id);
  });
});
