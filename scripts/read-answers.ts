// Prints the bot's offline answers to members' questions, for a person to read as a member would
// (docs/answers-read.md). The answers come from the answering service the bot calls, over the
// members' evaluation base imported as published and searched through the bot's in-memory index.
//
//   npx tsx scripts/read-answers.ts [--per-language 30] [--all] [--json] [DIR ...]
//
// DIR defaults to eval/members/report and eval/members/fit. Without --all, 30 answered questions
// per language (fa, zh, en), spread evenly over the questions in id order so every way of writing
// is read. Each answer shows the question, its tier, the citations (score, relevant or not) and
// the answer text as the member reads it; at the end, in how many answers per language the first
// experience's company and city are named in a script the reader cannot read.
import { parseArgs } from 'node:util';
import { createOfflineProvider } from '../src/ai/provider.ts';
import { createAnsweringService, type Answer } from '../src/answering/answering-service.ts';
import { questionLanguage } from '../src/answering/ask-question.ts';
import { createTranslator } from '../src/i18n.ts';
import { type EvalQuestion, loadEvalSet, openEvalDatabase } from '../src/knowledge/evaluation/eval.ts';
import { ExperienceRepository } from '../src/knowledge/experiences/repository.ts';
import { memoryLexicalIndex } from '../src/knowledge/search/memory-index-sync.ts';
import { createRetriever } from '../src/knowledge/search/retrieval.ts';
import { createLogger } from '../src/log.ts';
import { LANGUAGES, type Language } from '../src/text/language.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'per-language': { type: 'string', default: '30' }, all: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
});
const perLanguage = Number(values['per-language']);
const dirs = positionals.length > 0 ? positionals : ['eval/members/report', 'eval/members/fit'];

// A Persian reader reads Persian and Latin letters, a Chinese reader Chinese and Latin, an English reader Latin.
const UNREADABLE: Record<Language, RegExp> = { fa: /\p{Script=Han}/u, zh: /\p{Script=Arabic}/u, en: /[\p{Script=Han}\p{Script=Arabic}]/u };

const logger = createLogger('warn');
const sets = dirs.map(loadEvalSet);
const first = sets[0]!;
// The halves share one base (copies of the dev base): imported once.
const { db, glossary } = await openEvalDatabase([...first.experiences, ...first.distractors]);
try {
  const retriever = createRetriever({ db, glossary, logger, lexical: memoryLexicalIndex(db, logger) });
  const answering = createAnsweringService({
    retriever,
    experiences: new ExperienceRepository(db),
    ai: createOfflineProvider(),
    translator: createTranslator(),
    logger,
  });
  const unreadable: Record<string, number> = {};
  const read: Record<string, number> = {};
  const questions = sets.flatMap((s) => s.questions).sort((a, b) => a.id.localeCompare(b.id));
  const answered: { q: EvalQuestion; answer: Answer }[] = [];
  for (const q of questions) {
    // The language the bot answers in: the question's script, Finglish as Persian, else the member's (the record's).
    const answer = await answering.answer({ text: q.text, language: questionLanguage(q.text, q.language) });
    if (values.all || answer.tier === 'answered') answered.push({ q, answer });
  }
  for (const language of LANGUAGES) {
    const mine = answered.filter((a) => a.q.language === language);
    const picked =
      values.all || mine.length <= perLanguage ? mine : Array.from({ length: perLanguage }, (_, i) => mine[Math.floor((i * mine.length) / perLanguage)]!);
    if (!values.json) console.log(`\n######## ${language}: ${picked.length} of ${mine.length} answered questions\n`);
    for (const { q, answer } of picked) print(q, answer);
    unreadable[language] = picked.filter(({ answer }) => namesUnreadably(answer.text, language)).length;
    read[language] = picked.length;
  }
  // Counted in the text as the member reads it: the line under the first experience's title.
  const summary = LANGUAGES.map((l) => `${l} ${unreadable[l]} of ${read[l]}`).join(', ');
  if (values.json) console.log(JSON.stringify({ firstWhoInUnreadableScript: unreadable, read }));
  else console.log(`first experience's company and city in a script the reader cannot read: ${summary}`);
} finally {
  await db.close();
}

function print(q: EvalQuestion, answer: Answer): void {
  const cited = answer.cited.map((c) => ({
    id: c.experience.externalId,
    score: Number(c.score.toFixed(3)),
    relevant: q.relevant.includes(c.experience.externalId),
    shown: c.displayLanguage,
  }));
  // The bidirectional isolation marks make no difference to a reader of a terminal.
  const text = answer.text.replace(/[\u2066-\u2069\u200E\u200F]/g, '');
  if (values.json) {
    console.log(
      JSON.stringify({ id: q.id, language: q.language, kind: q.kind, question: q.text, relevant: q.relevant, tier: answer.tier, cited, answer: text }),
    );
    return;
  }
  console.log(`=== ${q.id} (${q.kind}) ${q.text}`);
  console.log(`relevant: ${q.relevant.join(', ') || '—'} · tier: ${answer.tier}${answer.script ? ` · ${answer.script}` : ''}`);
  console.log(`cited: ${cited.map((c) => `${c.id} ${c.score}${c.relevant ? ' ✓' : ' ✗'} [${c.shown}]`).join(' · ')}`);
  console.log(text);
  console.log('');
}

/** Whether the line naming who lived the first experience (under its title, "1. …", "۱. …" for a Persian reader) holds a script the reader cannot read. */
function namesUnreadably(text: string, language: Language): boolean {
  const lines = text.split('\n');
  const title = lines.findIndex((l) => /^[\s\u2066-\u2069\u200E\u200F]*[1۱]\. /.test(l));
  return title >= 0 && UNREADABLE[language].test(lines[title + 1] ?? '');
}
