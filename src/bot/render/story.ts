import type { Language } from '../../text/language.ts';
import type { Translator } from '../../i18n.ts';
import type { Experience } from '../../knowledge/experiences/experience.ts';
import { inReadingDirection } from '../../text/direction.ts';
import { escapeHtml } from './html.ts';
import { countryName, dayName, displayText, industryName } from '../../answering/display.ts';
import { contributorCredit } from '../../answering/naming/who-lived-it.ts';
import { lacksProblem } from '../../knowledge/experiences/rules.ts';

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/**
 * One experience's full story as HTML, in the reader's language where a text exists, else
 * the original with a note saying so. Every value from the knowledge base is escaped.
 */
export function renderStory(experience: Experience, language: Language, t: Translate, translator: Translator): string {
  const { language: shown, text } = displayText(experience, language);
  // The experience's own words, escaped and laid out in their language's direction.
  const own = (s: string) => escapeHtml(inReadingDirection(shown, s));
  const meta = t('bot-story-meta', {
    country: escapeHtml(countryName(translator, language, experience.country)),
    industry: escapeHtml(industryName(translator, language, experience.industry)),
  });
  const parts = [`<b>${own(text.title)}</b>\n${meta}`];
  if (shown !== language) {
    const note =
      shown === experience.language
        ? t('bot-story-original-note', { language: shown })
        : t('bot-story-translation-note', { language: shown, original: experience.language });
    parts.push(`<i>${note}</i>`);
  }
  if (text.origin === 'machine') parts.push(`<i>${t('bot-story-machine-note')}</i>`);
  // A /save or an answer to an open question has no problem until the staff write it: say so rather than show an empty heading.
  parts.push(lacksProblem(text) ? `<i>${t('bot-story-problem-pending')}</i>` : `<b>${t('bot-story-problem')}</b>\n${own(text.problem)}`);
  parts.push(`<b>${t('bot-story-solution')}</b>\n${own(text.solution)}`);
  if (text.outcome) parts.push(`<b>${t('bot-story-outcome')}</b>\n${own(text.outcome)}`);
  const who = contributorCredit(experience.contributor, language).join(t('bot-story-who-separator'));
  if (who) parts.push(t('bot-story-contributor', { who: escapeHtml(who) }));
  if (experience.verifiedOn) parts.push(t('bot-story-verified', { date: dayName(language, experience.verifiedOn) }));
  return parts.join('\n\n');
}
