/**
 * Why a question gets its tier over the demo base: the abstention features of each question given,
 * each normalised for the question's language and what it adds to the confidence's logit under the
 * committed model (src/knowledge/search/abstention.ts), with the tier, confidence and first three
 * experiences. For reading one case (docs/quality.md, "Short questions told nothing"), not a set.
 * Usage: tsx bench/features.ts "question" ["question" ...]
 */
import { readFileSync } from 'node:fs';
import { openEvalDatabase } from '../src/knowledge/evaluation/eval.ts';
import { DEFAULT_ABSTENTION_MODEL as model, FEATURE_KEYS, standardised } from '../src/knowledge/search/abstention.ts';
import { memoryLexicalIndex } from '../src/knowledge/search/memory-index-sync.ts';
import { createRetriever } from '../src/knowledge/search/retrieval.ts';
import { logger } from './support.ts';

async function main(): Promise<void> {
  const questions = process.argv.slice(2);
  if (questions.length === 0) throw new Error('usage: tsx bench/features.ts "question" ...');
  const experiences = readFileSync('assets/demo-kb.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  const { db, glossary } = await openEvalDatabase(experiences);
  try {
    const retriever = createRetriever({ db, glossary, logger, lexical: memoryLexicalIndex(db, logger) });
    for (const text of questions) {
      const result = await retriever.search({ text });
      const features = result.features!;
      const first = result.hits.slice(0, 3).map((h) => h.externalId);
      console.log(`${text} (${result.language}): ${result.tier}, confidence ${result.confidence.toFixed(3)}; first ${first.join(', ')}`);
      for (const key of FEATURE_KEYS) {
        const z = standardised(features, key, result.language, model);
        console.log(`  ${key} ${features[key].toFixed(3)}  z ${z.toFixed(2)}  adds ${(model.weights[key] * z).toFixed(2)}`);
      }
    }
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
