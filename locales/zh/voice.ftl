# 语音提问（src/bot/features/voice.ts）。以纯文本发送。

voice-heard = 我听到的是：「{ $transcript }」
voice-typed-only = 目前我只能阅读文字提问。请把您的问题写成消息发给我，我会查找会员的相关经验。
voice-too-long = 您的语音有 { $seconds } 秒，我最多只能听 { $max } 秒。请发一条更短的语音，或直接输入您的问题。
voice-not-heard = 我没能从您的语音中听出任何内容。请换个安静的地方再试一次，或直接输入您的问题。
voice-failed = 我暂时无法收听您的语音。请稍后再试，或直接输入您的问题。
