# Voice questions (src/bot/features/voice.ts). Sent as plain text.

voice-heard = I heard: «{ $transcript }»
voice-typed-only = I can only read typed questions for now. Please write your question as a message and I will look for members' experiences that answer it.
voice-too-long = Your recording is { $seconds } seconds long; I can listen to { $max } seconds at most. Please ask in a shorter voice message, or type your question.
voice-not-heard = I could not make out any words in your recording. Please try again somewhere quieter, or type your question.
voice-failed = I could not listen to your recording just now. Please try again in a moment, or type your question.
