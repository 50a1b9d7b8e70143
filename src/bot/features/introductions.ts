import { createConversation, type Conversation } from '@grammyjs/conversations';
import { Composer, type Context, InlineKeyboard } from 'grammy';
import { displayText } from '../../answering/display.ts';
import { checkReason, REASON_LIMITS, type RequestResult } from '../../community/introductions.ts';
import type { Language } from '../../text/language.ts';
import { onPress } from '../callback-data.ts';
import { INTRO_ASK, INTRO_CONSENT, INTRO_DECIDE } from '../callbacks.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { escapeHtml } from '../render/html.ts';
import { editUnlessUnchanged } from '../telegram-failure.ts';
import { replyScript, wordsFor } from '../i18n.ts';

export const INTRODUCTION_CONVERSATION = 'introduction';

/** What the button passes when entering; persisted with the conversation, so JSON only. */
interface IntroductionArgs {
  locale: Language;
  /** The characters the asker writes Chinese in (see replyScript). */
  script?: 'traditional';
  experienceId: number;
  title: string;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

// A member who walks away without writing their line gets the bot back for questions after this long.
const MAX_WAIT_MS = 6 * 60 * 60 * 1000;
const HTML = { parse_mode: 'HTML' } as const;

/** /profile's introductions switch: what it is, whether it is on, and the button that flips it. */
export function consentMessage(t: Translate, on: boolean): { text: string; keyboard: InlineKeyboard } {
  return {
    text: t(on ? 'intro-consent-on' : 'intro-consent-off'),
    keyboard: new InlineKeyboard().text(t(on ? 'intro-consent-button-off' : 'intro-consent-button-on'), INTRO_CONSENT.encode({ on: !on })),
  };
}

/** What the asker is told when no request was (or could be) sent, or that it was. */
function outcomeText(t: Translate, result: RequestResult): string {
  switch (result.kind) {
    case 'sent':
      return t('intro-sent');
    case 'pending':
      return t('intro-already-pending');
    case 'limited':
      // Members are in Tehran and Shanghai: one clock for both, named.
      return t('intro-limited', { limit: result.limit, when: result.nextAt.toISOString().slice(0, 16).replace('T', ' ') });
    case 'invalid':
      return t('intro-reason-invalid', { length: result.length, min: result.min, max: result.max });
    default:
      return t('intro-unavailable');
  }
}

/**
 * The asker's one line of why, then the request. Replayed from the start on each update
 * (conversations v2), so the request goes through conversation.external. /cancel leaves without
 * sending; any other command or button leaves and is handled as usual.
 */
function introductionConversation(deps: BotDeps) {
  const { translator, community } = deps.app;
  return async (conversation: Conversation<BotContext, Context>, ctx: Context, args: IntroductionArgs): Promise<void> => {
    const t: Translate = wordsFor(translator, args.locale, args.script);
    await ctx.reply(t('intro-ask-reason', { title: escapeHtml(args.title), max: REASON_LIMITS.max }), HTML);
    for (;;) {
      const c = await conversation.wait();
      if (c.callbackQuery) return conversation.halt({ next: true });
      const text = c.message?.text;
      if (text === undefined) {
        if (c.message) await c.reply(t('intro-text-only'));
        continue;
      }
      const command = /^\/(\w+)/.exec(text)?.[1];
      if (command === 'cancel') return void (await c.reply(t('intro-cancelled')));
      if (command) return conversation.halt({ next: true });
      const checked = checkReason(text);
      if (!('reason' in checked)) {
        await c.reply(outcomeText(t, { kind: 'invalid', ...checked }));
        continue;
      }
      const username = c.from?.username;
      const result = await conversation.external((outer: BotContext) =>
        outer.member
          ? community.introductions.request({
              askerId: outer.member.id,
              experienceId: args.experienceId,
              reason: checked.reason,
              ...(username ? { askerUsername: username } : {}),
            })
          : ({ kind: 'unavailable' } as const),
      );
      await c.reply(outcomeText(t, result));
      return;
    }
  };
}

/** Introductions: the button under a story, the contributor's Accept / Decline, and /profile's switch. */
export function introductionsFeature(deps: BotDeps): Composer<BotContext> {
  const { community, experiences } = deps.app;
  const composer = new Composer<BotContext>();
  composer.use(createConversation<BotContext, Context>(introductionConversation(deps), { id: INTRODUCTION_CONVERSATION, maxMillisecondsToWait: MAX_WAIT_MS }));

  onPress(composer, INTRO_ASK, async (ctx, { experienceId }) => {
    await ctx.answerCallbackQuery();
    if (ctx.chat?.type !== 'private' || !ctx.member) return void (await ctx.reply(ctx.t('intro-private-only')));
    // Told before writing a line that could not be sent anyway; the request checks again.
    const refused = await community.introductions.check(ctx.member.id, experienceId);
    const experience = refused ? undefined : await experiences.getById(experienceId);
    if (refused || !experience) return void (await ctx.reply(outcomeText(ctx.t, refused ?? { kind: 'unavailable' })));
    await ctx.conversation.exit(INTRODUCTION_CONVERSATION);
    const args: IntroductionArgs = { locale: ctx.locale, ...replyScript(ctx), experienceId, title: displayText(experience, ctx.locale).text.title };
    await ctx.conversation.enter(INTRODUCTION_CONVERSATION, args);
  });

  onPress(composer, INTRO_DECIDE, async (ctx, { introductionId, accept }) => {
    const username = ctx.from.username;
    // Sent only to private chats: a press elsewhere is forged, and must not edit a group's messages.
    const result =
      ctx.member && ctx.chat?.type === 'private'
        ? await community.introductions.decide({ contributorId: ctx.member.id, introductionId, accept, ...(username ? { contributorUsername: username } : {}) })
        : ({ kind: 'not-found' } as const);
    if (result.kind === 'not-found') return void (await ctx.answerCallbackQuery({ text: ctx.t('intro-not-found') }));
    await ctx.answerCallbackQuery();
    // Answered: the buttons go. The contacts follow through the outbox on acceptance.
    await editUnlessUnchanged(() => ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }));
    if (result.kind === 'already') await ctx.reply(ctx.t('intro-already-decided', { status: result.status }));
    else if (result.kind === 'declined') await ctx.reply(ctx.t('intro-you-declined'));
    else if (result.kind === 'expired') await ctx.reply(ctx.t('intro-you-expired'));
  });

  onPress(composer, INTRO_CONSENT, async (ctx, { on }) => {
    await ctx.answerCallbackQuery();
    if (!ctx.member || ctx.chat?.type !== 'private') return;
    await community.introductions.setConsent(ctx.member.id, on);
    const { text, keyboard } = consentMessage(ctx.t, on);
    await editUnlessUnchanged(() => ctx.editMessageText(text, { reply_markup: keyboard }));
  });
  return composer;
}
