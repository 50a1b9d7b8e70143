/**
 * The import map of src/, as the README's architecture section draws it: a module is a top-level
 * folder of src/ (or a top-level file), and may import only the modules listed for it.
 */
export const ALLOWED_IMPORTS: Record<string, readonly string[]> = {
  config: [],
  text: [],
  log: [],
  i18n: ['text'],
  db: ['config', 'log'],
  ai: ['config', 'log', 'text'],
  knowledge: ['config', 'db', 'log', 'text'],
  answering: ['ai', 'config', 'i18n', 'knowledge', 'log', 'text'],
  community: ['config', 'db', 'knowledge', 'log', 'text'],
  app: ['ai', 'answering', 'community', 'config', 'db', 'i18n', 'knowledge', 'log'],
  bot: ['answering', 'app', 'community', 'config', 'db', 'i18n', 'knowledge', 'log', 'text'],
  web: ['bot', 'config', 'db', 'log'],
  cli: ['answering', 'app', 'bot', 'config', 'db', 'knowledge', 'log', 'web'],
  main: ['app', 'cli', 'config', 'db'],
};

/** Packages of the two front doors: the domain modules must not import them. */
export const FRAMEWORK_PACKAGES = ['grammy', '@grammyjs', 'hono', '@hono'];

/** `bot/features/ask.ts` → `bot`; `app.ts` → `app`. */
export function moduleOf(pathInSrc: string): string {
  const [first] = pathInSrc.split('/');
  return first!.replace(/\.(ts|mjs)$/, '');
}
