import type { AskOutcome } from '../../answering/ask-question.ts';
import type { Translator } from '../../i18n.ts';
import { inScript } from '../../text/chinese-convert.ts';

/** The bot's reply to a message that is not a question, in its language and characters ("謝謝" gets "不客氣"). */
export function smallTalkReply(translator: Translator, outcome: Extract<AskOutcome, { kind: 'small-talk' }>): string {
  return inScript(outcome.script, translator.t(outcome.language, `bot-small-talk-${outcome.what}`));
}
