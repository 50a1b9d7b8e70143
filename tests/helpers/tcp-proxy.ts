import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a server (PostgreSQL), to break the link on purpose:
 * `cut()` drops every connection (new ones still work), `refuse()` drops them and stops
 * listening (connections refused), `silence()` keeps every connection open but carries
 * nothing either way, nor connects new ones (a dead link or a hung server), and `resume()` ends
 * any of these (silenced bytes are delivered then, as a link that comes back delivers them).
 */
export interface TcpProxy {
  readonly port: number;
  /** `url` with its host and port replaced by the proxy's. */
  via(url: string): string;
  cut(): void;
  refuse(): Promise<void>;
  silence(): void;
  resume(): Promise<void>;
  close(): Promise<void>;
}

interface Link {
  client: Socket;
  upstream?: Socket;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const links = new Set<Link>();
  let mode: 'open' | 'silent' | 'refusing' = 'open';

  const join = (link: Link) => {
    const upstream = connect(target.port, target.host);
    link.upstream = upstream;
    const drop = () => {
      link.client.destroy();
      upstream.destroy();
      links.delete(link);
    };
    upstream.on('error', drop).on('close', drop);
    link.client.pipe(upstream);
    upstream.pipe(link.client);
    link.client.resume();
  };

  const accept = (client: Socket) => {
    const link: Link = { client };
    links.add(link);
    client.on('error', () => {}).on('close', () => (link.upstream?.destroy(), links.delete(link)));
    // Silent: the connection is taken, and nothing comes of it.
    if (mode === 'silent') client.pause();
    else join(link);
  };

  let server: Server = createServer(accept);
  await listen(server, 0);
  const port = (server.address() as { port: number }).port;

  const dropAll = () => {
    for (const link of links) {
      link.client.destroy();
      link.upstream?.destroy();
    }
    links.clear();
  };

  return {
    port,
    via(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    cut: dropAll,
    async refuse() {
      mode = 'refusing';
      dropAll();
      await closeServer(server);
    },
    silence() {
      mode = 'silent';
      for (const { client, upstream } of links) {
        if (upstream) {
          client.unpipe(upstream);
          upstream.unpipe(client);
          upstream.pause();
        }
        client.pause();
      }
    },
    async resume() {
      if (mode === 'refusing') {
        server = createServer(accept);
        await listen(server, port);
      } else if (mode === 'silent') {
        for (const link of links) {
          if (!link.upstream) join(link);
          else {
            link.client.pipe(link.upstream);
            link.upstream.pipe(link.client);
            link.client.resume();
            link.upstream.resume();
          }
        }
      }
      mode = 'open';
    },
    async close() {
      dropAll();
      if (mode !== 'refusing') await closeServer(server);
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => (server.off('error', reject), resolve()));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
