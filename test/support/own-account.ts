// An account of its own on the test MariaDB for the tests that kill inceptor's sessions from the server's side
// (test/integration/kill: target side, backup side): inceptor connects under it, so its sessions are exactly the
// processlist rows of that user, and a DBA's KILL on the server can be aimed at them.
import type mysql from 'mysql2/promise';
import { backupDbName } from '../../src/backup/name.js';
import { directConnection, freshDatabase, testDb, type TestDb } from './mariadb.js';

/** A session of the account, as the server's processlist shows it. */
export interface ServerSession {
  id: number;
  db: string | null;
  command: string;
  state: string;
  info: string | null;
}

export interface OwnAccount {
  readonly user: string;
  readonly password: string;
  /** The account's sessions, from information_schema.PROCESSLIST. */
  sessions(): Promise<ServerSession[]>;
  /** KILL CONNECTION of every session (a session that is already gone is no error); how many there were. */
  killSessions(): Promise<number>;
  drop(): Promise<void>;
}

/** Creates (if missing) the account `ks_<name>` with every privilege; `admin` runs the queries. */
export async function ownAccount(admin: mysql.Connection, name: string): Promise<OwnAccount> {
  const user = `ks_${name}`;
  const password = `ks-${name}-pw`;
  await admin.query(`CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY '${password}'`);
  await admin.query(`GRANT ALL ON *.* TO '${user}'@'%'`);
  const sessions = async (): Promise<ServerSession[]> => {
    const [rows] = await admin.query(
      'SELECT ID AS id, DB AS db, COMMAND AS command, STATE AS state, INFO AS info FROM information_schema.PROCESSLIST WHERE USER = ?',
      [user],
    );
    return (rows as ServerSession[]).map((r) => ({ ...r, id: Number(r.id) }));
  };
  return {
    user,
    password,
    sessions,
    async killSessions() {
      const found = await sessions();
      for (const s of found) await admin.query(`KILL CONNECTION ${s.id}`).catch(() => undefined);
      return found.length;
    },
    async drop() {
      await admin.query(`DROP USER IF EXISTS '${user}'@'%'`);
    },
  };
}

/**
 * The setup the server-side kill tests share: the test MariaDB, an admin connection to it, the account `ks_<name>`
 * and `databases` created afresh. `close` drops the databases, their backup schemas and the account.
 */
export async function ownAccountFixture(name: string, ...databases: string[]): Promise<{ db: TestDb; admin: mysql.Connection; account: OwnAccount; close(): Promise<void> }> {
  const db = await testDb();
  const admin = await directConnection();
  const account = await ownAccount(admin, name);
  for (const database of databases) await freshDatabase(database);
  const close = async () => {
    for (const database of databases) {
      await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await admin.query(`DROP DATABASE IF EXISTS \`${backupDbName(db.host, db.port, database)}\``);
    }
    await account.drop();
    await admin.end();
  };
  return { db, admin, account, close };
}
