// The HTTP status server of `[status]` (docs/kill.md, "Health and metrics", "Forwarding"): /healthz, /readyz,
// /metrics, and — in a cluster — the signed internal endpoints through which peers KILL and list our sessions.
// The owner side re-checks everything and never forwards again.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { ProcessRegistry } from '../process/registry.js';
import { processView, unknownThread, visibleTo } from '../process/sessions.js';
import { MysqlError } from '../protocol/result.js';
import type { RequestVerifier } from './auth.js';
import { KILL_PATH, PROCESSLIST_PATH, type KillAnswer, type KillMessage, type ProcesslistAnswer, type ProcesslistMessage } from './messages.js';
import type { Metrics } from './metrics.js';

export interface Readiness {
  ready: boolean;
  serverId: number | null;
  state: string;
  reason: string;
}

/** The owner side of forwarding; absent in standalone mode. */
export interface InternalEndpoints {
  verifier: RequestVerifier;
  registry: ProcessRegistry;
  /** Our server id now (null while fenced). */
  serverId: () => number | null;
  instance: string;
}

export interface StatusServerOptions {
  metrics: Metrics;
  readiness: () => Readiness;
  internal: InternalEndpoints | null;
  log: Logger;
}

const MAX_BODY_BYTES = 64 * 1024;

export interface StatusServer {
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

export function createStatusServer(opts: StatusServerOptions): StatusServer {
  const server: Server = createServer((req, res) => {
    route(req, res, opts).catch((err: unknown) => {
      opts.log.error({ event: 'status_request', path: req.url, err }, 'status request failed');
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error\n');
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  return {
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

async function route(req: IncomingMessage, res: ServerResponse, opts: StatusServerOptions): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'GET' && path === '/healthz') return send(res, 200, 'text/plain', 'ok\n');
  if (req.method === 'GET' && path === '/readyz') {
    const r = opts.readiness();
    return send(res, r.ready ? 200 : 503, 'application/json', JSON.stringify(r));
  }
  if (req.method === 'GET' && path === '/metrics') return send(res, 200, opts.metrics.contentType, await opts.metrics.text());
  const internal = opts.internal;
  if (req.method === 'POST' && internal && (path === KILL_PATH || path === PROCESSLIST_PATH)) {
    const body = await readBody(req);
    if (body === null) return send(res, 413, 'text/plain', 'body too large\n');
    const refused = internal.verifier.verify(req.headers, path, body);
    if (refused) {
      opts.log.warn({ event: 'internal_refused', path, from: req.socket.remoteAddress, reason: refused }, 'internal request refused');
      return send(res, 401, 'text/plain', `refused: ${refused}\n`);
    }
    let message: unknown;
    try {
      message = JSON.parse(body);
    } catch {
      return send(res, 400, 'text/plain', 'bad JSON\n');
    }
    const answer = path === KILL_PATH ? killHere(message as KillMessage, internal, opts.log) : listHere(message as ProcesslistMessage, internal);
    return send(res, 200, 'application/json', JSON.stringify(answer));
  }
  return send(res, 404, 'text/plain', 'not found\n');
}

/**
 * A forwarded KILL, checked as if it had arrived here: the id must be of our current server id (a stale
 * directory or an instance restarted on the same address with a new id gets 1094), the connection must exist
 * (1094), and the requester must own it or be an admin (1095).
 */
function killHere(m: KillMessage, internal: InternalEndpoints, log: Logger): KillAnswer {
  if (!m || typeof m.id !== 'number' || typeof m.serverId !== 'number' || !m.requester || typeof m.requester.user !== 'string' || (m.mode !== 'query' && m.mode !== 'connection')) {
    return { ok: false, code: 1105, sqlState: 'HY000', message: 'malformed forwarded KILL' };
  }
  try {
    if (m.serverId !== internal.serverId()) throw unknownThread(m.id);
    internal.registry.kill({ user: m.requester.user, isAdmin: m.requester.isAdmin === true }, BigInt(m.id), m.mode);
  } catch (err) {
    if (err instanceof MysqlError) return { ok: false, code: err.code, sqlState: err.sqlState, message: err.message };
    throw err;
  }
  log.info({ event: 'kill_remote', id: m.id, mode: m.mode, user: m.requester.user }, 'forwarded KILL done');
  return { ok: true };
}

function listHere(m: ProcesslistMessage, internal: InternalEndpoints): ProcesslistAnswer {
  const serverId = internal.serverId();
  const requester = { user: String(m?.requester?.user ?? ''), isAdmin: m?.requester?.isAdmin === true };
  const now = Date.now();
  const processes =
    serverId === null
      ? []
      : internal.registry
          .list()
          .filter((e) => visibleTo(requester, e))
          .map((e) => {
            const { updatedAt, ...rest } = processView(e);
            return { ...rest, ageMs: Math.max(0, now - updatedAt) };
          });
  return { instance: internal.instance, serverId: serverId ?? 0, processes };
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
