import type { Command } from 'commander';
import { displayText } from '../answering/display.ts';
import { isLanguage, LANGUAGES, type Language } from '../text/language.ts';
import type { CliContext } from './context.ts';
import { UserError } from './context.ts';

/** Ranked hits shown next to the answer. */
const MAX_RESULTS = 5;

interface AskOptions {
  lang?: string;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('ask')
    .description('Ask the knowledge base a question, as a member would, and print the answer and the ranked experiences.')
    .argument('<question>', 'the question, in Persian, Chinese or English')
    .option('--lang <language>', "the asker's language: fa, zh or en (detected from the question when omitted)")
    .option(
      '--json',
      'print one JSON object: { language, abstained, tier (answered | related | nothing), reason (with nothing, when the question asks for live information: live-information), results: [{ id, score, title }], answer }',
    )
    .action(async (question: string, options: AskOptions) => {
      const language = parseLanguage(options.lang);
      if (question.trim() === '') throw new UserError('The question is empty.');
      // One question, then exit: looking it up in the database costs less than loading every
      // published text into memory first (seconds for a large base).
      const app = await ctx.openApp({ ...ctx.loadConfig(), searchIndex: 'database' });
      try {
        const answer = await app.answering.answer({ text: question, ...(language ? { language } : {}) });
        const hits = answer.hits.slice(0, MAX_RESULTS);
        const byId = new Map((await app.experiences.getMany(hits.map((h) => h.experienceId))).map((e) => [e.id, e]));
        const results = hits.map((h) => {
          const experience = byId.get(h.experienceId);
          return { id: h.externalId, score: h.score, title: experience ? displayText(experience, answer.language).text.title : '' };
        });

        if (options.json) {
          const { language, abstained, tier, reason } = answer;
          ctx.out(JSON.stringify({ language, abstained, tier, ...(reason ? { reason } : {}), results, answer: answer.text }));
          return;
        }
        ctx.out(answer.text);
        // The related tier's text only introduces the experiences: list them as the bot does.
        if (answer.tier === 'related') for (const [i, c] of answer.cited.entries()) ctx.out(`  ${i + 1}. ${c.title} (${c.experience.externalId})`);
        if (!answer.abstained && results.length > 0) {
          ctx.out('');
          ctx.out(app.translator.t(answer.language, 'answer-results-heading'));
          for (const r of results) ctx.out(`  ${r.score.toFixed(3)}  ${r.id}  ${r.title}`);
        }
      } finally {
        await app.close();
      }
    });
}

function parseLanguage(value: string | undefined): Language | undefined {
  if (value === undefined) return undefined;
  if (isLanguage(value)) return value;
  throw new UserError(`--lang expects one of ${LANGUAGES.join(', ')}, not "${value}".`);
}
