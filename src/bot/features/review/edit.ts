import type { Conversation } from '@grammyjs/conversations';
import { type Context, InlineKeyboard } from 'grammy';
import type { ExperienceText } from '../../../knowledge/experiences/experience.ts';
import { checkMemberText, TEXT_FIELDS, type TextField } from '../../../knowledge/experiences/rules.ts';
import type { Language } from '../../../text/language.ts';
import { REVIEW_EDIT_FIELD } from '../../callbacks.ts';
import type { BotContext, BotDeps } from '../../context.ts';
import { escapeHtml, splitMessage } from '../../render/html.ts';
import { refreshCards } from './cards.ts';

/** Persisted with the conversation: JSON only. */
export interface EditArgs {
  locale: Language;
  experienceId: number;
  /** The language version edited (or added). */
  language: Language;
}

export const REVIEW_EDIT_CONVERSATION = 'review-edit';
const HTML = { parse_mode: 'HTML' } as const;
const isCommand = (text: string) => /^\/[A-Za-z0-9_]/.test(text);

type Loaded = { kind: 'text'; text: ExperienceText | null; title: string } | { kind: 'refused'; key: string };

/**
 * Editing one language version of an experience, in the curator's private chat: an existing
 * version field by field (each saved as it is sent), a missing one field after field and saved
 * whole (a person's text). /cancel leaves; what was saved stays. Every save is the use case's,
 * which checks the curator is still staff.
 */
export function createEditConversation(deps: BotDeps) {
  return async function edit(conversation: Conversation<BotContext, Context>, ctx: Context, args: EditArgs): Promise<void> {
    const t = (key: string, values?: Record<string, string | number>) => deps.app.translator.t(args.locale, key, values);
    const languageName = t(`bot-language-name-${args.language}`);

    const load = () =>
      conversation.external(async (outer: BotContext): Promise<Loaded> => {
        const found = await deps.app.community.curation.card(outer.from!.id, args.experienceId);
        if (found.kind !== 'card') return { kind: 'refused', key: found.kind === 'forbidden' ? 'curation-not-staff' : 'curation-not-found' };
        const { texts, language } = found.card.experience;
        const text = texts[args.language];
        const plain = text ? { title: text.title, problem: text.problem, solution: text.solution, ...(text.outcome ? { outcome: text.outcome } : {}) } : null;
        return { kind: 'text', text: plain, title: (texts[language] ?? text)?.title ?? '' };
      });

    const save = (text: ExperienceText) =>
      conversation.external(async (outer: BotContext): Promise<string> => {
        const saved = await deps.app.community.curation.editText({
          actorTelegramId: outer.from!.id,
          experienceId: args.experienceId,
          language: args.language,
          text,
        });
        if (saved.kind !== 'saved') {
          outer.log.warn({ experienceId: args.experienceId }, 'an edit by someone not staff now was refused');
          return saved.kind === 'forbidden' ? 'curation-not-staff' : 'curation-not-found';
        }
        outer.log.info({ experienceId: args.experienceId, language: args.language, added: saved.added }, 'a language version was edited by staff');
        await refreshCards(deps, outer.api, outer.log, args.experienceId);
        return 'curation-edit-saved';
      });

    /** The next text from the curator; undefined when they pressed `skip` (optional fields only). */
    const askText = async (field: TextField, prompt: string, optional: boolean): Promise<string | undefined> => {
      const keyboard = optional ? new InlineKeyboard().text(t('curation-edit-skip'), REVIEW_EDIT_FIELD.encode({ field: 'skip' })) : undefined;
      // The text now is shown whole (the card shortens long ones and sends here for them), in parts when it must be.
      const parts = splitMessage(prompt);
      for (const [i, part] of parts.entries()) await ctx.reply(part, { ...HTML, ...(keyboard && i === parts.length - 1 ? { reply_markup: keyboard } : {}) });
      for (;;) {
        const c = await conversation.wait();
        if (optional && c.callbackQuery?.data === REVIEW_EDIT_FIELD.encode({ field: 'skip' })) {
          await c.answerCallbackQuery();
          return undefined;
        }
        const text = c.message?.text;
        if (c.callbackQuery || (text !== undefined && isCommand(text))) await conversation.skip({ next: true });
        if (text === undefined) {
          if (c.message) await c.reply(t('curation-edit-text-only'));
          continue;
        }
        const value = field === 'title' ? text.replace(/\s+/g, ' ').trim() : text.trim();
        const problem = checkMemberText(field, value);
        if (problem) {
          await c.reply(t(problem.key, { length: problem.length, min: problem.min, max: problem.max }));
          continue;
        }
        return value;
      }
    };

    const loaded = await load();
    if (loaded.kind === 'refused') {
      await ctx.reply(t(loaded.key));
      return;
    }
    let current = loaded.text;
    if (!current) {
      const added: Partial<ExperienceText> = {};
      for (const field of TEXT_FIELDS) {
        const value = await askText(field, t('curation-edit-ask-new', { field: t(`share-field-${field}`), language: languageName }), field === 'outcome');
        if (value !== undefined) added[field] = value;
      }
      await ctx.reply(t(await save(added as ExperienceText)));
      return;
    }
    for (;;) {
      const keyboard = new InlineKeyboard();
      TEXT_FIELDS.forEach((field, i) => {
        keyboard.text(t(`share-field-${field}`), REVIEW_EDIT_FIELD.encode({ field }));
        if (i % 2 === 1) keyboard.row();
      });
      keyboard.row().text(t('curation-edit-done'), REVIEW_EDIT_FIELD.encode({ field: 'done' }));
      await ctx.reply(t('curation-edit-choose-field', { language: languageName }), { reply_markup: keyboard });
      let chosen: TextField | 'done' | undefined;
      while (chosen === undefined) {
        const c = await conversation.wait();
        const data = c.callbackQuery?.data;
        const pressed = data === undefined ? undefined : REVIEW_EDIT_FIELD.decode(data)?.field;
        if (pressed === undefined || pressed === 'skip') {
          if (c.callbackQuery || (c.message?.text !== undefined && isCommand(c.message.text))) await conversation.skip({ next: true });
          continue;
        }
        await c.answerCallbackQuery();
        chosen = pressed;
      }
      if (chosen === 'done') {
        await ctx.reply(t('curation-edit-finished'));
        return;
      }
      const before = current[chosen] ?? '';
      const value = await askText(chosen, t('curation-edit-ask', { field: t(`share-field-${chosen}`), current: escapeHtml(before) }), false);
      current = { ...current, [chosen]: value! };
      await ctx.reply(t(await save(current)));
    }
  };
}
