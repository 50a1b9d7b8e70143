/**
 * The import map of src/, as the README's architecture section draws it. A module is a
 * top-level folder of src/ (or a top-level file), and each folder of knowledge/ is a module of
 * its own; a module may import only the modules listed for it.
 */
export const ALLOWED_IMPORTS: Record<string, readonly string[]> = {
  // Foundations: import nothing of ours but each other, downwards.
  config: [],
  text: [],
  log: [],
  // Loads the TypeScript sources (bin/ and the PGlite thread start through it).
  'import-typescript': [],
  i18n: ['text'],
  db: ['config', 'import-typescript'],
  ai: ['config', 'log', 'text'],
  // The domain: plain values in and out, no Telegram, no HTTP.
  'knowledge/experiences': ['db', 'log', 'text'],
  'knowledge/glossary': ['db', 'text'],
  'knowledge/search': ['db', 'knowledge/experiences', 'knowledge/glossary', 'log', 'text'],
  'knowledge/evaluation': ['db', 'knowledge/experiences', 'knowledge/glossary', 'knowledge/search', 'log', 'text'],
  community: ['db', 'jobs', 'knowledge/experiences', 'knowledge/search', 'text'],
  answering: ['ai', 'community', 'i18n', 'knowledge/experiences', 'knowledge/search', 'log', 'text'],
  jobs: ['db', 'log'],
  // Machine translations of published experiences and their embeddings, as jobs.
  translation: ['ai', 'db', 'jobs', 'knowledge/experiences', 'knowledge/search', 'log', 'text'],
  // The composition root builds the domain; the front doors call it.
  app: [
    'ai',
    'answering',
    'community',
    'config',
    'db',
    'i18n',
    'jobs',
    'knowledge/experiences',
    'knowledge/glossary',
    'knowledge/search',
    'log',
    'translation',
  ],
  bot: ['answering', 'app', 'community', 'db', 'i18n', 'jobs', 'knowledge/experiences', 'log', 'text'],
  web: ['bot', 'db', 'log'],
  emulator: [],
  console: ['app', 'bot', 'community', 'config', 'db', 'emulator', 'i18n', 'knowledge/experiences', 'log', 'text'],
  cli: [
    'answering',
    'app',
    'bot',
    'config',
    'console',
    'db',
    'jobs',
    'knowledge/evaluation',
    'knowledge/experiences',
    'knowledge/glossary',
    'log',
    'text',
    'web',
  ],
  main: ['app', 'cli', 'config', 'db', 'web'],
};

/** Packages of the two front doors: the domain modules must not import them. */
export const FRAMEWORK_PACKAGES = ['grammy', '@grammyjs', 'hono', '@hono'];

/** The domain modules of the map: they know nothing of Telegram or HTTP. */
export const DOMAIN_MODULES = Object.keys(ALLOWED_IMPORTS).filter(
  (m) => m.startsWith('knowledge/') || ['community', 'answering', 'jobs', 'translation'].includes(m),
);

/** `bot/features/ask.ts` → `bot`; `knowledge/search/bm25.ts` → `knowledge/search`; `app.ts` → `app`. */
export function moduleOf(pathInSrc: string): string {
  const parts = pathInSrc.split('/');
  if (parts[0] === 'knowledge' && parts.length > 2) return `knowledge/${parts[1]}`;
  return parts[0]!.replace(/\.(ts|mjs)$/, '');
}
