// Wires one inceptor instance together: config → settings, registry, server; the server hands every query its
// compat layer does not answer to the batch request handler.

import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { grantsEnabled, type Config } from './config/config.js';
import { Settings } from './config/settings.js';
import { performance } from 'node:perf_hooks';
import { createRegistry, startNode, type InstanceNode } from './cluster/node.js';
import type { ProcessRegistry } from './process/registry.js';
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
  /** Status server, sessions (standalone or cluster) and metrics. */
  node: InstanceNode;
  close(): Promise<void>;
}

export async function startInceptor({ config, logger }: StartOptions): Promise<RunningInceptor> {
  const registry = createRegistry(config);
  // set once the node is up; no query reaches the handler before (the cluster refuses clients until then)
  let node: InstanceNode | null = null;
  const settings = new Settings(config);
  const security = config.security;
  const tls =
    security.ssl_cert && security.ssl_key
      ? { cert: readFileSync(security.ssl_cert), key: readFileSync(security.ssl_key) }
      : null;
  const skipGrantTable = !grantsEnabled(config);
  const server = createInceptorServer({
    registry,
    logger,
    skipGrantTable,
    users: config.users,
    tls,
    maxAllowedPacket: config.inc.max_allowed_packet,
    handshakeTimeoutMs: config.inceptor.handshake_timeout * 1000,
    localIdBits: config.inceptor.local_id_bits,
    maxConnections: config.max_server_connections,
    timeouts: { wait: config.inceptor.wait_timeout, interactive: config.inceptor.interactive_timeout, netRead: config.inceptor.net_read_timeout },
    loginDelay: {
      threshold: config.inceptor.connection_control_failed_connections_threshold,
      minMs: config.inceptor.connection_control_min_connection_delay,
      maxMs: config.inceptor.connection_control_max_connection_delay,
    },
    handleQuery: async (sql, session) => {
      const began = performance.now();
      const result = await handleRequest(sql, session, { registry, sessions: node?.sessions, settings, config, logger });
      node?.metrics.observeRequest(result, session.process.command, (performance.now() - began) / 1000);
      return result;
    },
  });
  const port = await server.listen(config.port, config.host);
  try {
    node = await startNode(config, registry, port, logger);
  } catch (err) {
    await server.close();
    throw err;
  }
  const started = node;
  logger.info(
    { event: 'listening', host: config.host, port, serverId: started.sessions.serverId, statusPort: started.statusPort, cluster: config.cluster.enable, tls: tls !== null },
    'inceptor listening',
  );
  return {
    port,
    registry,
    settings,
    node: started,
    async close() {
      await server.close();
      await started.close();
    },
  };
}
