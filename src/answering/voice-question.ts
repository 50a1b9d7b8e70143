import { AiError, type AiErrorKind } from '../ai/errors.ts';
import type { Recording, Transcriber } from '../ai/ports.ts';
import type { Community } from '../community/index.ts';
import type { AnswerPreview, AskedQuestion, AskOutcome, AskQuestion } from './ask-question.ts';

export type { Recording } from '../ai/ports.ts';

/** Longer recordings are refused before they are fetched: a question is said in well under two minutes. */
export const MAX_VOICE_SECONDS = 120;

export interface VoiceQuestion extends Omit<AskedQuestion, 'text'> {
  /** The length the member's client reported. */
  durationSeconds: number;
  /** Fetches the recording; called only once it is going to be transcribed. */
  recording: () => Promise<Recording>;
}

export type VoiceOutcome =
  /** No transcription model is configured: the bot reads typed questions only. */
  | { kind: 'typed-only' }
  | { kind: 'too-long'; maxSeconds: number; seconds: number }
  | { kind: 'rate-limited'; limit: number; hits: number; retryAfterSeconds: number; notify: boolean }
  /** The model heard nothing it could write down (silence, noise). */
  | { kind: 'not-heard' }
  | { kind: 'transcription-failed'; reason: AiErrorKind }
  /** Transcribed and asked as a typed question; `asked` is what the ask use case made of it. */
  | { kind: 'heard'; transcript: string; asked: AskOutcome };

export interface AskByVoice {
  /**
   * `heard` is called with the transcript before it is answered, so the member sees what was
   * understood before the answer; `whileWorking` wraps the slow parts (fetching, transcribing, answering).
   */
  ask(
    question: VoiceQuestion,
    options: { heard: (transcript: string) => Promise<void>; whileWorking?: <T>(work: () => Promise<T>) => Promise<T>; preview?: AnswerPreview },
  ): Promise<VoiceOutcome>;
}

export interface AskByVoiceDeps {
  asking: AskQuestion;
  transcriber?: Transcriber;
  community: Pick<Community, 'rateLimits'>;
  limitPerMinute: number;
}

/**
 * A spoken question (a voice note in a private chat, or one `/ask` replies to in a group):
 * transcribed by the configured model and then asked exactly as if it had been typed (same
 * limits, log and outbox). Recordings are counted against their own rate limit
 * before the paid transcription, so a flood of voice messages costs no model calls.
 */
export function createAskByVoice({ asking, transcriber, community, limitPerMinute }: AskByVoiceDeps): AskByVoice {
  return {
    async ask(question, { heard, whileWorking = (work) => work(), preview }) {
      if (!transcriber) return { kind: 'typed-only' };
      if (question.durationSeconds > MAX_VOICE_SECONDS) return { kind: 'too-long', maxSeconds: MAX_VOICE_SECONDS, seconds: question.durationSeconds };
      // Someone asking in a group who is no member is held by the group's limit alone.
      const limit = question.member ? await community.rateLimits.hit(`voice:${question.member.id}`, limitPerMinute) : undefined;
      if (limit && !limit.allowed)
        return { kind: 'rate-limited', limit: limitPerMinute, hits: limit.hits, retryAfterSeconds: limit.retryAfterSeconds, notify: limit.firstRefused };

      let transcript: string;
      try {
        transcript = await whileWorking(async () => transcriber.transcribe(await question.recording()));
      } catch (e) {
        if (e instanceof AiError) return { kind: 'transcription-failed', reason: e.kind };
        throw e;
      }
      if (!/[\p{L}\p{N}]/u.test(transcript)) return { kind: 'not-heard' };

      await heard(transcript);
      const { durationSeconds: _duration, recording: _recording, ...asked } = question;
      const outcome = await asking.ask({ ...asked, text: transcript }, { whileAnswering: whileWorking, ...(preview ? { preview } : {}) });
      return { kind: 'heard', transcript, asked: outcome };
    },
  };
}
