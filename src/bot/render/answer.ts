import { InlineKeyboard } from 'grammy';
import type { DeliverableAnswer } from '../../answering/ask-question.ts';
import type { Language } from '../../text/language.ts';
import type { Translator } from '../../i18n.ts';
import { clip, escapeHtml } from './html.ts';
import { industryName, verificationNote } from '../../answering/display.ts';
import { whoLivedIt } from '../../answering/naming/who-lived-it.ts';
import { shownNote } from '../../answering/offline-answer.ts';
import type { Translate } from './story.ts';
import { inScript } from '../../text/chinese-convert.ts';
import { ASK_COMMUNITY, FEEDBACK, STORY_FOR, type StoryReader } from '../callbacks.ts';
import type { CallbackCodec } from '../callback-data.ts';

/** Telegram shows about this many characters of a button on a phone. */
const BUTTON_TITLE = 40;

/** How sure the answer is; an answer queued before tiers existed says only whether it abstained. */
function tierOf(answer: DeliverableAnswer): NonNullable<DeliverableAnswer['tier']> {
  return answer.tier ?? (answer.abstained ? 'nothing' : 'answered');
}

/**
 * The answer message: the answering service's text (escaped: it quotes experiences and, with a
 * model, generated prose), then the cited experiences by title with who lived them (company, city, country) and industry
 * when the text is the model's own (the extractive text already lists them); with no sure
 * answer, the experiences that might be related the same way and the offer to ask the
 * community; with nothing found, the offer alone (worded for what it is when the question asks
 * for live information no experience can tell).
 */
export function renderAnswer(answer: DeliverableAnswer, language: Language, t: Translate, translator: Translator, place: { inGroup?: boolean } = {}): string {
  const parts = [escapeHtml(answer.text)];
  const tier = tierOf(answer);
  const lines = () =>
    answer.cited.map((c, i) => {
      const line = t('bot-source-line', {
        n: i + 1,
        title: escapeHtml(c.title),
        who: escapeHtml(whoLivedIt(c.experience, translator, language)),
        industry: escapeHtml(industryName(translator, language, c.experience.industry)),
      });
      // What a reader should weigh: a model's translation, and how long ago it was checked.
      const verified = c.verification ? verificationNote(translator, language, c.verification) : '';
      // A title not in the reader's language says which it is in, as the quoted answer does.
      const shown =
        c.displayLanguage && c.displayLanguage !== language
          ? shownNote(translator, language, c.displayLanguage, c.experience.language ?? c.displayLanguage)
          : '';
      // `t` writes the answer's characters; the other notes are worded apart from it, so they are converted here.
      const notes = [inScript(answer.script, shown), c.machineTranslated ? t('answer-machine-note') : '', inScript(answer.script, verified)];
      return [line, ...notes.filter(Boolean).map((n) => `   <i>${n}</i>`)].join('\n');
    });
  // The community's answer reaches the asker in their private chat with the bot, not in the group asked in.
  const offer = (key: string) => t(place.inGroup ? `${key}-group` : key);
  if (tier === 'related') parts.push(lines().join('\n'), offer('bot-related-offer'));
  else if (tier === 'nothing') parts.push(answer.reason === 'live-information' ? t('bot-live-information-hint') : offer('bot-abstained-offer'));
  else if (answer.mode === 'llm') parts.push([`<b>${t('bot-sources')}</b>`, ...lines()].join('\n'));
  return parts.join('\n\n');
}

/** Buttons under the answer: each cited (or possibly related) story, 👍/👎 on an answer, and "ask the community". */
export function answerKeyboard(answer: DeliverableAnswer, questionId: number, t: Translate): InlineKeyboard {
  const kb = new InlineKeyboard();
  const tier = tierOf(answer);
  // The story opens as the answer was written: a member whose Telegram is in English asking in Chinese reads it in Chinese.
  const reader: StoryReader = answer.script === 'traditional' ? 'zh-hant' : answer.language;
  if (tier !== 'nothing')
    for (const c of answer.cited)
      kb.text(t('bot-button-story', { title: clip(c.title, BUTTON_TITLE) }), STORY_FOR.encode({ experienceId: c.experience.id, reader })).row();
  if (tier === 'answered') {
    kb.text(t('bot-button-helpful'), FEEDBACK.encode({ questionId, helpful: true }))
      .text(t('bot-button-not-helpful'), FEEDBACK.encode({ questionId, helpful: false }))
      .row();
  }
  // Live information is no question for members: the one they could answer is the business question behind it, asked anew.
  if (answer.reason === 'live-information') return kb;
  return kb.text(t('bot-button-ask-community'), ASK_COMMUNITY.encode({ questionId }));
}

/** The same keyboard with the member's vote marked, so they see it was taken. */
export function markVote(
  markup: InlineKeyboard['inline_keyboard'],
  helpful: boolean,
  mark: string,
  votes: CallbackCodec<{ helpful: boolean }> = FEEDBACK,
): InlineKeyboard {
  const rows = markup.map((row) =>
    row.map((b) => {
      const vote = 'callback_data' in b && b.callback_data !== undefined ? votes.decode(b.callback_data) : undefined;
      if (!vote) return b;
      const base = b.text.replace(` ${mark}`, '');
      const chosen = vote.helpful === helpful;
      return { ...b, text: chosen ? `${base} ${mark}` : base };
    }),
  );
  return new InlineKeyboard(rows);
}
