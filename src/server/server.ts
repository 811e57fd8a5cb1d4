// The listener: accepts sockets and gives each a Connection; owns what connections share (id allocator,
// users, TLS context, counters).

import { createServer, type Server, type Socket } from 'node:net';
import { createSecureContext, type SecureContext } from 'node:tls';
import type { Logger } from 'pino';
import { LocalIdAllocator } from '../process/connection-id.js';
import type { ProcessRegistry } from '../process/registry.js';
import { Connection, type ClientTimeouts, type ConnectionShared } from './connection.js';
import { connectionCap } from './limits.js';
import { LoginDelay, type LoginDelayOptions } from './login-delay.js';
import type { QueryHandler } from '../process/client-session.js';
import { UserDirectory } from './users.js';

export interface ServerOptions {
  registry: ProcessRegistry;
  logger: Logger;
  handleQuery: QueryHandler;
  skipGrantTable: boolean;
  users: { name: string; password: string; admin: boolean }[];
  /** PEM contents. */
  tls?: { cert: string | Buffer; key: string | Buffer } | null;
  /** Bytes, from cfg.inc.max_allowed_packet (default 4194304). */
  maxAllowedPacket: number;
  serverVersion?: string;
  localIdBits?: number;
  handshakeTimeoutMs?: number;
  /** `max-server-connections` (0 = only the file-descriptor bound). */
  maxConnections?: number;
  /** Seconds; MySQL's defaults (28800, 28800, 30) when absent. */
  timeouts?: Partial<ClientTimeouts>;
  /** Failed-login delay (applies only when grants are on); none when absent. */
  loginDelay?: LoginDelayOptions;
}

export interface InceptorServer {
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

export const DEFAULT_SERVER_VERSION = '5.7.25-inceptor-0.1.0';
export const VERSION_COMMENT = 'inceptor: goInception-compatible SQL audit proxy';
const DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000;

export function createInceptorServer(opts: ServerOptions): InceptorServer {
  let secureContext: SecureContext | null = null;
  if (opts.tls) secureContext = createSecureContext({ cert: opts.tls.cert, key: opts.tls.key });
  const connections = new Set<Connection>();
  const shared: ConnectionShared = {
    registry: opts.registry,
    logger: opts.logger,
    handleQuery: opts.handleQuery,
    users: new UserDirectory(opts.skipGrantTable, opts.users),
    secureContext,
    maxAllowedPacket: opts.maxAllowedPacket,
    serverVersion: opts.serverVersion ?? DEFAULT_SERVER_VERSION,
    versionComment: VERSION_COMMENT,
    handshakeTimeoutMs: opts.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS,
    ids: new LocalIdAllocator(opts.localIdBits),
    startedAt: Date.now(),
    questions: 0,
    port: 0,
    liveConnections: () => connections.size,
    maxConnections: connectionCap(opts.maxConnections ?? 0),
    timeouts: { wait: 28800, interactive: 28800, netRead: 30, ...opts.timeouts },
    loginDelay: opts.skipGrantTable || !opts.loginDelay ? null : new LoginDelay(opts.loginDelay),
  };
  const server: Server = createServer({ noDelay: true }, (socket: Socket) => {
    const conn = new Connection(socket, shared);
    connections.add(conn);
    conn.closed.then(() => connections.delete(conn));
  });
  server.on('error', (err: NodeJS.ErrnoException) => {
    // a failed accept() (EMFILE/ENFILE when descriptors run out elsewhere) drops that one client; keep serving
    if (err.code === 'EMFILE' || err.code === 'ENFILE') opts.logger.warn({ event: 'accept_failed', code: err.code }, 'out of file descriptors');
    else opts.logger.error({ err }, 'listener error');
  });

  return {
    listen(port, host) {
      return new Promise((resolve, reject) => {
        const onError = (err: Error) => reject(err);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          const address = server.address();
          shared.port = typeof address === 'object' && address ? address.port : port;
          resolve(shared.port);
        });
      });
    },
    /** Stops listening and closes every client socket; requests still running finish in the background. */
    async close() {
      const wasListening = server.listening;
      const closing = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const conn of connections) conn.destroy();
      await Promise.all([...connections].map((c) => c.socketClosed));
      if (wasListening) await closing;
    },
  };
}
