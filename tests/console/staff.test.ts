import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/text/language.ts';
import { CONSOLE_STAFF_CHAT_ID, LOCAL_USER_ID } from '../../src/console/console-config.ts';
import { consoleHarness, shown as t } from './support.ts';

const { openApp, startConsole } = consoleHarness();

describe('curation in the console chat', () => {
  it('makes the local member an admin in the database, keeping the admins of ADMIN_IDS, and says how to reach the staff chat', async () => {
    const a = await openApp({ ADMIN_IDS: '424242' });
    const { term } = startConsole(a, 'fa');
    const title = t(a, 'fa', 'console-staff-chat-title');
    await term.waitFor((out) => out.includes(t(a, 'fa', 'console-staff-hint', { chat: title })));
    // Whoever reads the terminal gets it in English too.
    expect(term.text).toContain(t(a, 'en', 'console-staff-hint', { chat: title }));
    // (The demo's asker is a member too, an ordinary one.)
    const roles = await a.db.query<{ telegram_id: string; role: string }>(
      `SELECT telegram_id::text, role FROM members WHERE role <> 'member' ORDER BY members.telegram_id`,
    );
    expect(roles).toEqual([
      { telegram_id: '424242', role: 'admin' },
      { telegram_id: String(LOCAL_USER_ID), role: 'admin' },
    ]);
  });

  it('/in staff types in the staff group, whose messages print under its name; /in me goes back to the private chat', async () => {
    const a = await openApp();
    const { term } = startConsole(a, 'en');
    const staff = t(a, 'en', 'console-staff-chat-title');
    const label = `[${staff}]\n`;
    await term.waitFor((out) => out.includes(t(a, 'en', 'console-telegram-hint')));
    const help = t(a, 'en', 'bot-help').split('\n')[0]!;
    const staffHelp = t(a, 'en', 'curation-staff-chat-help', { language: t(a, 'en', 'curation-staff-chat-language-default') }).split('\n')[0]!;

    let mark = term.type('/in there');
    await term.waitFor((out) => out.includes(t(a, 'en', 'console-in-usage')), mark);

    mark = term.type('/in staff');
    await term.waitFor((out) => out.includes(t(a, 'en', 'console-in-staff', { chat: staff })), mark);
    // A command typed now is the staff group's: the bot answers there, and the answer carries the group's name.
    mark = term.type('/help');
    await term.waitFor((out) => out.includes(`${label}${staffHelp}`), mark);

    // What the bot posts to the staff chat on its own (review cards, digests) comes through the outbox the same way.
    mark = term.text.length;
    await a.notifier.notify({ chatId: CONSOLE_STAFF_CHAT_ID }, 'notify-experience-published', { title: 'Saffron samples' });
    await term.waitFor((out) => out.includes(`${label}${t(a, 'en', 'notify-experience-published', { title: 'Saffron samples' })}`), mark);
    // While the member types in the staff chat, a message in their private chat names that chat (the bot's) too.
    mark = term.text.length;
    await a.notifier.notify({ chatId: LOCAL_USER_ID }, 'notify-experience-published', { title: 'Date packing' });
    await term.waitFor((out) => out.includes(`[SME Bridge]\n${t(a, 'en', 'notify-experience-published', { title: 'Date packing' })}`), mark);

    mark = term.type('/in me');
    await term.waitFor((out) => out.includes(t(a, 'en', 'console-in-me')), mark);
    mark = term.type('/help');
    const privately = await term.waitFor((out) => out.includes(help), mark);
    expect(privately).not.toContain(label);
    expect(privately).not.toContain('[SME Bridge]');
  });

  it('ships three pending contributions, one in each language, one with an instruction to the assistant, which members never see', async () => {
    const a = await openApp();
    const { term } = startConsole(a, 'en');
    await term.waitFor((out) => out.includes(t(a, 'en', 'console-seeded-pending', { count: 3 })));
    const pending = await a.db.query<{ external_id: string; language: Language; title: string; solution: string }>(
      `SELECT e.external_id, e.language, x.title, x.solution FROM experiences e JOIN experience_texts x ON x.experience_id = e.id AND x.is_original
       WHERE e.status = 'pending' ORDER BY e.external_id`,
    );
    expect(pending.map((p) => p.language).sort()).toEqual(['en', 'fa', 'zh']);
    expect(pending.filter((p) => /ignore previous instructions/i.test(p.solution))).toHaveLength(1);

    // A member's questions aimed at each of them, in its language.
    const questions: Record<Language, string> = {
      fa: 'چطور نمونه زعفران را با پست سریع به گوانگجو بفرستیم که در گمرک نماند؟',
      zh: '伊朗客户要求发票低报货值，我们怎么拒绝？',
      en: 'How do we get paid on time by a new distributor in Mashhad?',
    };
    const ask = async (question: string, language: Language) => {
      const mark = term.type(question);
      return term.waitFor((out) => out.includes('[1] ') || out.includes(t(a, language, 'answer-nothing-found')), mark);
    };
    const titleStart = (title: string) => title.slice(0, 16);
    for (const p of pending) {
      const answer = await ask(questions[p.language], p.language);
      expect(answer, p.external_id).not.toContain(titleStart(p.title));
    }
    expect(term.text).not.toMatch(/Golden Bridge|ignore previous/i);
    for (const p of pending) {
      const mark = term.type(`/start exp_${p.external_id}`);
      await term.waitFor((out) => out.includes(t(a, 'en', 'bot-story-not-found')), mark);
    }

    // The same questions do find them once staff publish them: they were hidden, not missed.
    for (const p of pending) await a.experiences.setStatus((await a.experiences.getByExternalId(p.external_id))!.id, 'published');
    for (const p of pending) expect(await ask(questions[p.language], p.language), p.external_id).toContain(titleStart(p.title));
  });

  it('a curator who typed a rejection reason in the staff chat can leave it and come back: the latest card is shown again', async () => {
    const a = await openApp();
    const { term } = startConsole(a, 'en');
    await term.waitFor((out) => out.includes(t(a, 'en', 'console-telegram-hint')));
    term.type('/in staff');
    let mark = term.type('/review');
    await term.waitFor((out) => out.includes(`[4] ${t(a, 'en', 'curation-button-reject')}`), mark);
    mark = term.type('4');
    await term.waitFor((out) => out.includes(`[5] ${t(a, 'en', 'curation-reason-other')}`), mark);
    // The prompt for the reason asks for a reply (force_reply): it has no buttons to number.
    mark = term.type('5');
    await term.waitFor((out) => out.includes(t(a, 'en', 'curation-reason-type')), mark);
    mark = term.type('/cancel');
    await term.waitFor((out) => out.includes(t(a, 'en', 'curation-cancelled')), mark);
    mark = term.type('/review');
    await term.waitFor((out) => out.includes(`[4] ${t(a, 'en', 'curation-button-reject')}`), mark);
    term.type('/in me');
    mark = term.type('/in staff');
    const back = await term.waitFor((out) => out.includes(`[1] ${t(a, 'en', 'curation-button-approve')}`), mark);
    expect(back).toContain(t(a, 'en', 'console-in-staff', { chat: t(a, 'en', 'console-staff-chat-title') }));
  });

  it('✏️ Edit pressed in the staff chat: the bot writes in the private chat, and the console says how to type there', async () => {
    const a = await openApp();
    const { term } = startConsole(a, 'zh');
    await term.waitFor((out) => out.includes(t(a, 'zh', 'console-telegram-hint')));
    term.type('/in staff');
    let mark = term.type('/review');
    await term.waitFor((out) => out.includes(`[2] ${t(a, 'en', 'curation-button-edit')}`), mark);
    mark = term.type('2');
    const asked = await term.waitFor((out) => out.includes(t(a, 'zh', 'console-private-hint')), mark);
    expect(asked.indexOf('[SME Bridge]')).toBeLessThan(asked.indexOf(t(a, 'zh', 'console-private-hint')));
    mark = term.type('/in me');
    await term.waitFor((out) => out.includes(t(a, 'zh', 'console-in-me')), mark);
  });
});
