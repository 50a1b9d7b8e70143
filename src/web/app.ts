import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId, type RequestIdVariables } from 'hono/request-id';
import type { Logger } from '../log.ts';

/** What every request carries: its id (also sent back in X-Request-Id) and a logger naming it. */
export type WebEnv = { Variables: RequestIdVariables & { log: Logger } };

/** A part of the HTTP face (health, the webhook, later the admin panel), mounted at the root. */
export type WebRouter = Hono<WebEnv>;

export interface WebAppOptions {
  logger: Logger;
  routers: WebRouter[];
  /**
   * Paths that are themselves secrets (a webhook path may carry the bot token): logged as
   * `<secret path>`, never written out.
   */
  secretPaths?: string[];
}

// Probes come every few seconds: their requests are logged at debug, not info.
const QUIET_PATHS = new Set(['/healthz', '/readyz']);

const INTERNAL_ERROR = 'Something went wrong on our side. If it keeps happening, tell the operator this request id.';

/**
 * One Hono app for every mode: a request id, a request log line, the routers, and one error
 * handler that decides what a client is shown. An HTTPException was written for the client
 * (its status and message are sent); a body that is not JSON is the client's mistake (400);
 * anything else is ours: the client gets a generic 500 with the request id, and only the log
 * gets the error, with its cause — so no token or SQL ever reaches a response.
 */
export function createWebApp(options: WebAppOptions): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const secretPaths = new Set(options.secretPaths ?? []);
  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    const path = secretPaths.has(c.req.path) ? '<secret path>' : c.req.path;
    const log = options.logger.child({ req_id: c.get('requestId') });
    c.set('log', log);
    await next();
    const line = { method: c.req.method, path, status: c.res.status, ms: Math.round(performance.now() - started) };
    if (QUIET_PATHS.has(c.req.path) && c.res.status < 500) log.debug(line, 'request');
    else log.info(line, 'request');
  });
  for (const router of options.routers) app.route('/', router);

  app.notFound((c) => c.json({ error: 'Not found.', requestId: c.get('requestId') }, 404));
  app.onError((error, c) => {
    const id = c.get('requestId');
    const log = c.get('log') ?? options.logger.child({ req_id: id });
    if (error instanceof HTTPException && error.status < 500) {
      log.info({ status: error.status, reason: error.message }, 'request refused');
      return c.json({ error: error.message || 'Bad request.', requestId: id }, error.status);
    }
    if (error instanceof SyntaxError) {
      log.info({ reason: error.message }, 'request body is not valid JSON');
      return c.json({ error: 'The request body is not valid JSON.', requestId: id }, 400);
    }
    try {
      log.error({ err: error, method: c.req.method }, 'request failed');
    } catch (unloggable) {
      // An error this handler cannot describe must not escape to the server, which would print
      // it raw on stderr.
      log.error({ err: unloggable }, 'request failed, and its error could not be logged');
    }
    return c.json({ error: INTERNAL_ERROR, requestId: id }, 500);
  });
  return app;
}
