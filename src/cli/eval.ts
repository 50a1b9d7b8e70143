import type { Command } from 'commander';
import { EvalSetError, runEval } from '../knowledge/evaluation/eval.ts';
import { formatSummary } from '../knowledge/evaluation/metrics.ts';
import { answeringOverBase, createAppLogger } from '../app.ts';
import { UserError, type CliContext } from './context.ts';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('eval')
    .description(
      'Measure retrieval on an evaluation folder (kb-format: experiences.jsonl, questions.jsonl, optional distractors.jsonl). ' +
        'Builds a temporary in-memory knowledge base (your database is not touched), asks every question offline and prints ' +
        'recall@1, recall@5 and MRR@10 by question kind and language, and the abstention figures (abstaining is right on kind "none").',
    )
    .argument('<dir>', 'the evaluation folder')
    .option('--json', 'one JSON line per question ({ id, kind, language, ranked, abstained, tier, reason when the search gave one }), then a summary line')
    .option('--k <n>', 'how many ranked ids to keep per question', '10')
    .option(
      '--model',
      "answer each question as the bot does, with the configured chat model (OPENAI_API_KEY…) judging whether the experiences answer it: the tier and abstention are then the answer's, after the model's verdict (the ranking stays the search's)",
    )
    .option('--glossary <file>', 'glossary CSV to use instead of the shipped assets/glossary.csv')
    .action(async (dir: string, options: { json?: boolean; k: string; glossary?: string; model?: boolean }) => {
      const k = Number(options.k);
      if (!Number.isInteger(k) || k < 1) throw new UserError(`--k expects a whole number above 0, got "${options.k}"`);
      const config = ctx.loadConfig();
      if (options.model && config.ai.mode !== 'openai')
        throw new UserError('--model needs a chat model: set OPENAI_API_KEY (and OPENAI_BASE_URL, OPENAI_CHAT_MODEL as needed).');
      const logger = createAppLogger(config);
      const started = performance.now();
      let result;
      try {
        result = await runEval(dir, {
          k,
          logger,
          ...(options.glossary ? { glossaryPath: options.glossary } : {}),
          ...(options.model ? { answering: answeringOverBase(config, logger) } : {}),
        });
      } catch (e) {
        if (e instanceof EvalSetError) throw new UserError(e.message);
        throw e;
      }
      if (options.json) {
        for (const o of result.outcomes)
          ctx.out(
            JSON.stringify({
              id: o.id,
              kind: o.kind,
              language: o.language,
              ranked: o.ranked,
              abstained: o.abstained,
              tier: o.tier,
              ...(o.reason ? { reason: o.reason } : {}),
              confidence: Number(o.confidence.toFixed(4)),
            }),
          );
        ctx.out(JSON.stringify({ summary: result.summary }));
        return;
      }
      ctx.out(
        `Evaluated ${result.outcomes.length} questions from ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s (${options.model ? 'answered with the model' : 'offline'}, k = ${k})`,
      );
      ctx.out('');
      for (const line of formatSummary(result.summary)) ctx.out(line);
    });
}
