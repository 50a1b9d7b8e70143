import { Hono } from 'hono';
import type { Queryable } from '../db/db.ts';
import type { WebEnv, WebRouter } from './app.ts';

/**
 * `/healthz`: the process is alive and serving (a supervisor restarts it otherwise).
 * `/readyz`: it can do its work — the database answers — so a load balancer may send it
 * traffic; 503 while it cannot (the cause is logged, not shown).
 */
export function healthRouter(db: Queryable): WebRouter {
  const router = new Hono<WebEnv>();
  router.get('/healthz', (c) => c.json({ ok: true }));
  router.get('/readyz', async (c) => {
    try {
      await db.query('SELECT 1');
      return c.json({ ok: true });
    } catch (error) {
      c.get('log').error({ err: error }, 'not ready: the database does not answer');
      return c.json({ ok: false, requestId: c.get('requestId') }, 503);
    }
  });
  return router;
}
