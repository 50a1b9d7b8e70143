export { startBotApiEmulator, type BotApiEmulator, type EmulatorOptions } from './server.ts';
export type { BotAction, ChatMessage, EmulatedUser } from './types.ts';
export { DEFAULT_BOT_INFO } from './types.ts';
export type { EmulatedGroup, NewGroup } from './chats.ts';
