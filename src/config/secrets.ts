import type { DatabaseConfig } from './database.ts';
import type { AiConfig } from './model.ts';
import type { TelegramConfig } from './telegram.ts';

/**
 * Every secret value in the config, for the logger to cut out of any line it writes: the bot
 * token (and its secret part after the bot id), the model server's key, the webhook secret, the
 * database password (as written in the URL and decoded).
 */
export function secretValues(config: { telegram: TelegramConfig; ai: AiConfig; database: DatabaseConfig }): string[] {
  const secrets: string[] = [];
  if (config.telegram.mode !== 'console') {
    const { token } = config.telegram;
    secrets.push(token, token.slice(token.indexOf(':') + 1));
  }
  if (config.telegram.mode === 'webhook') secrets.push(config.telegram.secret);
  if (config.ai.mode === 'openai') secrets.push(config.ai.apiKey);
  if (config.database.kind === 'postgres') {
    const { password } = new URL(config.database.url);
    if (password) secrets.push(password, decodedOrSame(password));
  }
  return secrets.filter(Boolean);
}

function decodedOrSame(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
