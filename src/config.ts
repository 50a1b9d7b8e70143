import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { databaseConfig, databaseSettings, type DatabaseConfig } from './config/database.ts';
import { limitsConfig, limitSettings, type LimitsConfig } from './config/limits.ts';
import { aiConfig, checkModel, modelSettings, type AiConfig } from './config/model.ts';
import { staffConfig, staffSettings, type StaffConfig } from './config/staff.ts';
import { checkTelegram, httpPort, telegramConfig, telegramSettings, type TelegramConfig } from './config/telegram.ts';

export type { AiConfig, DatabaseConfig, TelegramConfig };
export { secretValues } from './config/secrets.ts';
export { parseDuration } from './config/values.ts';

/** The settings, one section a file under config/ (each with its variables and what it makes of them). */
const schema = z
  .object({
    ...databaseSettings,
    ...modelSettings,
    ...telegramSettings,
    ...limitSettings,
    ...staffSettings,
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'expects one of fatal, error, warn, info, debug, trace, silent' })
      .default('info'),
    SEARCH_INDEX: z.enum(['memory', 'database'], { error: 'expects memory or database' }).default('memory'),
  })
  .superRefine((e, ctx) => {
    checkTelegram(e, ctx);
    checkModel(e, ctx);
  });

type Env = z.infer<typeof schema>;

export interface Config extends LimitsConfig, StaffConfig {
  database: DatabaseConfig;
  /** Folder for local files: the embedded database and the console chat's log. */
  dataDir: string;
  ai: AiConfig;
  telegram: TelegramConfig;
  /**
   * Where the HTTP server (health, readiness, the webhook) listens: PORT, by default 8080 with
   * a bot token; the console chat starts none unless PORT is set, so two chats never fight over it.
   */
  httpPort: number | undefined;
  logLevel: Env['LOG_LEVEL'];
  /**
   * `memory`: published texts held in the process, kept in step with the database (fast, costs
   * memory and a load at start); `database`: looked up in the database for every question.
   */
  searchIndex: Env['SEARCH_INDEX'];
}

/** A configuration problem the user must fix; `problems` names each variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses settings into a typed Config. `env` defaults to the process environment merged over
 * a `.env` file in the working directory (the environment wins).
 */
export function loadConfig(env?: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env ?? readProcessEnv());
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`));
  }
  const e = parsed.data;
  const telegram = telegramConfig(e);
  return {
    database: databaseConfig(e),
    dataDir: e.DATA_DIR,
    ai: aiConfig(e),
    telegram,
    httpPort: httpPort(e, telegram),
    logLevel: e.LOG_LEVEL,
    searchIndex: e.SEARCH_INDEX,
    ...limitsConfig(e),
    ...staffConfig(e),
  };
}

function readProcessEnv(): Record<string, string | undefined> {
  const fromFile: Record<string, string> = {};
  loadDotenv({ processEnv: fromFile, quiet: true });
  return { ...fromFile, ...process.env };
}
