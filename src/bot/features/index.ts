import type { Composer } from 'grammy';
import type { BotContext, BotDeps } from '../context.ts';
import { answerActionsFeature } from './answer-actions.ts';
import { answerOpenQuestionFeature } from './answer-open-question.ts';
import { communityAnswerFeedbackFeature } from './community-answer-feedback.ts';
import { openQuestionsFeature } from './open-questions.ts';
import { askFeature } from './ask.ts';
import { fallbackFeature } from './fallback.ts';
import { forgetFeature } from './forget.ts';
import { groupsFeature } from './groups.ts';
import { helpFeature } from './help.ts';
import { introductionsFeature } from './introductions.ts';
import { languageFeature } from './language.ts';
import { myFeature } from './my.ts';
import { profileFeature } from './profile.ts';
import { reviewFeature } from './review.ts';
import { reviewDigestFeature } from './review-digest.ts';
import { saveFeature } from './save.ts';
import { shareFeature } from './share.ts';
import { staffFeature } from './staff.ts';
import { startFeature } from './start.ts';
import { storyFeature } from './story.ts';
import { voiceFeature } from './voice.ts';

/**
 * Every feature, in the order an update meets them: conversations and commands first (so a
 * /share step or a command is never taken for a question), then buttons under answers, then
 * plain text and voice as a question, and the fallback for anything left last.
 */
export function installFeatures(composer: Composer<BotContext>, deps: BotDeps): void {
  composer.use(profileFeature(deps));
  composer.use(shareFeature(deps));
  // Its edit conversation must see a step's answer before any command or question handler does.
  composer.use(myFeature(deps));
  composer.use(reviewFeature(deps));
  // Its conversation must see the answer before any question handler, and /start enters it.
  composer.use(answerOpenQuestionFeature(deps));
  // Its conversation takes the asker's line before any question handler does.
  composer.use(introductionsFeature(deps));
  composer.use(staffFeature(deps));
  composer.use(startFeature(deps));
  composer.use(helpFeature(deps));
  composer.use(openQuestionsFeature(deps));
  composer.use(languageFeature(deps));
  composer.use(forgetFeature(deps));
  composer.use(storyFeature(deps));
  composer.use(answerActionsFeature(deps));
  composer.use(communityAnswerFeedbackFeature(deps));
  composer.use(reviewDigestFeature(deps));
  // Group chats: only what is addressed to the bot; before the private chats' questions.
  composer.use(saveFeature(deps));
  composer.use(groupsFeature(deps));
  composer.use(askFeature(deps));
  composer.use(voiceFeature(deps));
  composer.use(fallbackFeature(deps));
}
