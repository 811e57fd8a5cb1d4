// The coordination store (docs/kill.md, "Server ids and leases"): one table of server-id leases on a shared
// MySQL/MariaDB. Every lease time is the database's clock (UTC_TIMESTAMP(3), DATETIME(3)), never ours, so a
// skewed instance clock cannot change who holds an id. The primary key decides acquire races.

import { randomInt } from 'node:crypto';
import mysql from 'mysql2/promise';

export interface StoreAddress {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

/** A live lease as peers need it: who owns which id, and where to reach its status port. */
export interface Lease {
  serverId: number;
  ownerToken: string;
  rpcAddr: string;
  sqlAddr: string;
  state: 'serving' | 'draining';
}

export type AcquireResult = { kind: 'acquired'; serverId: number } | { kind: 'full'; reason: string };

const TABLE = 'server_ids';
/** Store queries are short; a hung store must not hold a heartbeat (or a KILL) longer than this. */
const QUERY_TIMEOUT_MS = 3000;
const DUPLICATE_KEY = 1062;

export class LeaseStore {
  private readonly pool: mysql.Pool;

  constructor(private readonly address: StoreAddress) {
    this.pool = mysql.createPool({
      host: address.host,
      port: address.port,
      user: address.user,
      password: address.password,
      connectionLimit: 3,
      connectTimeout: QUERY_TIMEOUT_MS,
      enableKeepAlive: true,
      timezone: 'Z',
      dateStrings: true,
    });
    // a dropped pooled connection must not become an unhandled error
    this.pool.on('connection', (conn) => conn.on('error', () => undefined));
  }

  private async query<T>(sql: string, values: unknown[] = []): Promise<T> {
    const [rows] = await this.pool.query({ sql, values, timeout: QUERY_TIMEOUT_MS });
    return rows as T;
  }

  /** Creates the schema and table when missing (the store user needs CREATE there). */
  async ensureSchema(): Promise<void> {
    const db = mysql.escapeId(this.address.database);
    await this.query(`CREATE DATABASE IF NOT EXISTS ${db}`);
    await this.query(
      `CREATE TABLE IF NOT EXISTS ${db}.${TABLE} (
         server_id   SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
         owner_token CHAR(36)     NOT NULL,
         rpc_addr    VARCHAR(255) NOT NULL,
         sql_addr    VARCHAR(255) NOT NULL,
         state       ENUM('serving','draining') NOT NULL DEFAULT 'serving',
         acquired_at DATETIME(3)  NOT NULL,
         heartbeat_at DATETIME(3) NOT NULL,
         lease_until DATETIME(3)  NOT NULL
       ) ENGINE=InnoDB`,
    );
  }

  private get table(): string {
    return `${mysql.escapeId(this.address.database)}.${TABLE}`;
  }

  /**
   * Takes a free id in 1..maxServerId: a random pick among ids with no live lease (an expired holder is reaped
   * first), the INSERT's primary key deciding a race (1062: someone else won, try another). `avoid` is left
   * alone while any other id is free, so a recovering instance does not take back its old id.
   */
  async acquire(owner: { token: string; rpcAddr: string; sqlAddr: string }, leaseSeconds: number, maxServerId: number, avoid: number | null): Promise<AcquireResult> {
    for (let attempt = 0; attempt < 16; attempt++) {
      const live = await this.query<{ server_id: number }[]>(`SELECT server_id FROM ${this.table} WHERE lease_until >= UTC_TIMESTAMP(3)`);
      const taken = new Set(live.map((r) => Number(r.server_id)));
      const free: number[] = [];
      for (let id = 1; id <= maxServerId; id++) if (!taken.has(id)) free.push(id);
      if (free.length === 0) {
        return { kind: 'full', reason: `no free server id: all ${maxServerId} ids in 1..${maxServerId} hold a live lease ([cluster] max_server_id)` };
      }
      const preferred = free.length > 1 && avoid !== null ? free.filter((id) => id !== avoid) : free;
      const candidate = preferred[randomInt(preferred.length)]!;
      await this.query(`DELETE FROM ${this.table} WHERE server_id = ? AND lease_until < UTC_TIMESTAMP(3)`, [candidate]);
      try {
        await this.query(
          `INSERT INTO ${this.table} (server_id, owner_token, rpc_addr, sql_addr, state, acquired_at, heartbeat_at, lease_until)
           VALUES (?, ?, ?, ?, 'serving', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL ? SECOND)`,
          [candidate, owner.token, owner.rpcAddr, owner.sqlAddr, leaseSeconds],
        );
        return { kind: 'acquired', serverId: candidate };
      } catch (err) {
        if ((err as { errno?: number }).errno !== DUPLICATE_KEY) throw err;
      }
    }
    return { kind: 'full', reason: 'lost the race for a free server id 16 times in a row' };
  }

  /** Extends our lease; false when the row is no longer ours (deleted or taken): the caller fences. */
  async heartbeat(serverId: number, token: string, leaseSeconds: number, state: 'serving' | 'draining'): Promise<boolean> {
    const result = await this.query<{ affectedRows: number }>(
      `UPDATE ${this.table} SET heartbeat_at = UTC_TIMESTAMP(3), lease_until = UTC_TIMESTAMP(3) + INTERVAL ? SECOND, state = ?
       WHERE server_id = ? AND owner_token = ?`,
      [leaseSeconds, state, serverId, token],
    );
    // mysql2 sets CLIENT_FOUND_ROWS: affected = matched, so an unchanged row still counts as 1
    return result.affectedRows === 1;
  }

  /** Gives the id back (graceful shutdown, or a stale row of ours after a fence). */
  async release(token: string): Promise<void> {
    await this.query(`DELETE FROM ${this.table} WHERE owner_token = ?`, [token]);
  }

  /** Every id with a live lease, by the store's clock. */
  async live(): Promise<Lease[]> {
    const rows = await this.query<{ server_id: number; owner_token: string; rpc_addr: string; sql_addr: string; state: 'serving' | 'draining' }[]>(
      `SELECT server_id, owner_token, rpc_addr, sql_addr, state FROM ${this.table} WHERE lease_until >= UTC_TIMESTAMP(3) ORDER BY server_id`,
    );
    return rows.map((r) => ({ serverId: Number(r.server_id), ownerToken: r.owner_token, rpcAddr: r.rpc_addr, sqlAddr: r.sql_addr, state: r.state }));
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
