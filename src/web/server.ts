import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Env } from 'hono';

export interface RunningServer {
  readonly port: number;
  /** Stops accepting requests; resolves once every connection has ended. */
  close(): Promise<void>;
  /** Ends the connections still open (call after the handlers are done). */
  terminate(): void;
}

/** The port is taken by another program; `message` says what to do. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    options?: { cause?: unknown },
  ) {
    super(`Port ${port} is already in use: stop the program that holds it, or set PORT to a free port.`, options);
    this.name = 'PortInUseError';
  }
}

/** Serves `app` on 127.0.0.1 or all interfaces; port 0 picks a free one. */
export async function startWebServer<E extends Env>(app: Hono<E>, port: number, hostname = '0.0.0.0'): Promise<RunningServer> {
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname }, () => resolve(s));
    s.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new PortInUseError(port, { cause: e }) : e));
  });
  const http = server as Server;
  return {
    port: (http.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.close((e) => (e ? reject(e) : resolve()));
        // Idle keep-alive sockets would hold close() open until they time out.
        http.closeIdleConnections();
      }),
    terminate: () => http.closeAllConnections(),
  };
}
