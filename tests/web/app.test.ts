import { PassThrough } from 'node:stream';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.ts';
import { createLogger } from '../../src/log.ts';
import type { WebEnv } from '../../src/web/app.ts';
import { serveHttp, type HttpService } from '../../src/web/serve.ts';
import { startWebServer } from '../../src/web/server.ts';
import { openTestPglite } from '../helpers/db.ts';

const TOKEN = '123456789:AAH-secret-bot-token-do-not-show';

/** JSON log lines written so far. */
function logSink() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return {
    logger: createLogger('debug', stream),
    lines: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('the HTTP face in every mode', () => {
  let db: Db;
  let http: HttpService;
  let base: string;
  const log = logSink();

  beforeAll(async () => {
    db = await openTestPglite();
    // A router of the kind the admin panel will add, with failures of both sorts.
    const panel = new Hono<WebEnv>()
      .get('/boom', () => {
        throw new Error(`Telegram refused ${TOKEN}: relation "members" does not exist`);
      })
      .get('/refuse', () => {
        throw new HTTPException(422, { message: 'The date must look like 2026-12-31.' });
      });
    http = await serveHttp({ db, logger: log.logger, port: 0, hostname: '127.0.0.1', routers: [panel] });
    base = `http://127.0.0.1:${http.port}`;
  });
  afterAll(async () => {
    await http?.stop();
    await db?.close();
  });

  it('answers /healthz and /readyz, each response with a request id', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    expect(health.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true });
  });

  it('shows a client a generic message and the request id for our own failure, and logs the error only', async () => {
    const res = await fetch(`${base}/boom`);
    expect(res.status).toBe(500);
    const body = await res.text();
    const id = res.headers.get('x-request-id')!;
    expect(JSON.parse(body)).toEqual({ error: expect.stringMatching(/request id/), requestId: id });
    expect(body).not.toContain(TOKEN);
    expect(body).not.toContain('members');
    const logged = log.lines().find((l) => l.req_id === id && l.msg === 'request failed');
    expect(JSON.stringify(logged)).toContain('relation \\"members\\" does not exist');
  });

  it('shows a client the message of a refusal written for it', async () => {
    const res = await fetch(`${base}/refuse`);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: 'The date must look like 2026-12-31.', requestId: res.headers.get('x-request-id') });
  });

  it('answers an unknown path with 404 and logs one line per request', async () => {
    const res = await fetch(`${base}/nothing-here`);
    expect(res.status).toBe(404);
    const id = res.headers.get('x-request-id');
    expect(log.lines().filter((l) => l.req_id === id && l.msg === 'request')).toEqual([
      expect.objectContaining({ method: 'GET', path: '/nothing-here', status: 404 }),
    ]);
  });

  it('is not ready while the database does not answer, and says why only in the log', async () => {
    const gone = await openTestPglite();
    await gone.close();
    const sink = logSink();
    const other = await serveHttp({ db: gone, logger: sink.logger, port: 0, hostname: '127.0.0.1' });
    try {
      const res = await fetch(`http://127.0.0.1:${other.port}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ ok: false, requestId: res.headers.get('x-request-id') });
      expect((await fetch(`http://127.0.0.1:${other.port}/healthz`)).status).toBe(200);
      expect(sink.lines().some((l) => l.msg === 'not ready: the database does not answer' && l.err !== undefined)).toBe(true);
    } finally {
      await other.stop();
    }
  });

  it('says which port is taken instead of failing obscurely', async () => {
    await expect(startWebServer(new Hono(), http.port, '127.0.0.1')).rejects.toThrow(`Port ${http.port} is already in use`);
  });
});
