// One instance's place in the world (docs/kill.md): standalone (server id from [inceptor] server_id, local KILL)
// or a cluster member (a leased server id, forwarded KILL, cluster processlist), plus the [status] HTTP server.
// inceptor.ts asks for a node and hands its SessionManager to the request handler; nothing else knows which.

import { networkInterfaces } from 'node:os';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { ProcessRegistry } from '../process/registry.js';
import { ER, mysqlError } from '../protocol/result.js';
import { LocalSessions, type SessionManager } from '../process/sessions.js';
import { RequestVerifier } from './auth.js';
import { LeaseKeeper, NOT_SERVING } from './lease.js';
import { Metrics } from './metrics.js';
import { ClusterSessions, Directory } from './sessions.js';
import { createStatusServer, type Readiness, type StatusServer } from './status-server.js';
import { LeaseStore, type StoreAddress } from './store.js';

export interface InstanceNode {
  sessions: SessionManager;
  metrics: Metrics;
  /** Port of the status server, null when [status] report-status is off. */
  statusPort: number | null;
  readiness(): Readiness;
  /** Drains (cluster: heartbeats until the last connection is gone, then releases the id) and stops. */
  close(): Promise<void>;
}

/** How often the cached lease directory is re-read at most, while KILLs hit known ids. */
const DIRECTORY_MAX_AGE_MS = 3000;

/** The registry of this instance: a cluster member refuses clients until the store grants it a server id. */
export function createRegistry(config: Config): ProcessRegistry {
  const registry = new ProcessRegistry(config.inceptor.server_id, {
    idBits: config.cluster.id_bits === 64 ? 64 : 32,
    compatibleKillQuery: config.compatible_kill_query,
  });
  if (config.cluster.enable) registry.refusal = mysqlError(ER.UNKNOWN, `${NOT_SERVING} acquiring a server id`);
  return registry;
}

/** Starts the status server and, in a cluster, the lease; `sqlPort` is the port clients already reach. */
export async function startNode(config: Config, registry: ProcessRegistry, sqlPort: number, log: Logger): Promise<InstanceNode> {
  const cluster = config.cluster;
  const status = config.status;
  let lease: LeaseKeeper | null = null;
  const metrics = new Metrics(registry, () => (lease ? { state: lease.state, serverId: lease.serverId } : { state: 'standalone', serverId: registry.serverId }));
  const readiness = (): Readiness =>
    lease
      ? { ready: lease.ready, serverId: lease.serverId, state: lease.state, reason: lease.reason }
      : { ready: true, serverId: registry.serverId, state: 'standalone', reason: '' };

  if (!cluster.enable) {
    let statusServer: StatusServer | null = null;
    let statusPort: number | null = null;
    if (status.report_status) {
      statusServer = createStatusServer({ metrics, readiness, internal: null, log });
      statusPort = await statusServer.listen(status.status_port, status.status_host);
    }
    const instance = statusPort !== null ? `${reachableHost(status.status_host)}:${statusPort}` : `${reachableHost(config.host)}:${sqlPort}`;
    return { sessions: new LocalSessions(registry, instance), metrics, statusPort, readiness, close: async () => statusServer?.close() };
  }

  const store = new LeaseStore(storeAddress(config));
  const verifier = new RequestVerifier(cluster.secret);
  let instance = '';
  let serverId = (): number | null => null;
  const statusServer = createStatusServer({
    metrics,
    readiness,
    internal: { verifier, registry, serverId: () => serverId(), get instance() { return instance; } },
    log,
  });
  const statusPort = await statusServer.listen(status.status_port, status.status_host);
  instance = cluster.advertise_address || `${reachableHost(status.status_host)}:${statusPort}`;
  lease = new LeaseKeeper(
    store,
    registry,
    { leaseSeconds: cluster.lease_seconds, heartbeatSeconds: cluster.heartbeat_seconds, fenceSeconds: cluster.fence_seconds, maxServerId: cluster.max_server_id },
    { rpcAddr: instance, sqlAddr: `${reachableHost(config.host)}:${sqlPort}` },
    log,
  );
  const keeper = lease;
  serverId = () => keeper.serverId;
  await keeper.start();
  const directory = new Directory(store, DIRECTORY_MAX_AGE_MS, log);
  directory.start();
  const sessions = new ClusterSessions(
    registry,
    keeper,
    directory,
    { secret: cluster.secret, forwardTimeoutMs: cluster.forward_timeout_ms, maxServerId: cluster.max_server_id, instance },
    metrics,
    log,
  );
  return {
    sessions,
    metrics,
    statusPort,
    readiness,
    async close() {
      await keeper.drain();
      directory.stop();
      await statusServer.close();
      await store.close();
    },
  };
}

/** [cluster] store_* or, when store_host is empty, [inc] backup_*. */
export function storeAddress(config: Config): StoreAddress {
  const c = config.cluster;
  const inc = config.inc;
  const own = c.store_host !== '';
  return {
    host: own ? c.store_host : inc.backup_host,
    port: (own ? c.store_port : inc.backup_port) || 3306,
    user: own ? c.store_user : inc.backup_user,
    password: own ? c.store_password : inc.backup_password,
    database: c.store_db,
  };
}

/** A wildcard listen address is not something a peer can dial: use this machine's first external IPv4. */
function reachableHost(host: string): string {
  if (host !== '0.0.0.0' && host !== '::' && host !== '') return host.includes(':') ? `[${host}]` : host;
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}
