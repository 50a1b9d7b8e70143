import { AiError } from '../ai/errors.ts';
import { loadPrompts, type PromptLibrary } from '../ai/prompts.ts';
import type { AiProvider } from '../ai/provider.ts';
import { translateQuestion, type QuestionTranslations } from '../ai/question-translation.ts';
import type { Language } from '../text/language.ts';
import type { Translator } from '../i18n.ts';
import type { Logger } from '../log.ts';
import { detectLanguage } from '../text/language.ts';
import { isFinglish } from '../text/finglish.ts';
import { toTraditional, writtenInTraditional } from '../text/chinese-convert.ts';
import { displayText, verificationOf } from './display.ts';
import { composeLlmAnswer, type LlmAnswer } from './llm-answer.ts';
import { composeOfflineAnswer } from './offline-answer.ts';
import { askedFigures, asksBesidesFigure, asksWhatToDo } from './asked-figure.ts';
import { NEARLY_AS_GOOD, worthCiting } from './citations.ts';
import { plainQuestionWords } from './question-words.ts';
import type { Answer, CitedExperience, ExperienceSource, Question, Retriever, SearchHit } from './types.ts';

export type { Answer, CitedExperience, Question } from './types.ts';

/** At most this many experiences go into one answer: a member reads a short message on a phone. */
const MAX_CITED = 3;
/** Ranked hits asked of the retriever (the CLI shows up to 5). */
const SEARCH_LIMIT = 5;

export interface AnsweringDeps {
  retriever: Retriever;
  experiences: ExperienceSource;
  ai: AiProvider;
  translator: Translator;
  logger: Logger;
  /** Defaults to the project's prompts/ folder. */
  prompts?: PromptLibrary;
  /** Values of the configuration (keys, tokens) that a model answer repeating them is refused for. */
  secrets?: readonly string[];
  /** A question's time for the model (translation, embedding, answer together); past it the extractive answer is sent. */
  budgetMs?: number;
  /** An experience verified longer ago than this many months is shown as past its review date (default 12). */
  reviewAfterMonths?: number;
}

const DEFAULT_REVIEW_AFTER_MONTHS = 12;

/** Without a configured budget: OPENAI_TIMEOUT_MS's default plus room for the translation. */
const DEFAULT_BUDGET_MS = 30_000;

export interface AnsweringService {
  answer(question: Question): Promise<Answer>;
}

/**
 * Question → retrieval → a grounded answer citing the experiences, or an honest "nothing yet".
 * With a model: the question is also searched in the other two languages, and the model judges
 * whether the experiences found answer what is asked (word overlap cannot tell): it writes the
 * answer, or says they do not (the member is then offered them as possibly related); a question
 * the search is not sure of is answered only when the model answers from an experience it cites.
 * Any model failure degrades to what the search alone gives (the extractive answer, or the
 * related experiences), never to an error.
 * A member who writes traditional Chinese characters reads them: the answer is converted, quotes
 * and titles included.
 */
export function createAnsweringService(deps: AnsweringDeps): AnsweringService {
  const answering = answeringInSimplified(deps);
  return {
    async answer(question) {
      const { onDraft } = question;
      // The draft in the characters the final answer will have.
      const answer = await answering.answer(
        onDraft && writtenInTraditional(question.text) ? { ...question, onDraft: (draft) => onDraft(toTraditional(draft)) } : question,
      );
      return answer.language === 'zh' && writtenInTraditional(question.text) ? inTraditional(answer) : answer;
    },
  };
}

function answeringInSimplified(deps: AnsweringDeps): AnsweringService {
  const prompts = deps.prompts ?? (deps.ai.mode === 'openai' ? loadPrompts() : undefined);
  const { retriever, experiences, ai, translator, logger } = deps;

  return {
    async answer(question) {
      // A follow-up without letters of any script ("OK?", "2024?") keeps the earlier question's
      // language; Persian typed in Latin letters (Finglish) is answered in Persian, as in the bot.
      const askedIn =
        question.language ??
        (isFinglish(question.text) ? 'fa' : detectLanguage(question.text, question.previousQuestion ? detectLanguage(question.previousQuestion) : 'en'));
      // A follow-up ("and for Turkey?") means little alone: search it with what it follows.
      const searchText = question.previousQuestion ? `${question.previousQuestion}\n${question.text}` : question.text;

      // One clock for every model call of this question: a stalled model costs the member the budget at most.
      const budget = AbortSignal.timeout(deps.budgetMs ?? DEFAULT_BUDGET_MS);
      const model = prompts && ai.mode === 'openai' ? prompts : undefined;
      const translations = model ? await translationsFor(searchText, askedIn, model, budget) : undefined;
      const result = await retriever.search({
        text: searchText,
        language: askedIn,
        signal: budget,
        ...(translations ? { translations } : {}),
        ...(question.profile?.country ? { preferCountry: question.profile.country } : {}),
        ...(question.profile?.industry ? { preferIndustry: question.profile.industry } : {}),
        limit: SEARCH_LIMIT,
      });
      // The search reads Finglish the question's own words did not show against the base's vocabulary: answered in Persian too.
      const language = result.language;

      const related = (candidates: CitedExperience[], mode: Answer['mode']): Answer => ({
        language,
        abstained: true,
        tier: 'related',
        mode,
        text: translator.t(language, 'answer-related-found'),
        cited: candidates,
        hits: result.hits,
      });
      // With a model, the model judges whether the candidates answer what is asked: word overlap cannot.
      const judge = (candidates: CitedExperience[], onFailure: string) =>
        model ? modelAnswer(model, { ...question, language }, candidates, budget, onFailure) : Promise.resolve(undefined);

      if (result.tier === 'related') {
        const candidates = await publishedHits(result.hits.slice(0, MAX_CITED), language);
        if (candidates.length > 0) {
          // Not sure enough to answer alone: answered only when the model answers from a candidate it cites.
          const judged = await judge(candidates, 'model answer failed; offering the related experiences instead');
          if (judged?.answers && judged.citing.length > 0)
            return { language, abstained: false, tier: 'answered', mode: 'llm', text: judged.text, cited: judged.citing, hits: result.hits };
          if (judged?.answers) logger.info('the model answer cites none of the related experiences; offering them instead');
          return related(candidates, judged ? 'llm' : 'offline');
        }
      }
      const cited = result.tier === 'answered' ? worthCiting(await citeTopHits(result.hits, language), result.words) : [];
      if (cited.length === 0) {
        // Live information is not "nothing yet": no experience ever will tell it, and the member is told so.
        const text = translator.t(language, result.reason === 'live-information' ? 'answer-live-information' : 'answer-nothing-found');
        return {
          language,
          abstained: true,
          tier: 'nothing',
          ...(result.reason ? { reason: result.reason } : {}),
          mode: 'offline',
          text,
          cited,
          hits: result.hits,
        };
      }

      const judged = await judge(cited, 'model answer failed; sending the extractive answer instead');
      if (judged?.answers) return { language, abstained: false, tier: 'answered', mode: 'llm', text: judged.text, cited, hits: result.hits };
      if (judged) {
        logger.info('the model found that the experiences do not answer the question; offering them as related');
        return related(await publishedHits(result.hits.slice(0, MAX_CITED), language), 'llm');
      }
      // The sentences quoted are those that hold the question's words, weighted as the search weighed
      // them; without the search's weights, each word of the question, as asked or translated, alike.
      const asked = [searchText, ...Object.values(translations ?? {}).filter((t): t is string => typeof t === 'string')];
      const askedText = asked.join('\n');
      const focus = {
        words: result.words ?? plainQuestionWords(asked, language),
        figures: askedFigures(askedText),
        whatToDo: asksWhatToDo(askedText),
        besidesFigure: asksBesidesFigure(askedText),
      };
      return {
        language,
        abstained: false,
        tier: 'answered',
        mode: 'offline',
        text: composeOfflineAnswer(cited, language, translator, focus),
        cited,
        hits: result.hits,
      };
    },
  };

  /** The model's answer or verdict; undefined when it failed (logged with `onFailure`), for the caller's answer without it. */
  async function modelAnswer(
    library: PromptLibrary,
    question: Question & { language: Language },
    candidates: CitedExperience[],
    signal: AbortSignal,
    onFailure: string,
  ): Promise<LlmAnswer | undefined> {
    try {
      return await composeLlmAnswer({ ai, prompts: library, ...(deps.secrets ? { secrets: deps.secrets } : {}) }, question, candidates, {
        signal,
        ...(question.onDraft ? { onDraft: question.onDraft } : {}),
      });
    } catch (e) {
      logger.warn({ err: e, kind: kindOf(e) }, onFailure);
      return undefined;
    }
  }

  async function translationsFor(text: string, language: Language, library: PromptLibrary, signal: AbortSignal): Promise<QuestionTranslations | undefined> {
    try {
      return await translateQuestion({ ai, prompts: library }, text, language, { signal });
    } catch (e) {
      logger.warn({ err: e, kind: kindOf(e) }, 'question translation failed; searching without it');
      return undefined;
    }
  }

  async function citeTopHits(hits: SearchHit[], language: Language): Promise<CitedExperience[]> {
    const best = hits[0]?.score ?? 0;
    return publishedHits(hits.filter((h) => h.score >= best * NEARLY_AS_GOOD).slice(0, MAX_CITED), language);
  }

  async function publishedHits(top: SearchHit[], language: Language): Promise<CitedExperience[]> {
    const byId = new Map((await experiences.getMany(top.map((h) => h.experienceId))).map((e) => [e.id, e]));
    return top.flatMap((hit) => {
      const experience = byId.get(hit.experienceId);
      // Unpublished or deleted between search and load: never cite it.
      if (!experience || experience.status !== 'published') return [];
      const shown = displayText(experience, language);
      const verification = verificationOf(experience.verifiedOn, deps.reviewAfterMonths ?? DEFAULT_REVIEW_AFTER_MONTHS);
      return [
        {
          experience,
          score: hit.score,
          displayLanguage: shown.language,
          title: shown.text.title,
          machineTranslated: shown.text.origin === 'machine',
          ...(verification ? { verification } : {}),
        },
      ];
    });
  }
}

function inTraditional(answer: Answer): Answer {
  return { ...answer, script: 'traditional', text: toTraditional(answer.text), cited: answer.cited.map((c) => ({ ...c, title: toTraditional(c.title) })) };
}

function kindOf(e: unknown): string {
  return e instanceof AiError ? e.kind : 'unexpected';
}
