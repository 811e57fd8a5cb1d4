// Wires one inceptor instance together: config → settings, registry, server; the server hands every query its
// compat layer does not answer to the batch request handler.

import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Config } from './config/config.js';
import { Settings } from './config/settings.js';
import { ProcessRegistry } from './process/registry.js';
import { createInceptorServer } from './server/server.js';
import { handleRequest } from './batch/request.js';

export interface StartOptions {
  config: Config;
  logger: Logger;
}

export interface RunningInceptor {
  port: number;
  registry: ProcessRegistry;
  settings: Settings;
  close(): Promise<void>;
}

export async function startInceptor({ config, logger }: StartOptions): Promise<RunningInceptor> {
  const registry = new ProcessRegistry(config.inceptor.server_id);
  const settings = new Settings(config);
  const security = config.security;
  const tls =
    security.ssl_cert && security.ssl_key
      ? { cert: readFileSync(security.ssl_cert), key: readFileSync(security.ssl_key) }
      : null;
  const skipGrantTable = config.skip_grant_table && config.inc.skip_grant_table && security.skip_grant_table;
  const server = createInceptorServer({
    registry,
    logger,
    skipGrantTable,
    users: config.users,
    tls,
    maxAllowedPacket: config.inc.max_allowed_packet,
    handshakeTimeoutMs: config.inceptor.handshake_timeout * 1000,
    maxConnections: config.max_server_connections,
    timeouts: { wait: config.inceptor.wait_timeout, interactive: config.inceptor.interactive_timeout, netRead: config.inceptor.net_read_timeout },
    loginDelay: {
      threshold: config.inceptor.connection_control_failed_connections_threshold,
      minMs: config.inceptor.connection_control_min_connection_delay,
      maxMs: config.inceptor.connection_control_max_connection_delay,
    },
    handleQuery: (sql, session) => handleRequest(sql, session, { registry, settings, config, logger }),
  });
  const port = await server.listen(config.port, config.host);
  logger.info({ event: 'listening', host: config.host, port, serverId: registry.serverId, tls: tls !== null }, 'inceptor listening');
  return { port, registry, settings, close: () => server.close() };
}
