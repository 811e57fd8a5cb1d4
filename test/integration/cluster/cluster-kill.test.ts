// Three real inceptor processes sharing the harness MariaDB as coordination store, behind a round-robin TCP
// balancer (docs/kill.md): KILL in every form, local and forwarded, idle and during CHECKING / EXECUTING / BACKUP; the
// mariadb CLI's Ctrl-C landing on another instance; privileges on both paths; ids that do not decode; the
// cluster processlist; forged internal requests; /metrics read by a Prometheus parser.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import type mysql from 'mysql2/promise';
import { backupDbName, INFO_TABLE } from '../../../src/backup/name.js';
import { signedHeaders } from '../../../src/cluster/auth.js';
import { decodeConnectionId, encodeConnectionId } from '../../../src/process/connection-id.js';
import { Balancer, eventually, FAST, Member, within } from '../../support/cluster.js';
import { directConnection, freshDatabase, testDb, type TestDb } from '../../support/mariadb.js';
import { parsePrometheus, sampleValue } from '../../support/prometheus.js';
import { binlogReaderMissing } from '../backup/support.js';
import { requireTool } from '../clients/support.js';
import {
  batchHeader, connectTo, handshakeId, mysqlErrorOf, processlist, resetTable, slowUpdates, socketClosed, targetValues, waitForProcess, type Account,
} from '../kill/helpers.js';

const DATABASE = 'cluster_kill';
const STORE_DB = 'inceptor_cluster_kill_test';
const KILLED = 'Operation has been killed!';
const LOCAL_QUERY = "inception get variables like 'version'";
const ROOT: Account = { user: 'root', password: 'rootpw' };
const ALICE: Account = { user: 'alice', password: 'alicepw' };
const BOB: Account = { user: 'bob', password: 'bobpw' };
const USERS = [
  { name: 'root', password: 'rootpw', admin: true },
  { name: 'alice', password: 'alicepw', admin: false },
  { name: 'bob', password: 'bobpw', admin: false },
];
type Cell = string | number | null;
/** The backup stage reads the target's binlog (docs/binlog.md); without the reader its test says so and skips. */
const readerMissing = await binlogReaderMissing();

function manyInserts(db: TestDb, count: number): string {
  const inserts = Array.from({ length: count }, (_, i) => `insert into t (id, c) values (${100 + i}, 'x${i}');`);
  return [batchHeader(db, '--check=1;'), 'inception_magic_start;', `use \`${DATABASE}\`;`, ...inserts, 'inception_magic_commit;'].join('\n');
}

describe('global KILL across three instances', () => {
  let db: TestDb;
  let members: Member[];
  let serverIds: number[];
  let balancer: Balancer;
  /** An admin connection straight to each instance. */
  let observers: mysql.Connection[];

  before(async () => {
    db = await testDb();
    await freshDatabase(DATABASE);
    const store = await directConnection();
    await store.query(`DROP DATABASE IF EXISTS \`${STORE_DB}\``);
    await store.end();
    members = await Promise.all([0, 1, 2].map(() => Member.create({ store: db, storeDb: STORE_DB, users: USERS, backup: db })));
    await Promise.all(members.map((m) => m.start()));
    serverIds = (await Promise.all(members.map((m) => m.waitReady()))).map((r) => r.serverId!);
    balancer = await Balancer.start(members.map((m) => m.sqlPort));
    observers = await Promise.all(members.map((m) => connectTo(m.sqlPort, ROOT)));
  });
  after(async () => {
    await Promise.all((observers ?? []).map((o) => o.end().catch(() => undefined)));
    await balancer?.close();
    await Promise.all((members ?? []).map((m) => m.stop().catch(() => undefined)));
    await Promise.all((members ?? []).map((m) => m.dispose()));
  });

  test('started together, the instances hold distinct server ids and their connection ids carry them', async () => {
    assert.equal(new Set(serverIds).size, 3, String(serverIds));
    for (const [i, m] of members.entries()) {
      const conn = await connectTo(m.sqlPort, ALICE);
      try {
        const id = handshakeId(conn);
        assert.equal(decodeConnectionId(id)?.serverId, serverIds[i]);
        const [rows] = await conn.query({ sql: 'SELECT CONNECTION_ID()', rowsAsArray: true });
        assert.equal(Number((rows as unknown[][])[0]![0]), id);
      } finally {
        await conn.end();
      }
    }
  });

  test('idle connections: KILL QUERY is a no-op, KILL CONNECTION and bare KILL close them — forwarded and local', async () => {
    for (const [killerAt, victimAt] of [[0, 1], [2, 2]] as const) {
      const killer = await connectTo(members[killerAt]!.sqlPort, ALICE);
      try {
        const victim = await connectTo(members[victimAt]!.sqlPort, ALICE);
        await killer.query(`KILL QUERY ${handshakeId(victim)}`);
        const [rows] = await victim.query(LOCAL_QUERY);
        assert.equal((rows as unknown[]).length, 1, 'the victim still answers after KILL QUERY');
        for (const form of ['KILL CONNECTION', 'KILL', 'KILL TIDB']) {
          const target = form === 'KILL CONNECTION' ? victim : await connectTo(members[victimAt]!.sqlPort, ALICE);
          const closed = socketClosed(target);
          await killer.query(`${form} ${handshakeId(target)}`);
          await within(5000, `${form} (${killerAt}→${victimAt}) to close the victim`, closed);
        }
      } finally {
        await killer.end();
      }
    }
  });

  test('many concurrent forwarded KILLs to one owner, and a double KILL CONNECTION: OK or 1094, never a crash', async () => {
    const victim = await connectTo(members[0]!.sqlPort, ALICE);
    const id = handshakeId(victim);
    const killers = await Promise.all([1, 2, 1, 2].map((at) => connectTo(members[at]!.sqlPort, ALICE)));
    try {
      await Promise.all(Array.from({ length: 20 }, (_, i) => killers[i % killers.length]!.query(`KILL QUERY ${id}`)));
      const [rows] = await victim.query(LOCAL_QUERY);
      assert.equal((rows as unknown[]).length, 1, 'KILL QUERY of an idle connection leaves it usable');
      const closed = socketClosed(victim);
      const outcomes = await Promise.allSettled(killers.slice(0, 2).map((k) => k.query(`KILL CONNECTION ${id}`)));
      for (const o of outcomes) {
        if (o.status === 'rejected') assert.equal((o.reason as { errno?: number }).errno, 1094, String(o.reason));
      }
      assert.ok(outcomes.some((o) => o.status === 'fulfilled'), 'one of them killed it');
      await within(5000, 'the victim to close', closed);
      await assert.rejects(killers[0]!.query(`KILL ${id}`), mysqlErrorOf(1094));
    } finally {
      await Promise.all(killers.map((k) => k.end()));
    }
  });

  /** A victim on instance 1 and a killer on `killerAt`, over a fresh table `t`. */
  async function victimAndKiller(killerAt: number) {
    await resetTable(DATABASE);
    const victim = await connectTo(members[1]!.sqlPort, ROOT);
    const killer = await connectTo(members[killerAt]!.sqlPort, ROOT);
    return { victim, killer, id: handshakeId(victim), closed: socketClosed(victim) };
  }

  /** After the killed batch answered: QUERY leaves the connection usable, the CONNECTION forms close it. */
  async function afterKill(form: string, victim: mysql.Connection, closed: Promise<void>): Promise<void> {
    if (form === 'KILL QUERY') {
      const [after] = await victim.query(LOCAL_QUERY);
      assert.equal((after as unknown[]).length, 1, 'KILL QUERY keeps the connection');
    } else {
      await within(5000, 'the victim socket to close', closed);
    }
  }

  for (const [form, killerAt] of [['KILL QUERY', 0], ['KILL', 2]] as const) {
    test(`forwarded ${form} while CHECKING: the audit stops early with the killed message; ${form === 'KILL' ? 'then the socket closes' : 'the connection stays'}`, async () => {
      const { victim, killer, id, closed } = await victimAndKiller(killerAt);
      try {
        const count = 10_000;
        const pending = victim.query({ sql: manyInserts(db, count), rowsAsArray: true });
        await waitForProcess(observers[1]!, id, (r) => r.STATE === 'CHECKING' && (r.Info ?? '').startsWith('insert'), 60_000);
        await killer.query(`${form} ${id}`);
        const [rows] = (await within(60_000, 'the killed batch', pending)) as [Cell[][], unknown];
        assert.ok(rows.length > 1 && rows.length < count + 1, `stopped early: ${rows.length} rows`);
        assert.match(String(rows[rows.length - 1]![4]), new RegExp(`${KILLED}$`));
        await afterKill(form, victim, closed);
      } finally {
        victim.destroy();
        await killer.end();
      }
    });
  }

  for (const [name, killerAt, form] of [['forwarded', 2, 'KILL CONNECTION'], ['local', 1, 'KILL CONNECTION'], ['forwarded', 0, 'KILL'], ['forwarded', 0, 'KILL QUERY']] as const) {
    const closes = form !== 'KILL QUERY';
    test(`${name} ${form} while EXECUTING: the running statement completes, the rest never run${closes ? ', then the socket closes' : ', the connection stays'}`, async () => {
      const { victim, killer, id, closed } = await victimAndKiller(killerAt);
      try {
        const pending = victim.query({ sql: slowUpdates(db, DATABASE, 6), rowsAsArray: true });
        await waitForProcess(observers[1]!, id, (r) => r.STATE === 'EXECUTING' && /where id = 2 /.test(r.Info ?? ''));
        await killer.query(`${form} ${id}`);
        const [rows] = (await within(60_000, 'the killed batch', pending)) as [Cell[][], unknown];
        const killedAt = rows.findIndex((r) => String(r[4] ?? '').includes(KILLED));
        assert.ok(killedAt >= 2 && killedAt < 6, `killed at row ${killedAt}`);
        assert.deepEqual(await targetValues(DATABASE), [1, 2, 3, 4, 5, 6].map((n) => (n <= killedAt ? 'after' : 'before')));
        await afterKill(form, victim, closed);
      } finally {
        await killer.end().catch(() => undefined);
        victim.destroy();
      }
    });
  }

  test('KILL during BACKUP, local and forwarded, QUERY and CONNECTION: the statement stays executed, the backup stops and says so, the same rows either way', { skip: readerMissing }, async () => {
    const rows = 20_000;
    const backupDb = backupDbName(db.host, db.port, DATABASE);
    const setup = await directConnection(DATABASE);
    try {
      await setup.query('DROP TABLE IF EXISTS big');
      await setup.query("CREATE TABLE big (id INT NOT NULL PRIMARY KEY COMMENT 'id', a INT NOT NULL DEFAULT 0 COMMENT 'a') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='big'");
      await setup.query(`INSERT INTO big SELECT seq, 0 FROM seq_1_to_${rows}`);
    } finally {
      await setup.end();
    }
    const batch = (where: string) =>
      [batchHeader(db, '--execute=1;--backup=1;--ignore-warnings=1;'), 'inception_magic_start;', `use \`${DATABASE}\`;`, `update big set a = a + 1 where ${where};`, 'inception_magic_commit;'].join('\n');
    type Row = Record<string, Cell>;
    const updateRow = (result: unknown): Row => (result as Row[])[1]!;
    // a first batch creates the rollback schema and table, and shows BACKUP works in these processes
    const first = await connectTo(members[1]!.sqlPort, ROOT);
    try {
      const [result] = await first.query(batch('id = 1'));
      assert.equal(updateRow(result).stage_status, 'Execute Successfully\nBackup Successfully', JSON.stringify(result));
    } finally {
      await first.end();
    }
    const stored = async (opid: string) => {
      const conn = await directConnection(backupDb);
      try {
        const [[r]] = (await conn.query('SELECT COUNT(*) AS n FROM big WHERE opid_time = ?', [opid])) as unknown as [[{ n: number }]];
        const [[i]] = (await conn.query(`SELECT COUNT(*) AS n FROM \`${INFO_TABLE}\` WHERE opid_time = ?`, [opid])) as unknown as [[{ n: number }]];
        return { rollback: Number(r.n), info: Number(i.n) };
      } finally {
        await conn.end();
      }
    };
    // What the client sees of a row, without what differs from run to run (sequence, times, sha1).
    const visible = (row: Row) => ({ stage: row.stage, error_level: row.error_level, stage_status: row.stage_status, error_message: row.error_message, sql: row.sql, affected_rows: row.affected_rows, backup_dbname: row.backup_dbname });
    let local: Row[] | null = null;
    for (const [path, killerAt, mode] of [['local', 1, 'QUERY'], ['forwarded', 0, 'QUERY'], ['forwarded', 2, 'CONNECTION']] as const) {
      const victim = await connectTo(members[1]!.sqlPort, ROOT);
      const killer = await connectTo(members[killerAt]!.sqlPort, ROOT);
      const closed = socketClosed(victim);
      // The KILL must land while BACKUP is writing, whatever the machine's speed: a transaction of ours holds the
      // rollback table's rows and gap, so the stage's first INSERT waits for it; once the backup server shows that
      // INSERT waiting, the KILL is sent, then the lock goes.
      const lock = await directConnection(backupDb);
      await lock.query('BEGIN');
      await lock.query('SELECT id FROM big FOR UPDATE');
      let pending: Promise<unknown> | null = null;
      try {
        const id = handshakeId(victim);
        pending = victim.query(batch('id > 0')).then(([result]) => result);
        await waitForProcess(observers[1]!, id, (r) => r.STATE === 'BACKUP', 120_000);
        await eventually('the first rollback INSERT to wait for our lock', 60_000, async () => {
          const [waiting] = await lock.query("SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE CONCAT('INSERT INTO `', ?, '`.`big`%')", [backupDb]);
          return (waiting as unknown[]).length > 0;
        });
        await killer.query(`KILL ${mode} ${id}`);
      } finally {
        await lock.query('ROLLBACK');
        await lock.end();
        await killer.end();
      }
      const result = (await within(120_000, `the batch killed in BACKUP (${path} ${mode})`, pending)) as Row[];
      const update = updateRow(result);
      assert.equal(Number(update.affected_rows), rows, `${path} ${mode}: the statement ran in full`);
      assert.equal(update.stage_status, 'Execute Successfully\nBackup failed', `${path} ${mode}`);
      assert.equal(update.error_message, `Backup: ${KILLED}`, `${path} ${mode}`);
      assert.equal(update.backup_dbname, backupDb);
      const kept = await stored(String(update.sequence));
      assert.ok(kept.rollback > 0 && kept.rollback < rows, `${path} ${mode}: rollback rows written before the kill: ${kept.rollback}`);
      assert.equal(kept.info, 0, `${path} ${mode}: no information row points at an incomplete rollback`);
      if (local === null) local = result;
      else assert.deepEqual(result.map(visible), local.map(visible), `${path} ${mode} answers as the local KILL did`);
      if (mode === 'QUERY') {
        const [after] = await victim.query(LOCAL_QUERY);
        assert.equal((after as unknown[]).length, 1, 'KILL QUERY keeps the connection');
        await victim.end();
      } else {
        await within(5000, 'the victim socket to close', closed);
      }
    }
  });

  test('privileges: another user gets 1095 on the local and the forwarded path; the owner and an admin may kill', async () => {
    const victim = await connectTo(members[0]!.sqlPort, ALICE);
    const id = handshakeId(victim);
    for (const at of [0, 1]) {
      const bob = await connectTo(members[at]!.sqlPort, BOB);
      try {
        await assert.rejects(bob.query(`KILL QUERY ${id}`), mysqlErrorOf(1095, `You are not owner of thread ${id}`));
      } finally {
        await bob.end();
      }
    }
    const owner = await connectTo(members[2]!.sqlPort, ALICE);
    await owner.query(`KILL QUERY ${id}`);
    await owner.end();
    const closed = socketClosed(victim);
    const admin = await connectTo(members[1]!.sqlPort, ROOT);
    await admin.query(`KILL ${id}`);
    await admin.end();
    await within(5000, 'the admin kill to close the victim', closed);
  });

  test('ids that do not decode, or name a server id without a live lease, answer 1094; KILL CONNECTION_ID() kills yourself', async () => {
    const conn = await connectTo(members[0]!.sqlPort, ALICE);
    try {
      const own = handshakeId(conn);
      const unleased = [1, 2, 3, 4, 5].find((s) => !serverIds.includes(s))!;
      for (const id of [own + 1, 2 ** 32 + own, 2 ** 40, encodeConnectionId(unleased, 1)]) {
        await assert.rejects(conn.query(`KILL QUERY ${id}`), mysqlErrorOf(1094, `Unknown thread id: ${id}`));
      }
      const closed = socketClosed(conn);
      await conn.query('KILL CONNECTION_ID()');
      await within(5000, 'KILL CONNECTION_ID() to close the own connection', closed);
    } finally {
      conn.destroy();
    }
  });

  test("the mariadb CLI's Ctrl-C through the balancer reaches the batch on another instance", async () => {
    requireTool('mariadb', 'apt-get install -y mariadb-client');
    await resetTable(DATABASE);
    balancer.aim(0); // the CLI's session lands on instance 0, its Ctrl-C connection on instance 1
    const cli = spawn('mariadb', ['--no-defaults', '--comments', '--batch', '--delimiter=//', '-h127.0.0.1', `-P${balancer.port}`, '-uroot', '-prootpw'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    cli.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    cli.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => cli.on('exit', (code) => resolve(code)));
    try {
      cli.stdin.write(`${slowUpdates(db, DATABASE, 6)}//\n`);
      let cliId: number | undefined;
      const deadline = Date.now() + 30_000;
      while (cliId === undefined && Date.now() < deadline) {
        cliId = (await processlist(observers[0]!)).find((r) => r.STATE === 'EXECUTING' && /where id = 2 /.test(r.Info ?? ''))?.Id;
        if (cliId === undefined) await new Promise((r) => setTimeout(r, 20));
      }
      assert.ok(cliId !== undefined, `the CLI's batch was seen executing on instance 0: ${output}`);
      cli.kill('SIGINT');
      await waitForProcess(observers[0]!, cliId, (r) => r.STATE === 'INIT', 15_000);
      cli.stdin.end();
      assert.equal(await within(15_000, 'the CLI to exit', exited), 0, output);
    } finally {
      cli.kill('SIGKILL');
    }
    assert.match(output, /Ctrl-C -- query killed/);
    const lines = output.split('\n').filter((l) => /^\d+\t/.test(l));
    const killedAt = lines.findIndex((l) => l.includes(`Execute: ${KILLED}`));
    assert.ok(killedAt >= 2 && killedAt < 6, output);
    assert.deepEqual(await targetValues(DATABASE), [1, 2, 3, 4, 5, 6].map((n) => (n <= killedAt ? 'after' : 'before')));
    const metrics = parsePrometheus(await members[1]!.metrics());
    assert.ok((sampleValue(metrics, 'inceptor_kills_total', { path: 'forwarded' }) ?? 0) >= 1, 'instance 1 forwarded the Ctrl-C KILL');
  });

  test('cluster processlist: every instance with INSTANCE and SERVER_ID, filtered by user; the plain one stays local', async () => {
    const alices = await Promise.all(members.map((m) => connectTo(m.sqlPort, ALICE)));
    try {
      const [rows] = await observers[0]!.query('inception show cluster processlist');
      const list = rows as Record<string, unknown>[];
      assert.deepEqual(Object.keys(list[0]!).slice(0, 3), ['INSTANCE', 'SERVER_ID', 'Id']);
      for (const [i, a] of alices.entries()) {
        const row = list.find((r) => Number(r.Id) === handshakeId(a));
        assert.ok(row, `alice's connection on instance ${i} is listed`);
        assert.equal(row.INSTANCE, members[i]!.statusAddress);
        assert.equal(Number(row.SERVER_ID), serverIds[i]);
      }
      const [mine] = await alices[0]!.query('inception show cluster processlist');
      const users = new Set((mine as Record<string, unknown>[]).map((r) => String(r.From_Host).split('@')[0]));
      assert.deepEqual([...users], ['alice'], 'a non-admin sees only its own user, on every instance');
      assert.equal((mine as unknown[]).length, 3);
      const local = await processlist(observers[0]!);
      assert.ok(local.every((r) => decodeConnectionId(r.Id)?.serverId === serverIds[0]), 'plain processlist: this instance only');
    } finally {
      await Promise.all(alices.map((a) => a.end()));
    }
  });

  test('a lease whose owner never answers: 1105 after forward_timeout_ms; one whose rpc_addr points at a peer: 1094, nobody killed', async () => {
    const free = [10, 11, 12, 13, 14, 15].filter((s) => !serverIds.includes(s));
    const [silentId, misdirectedId] = [free[0]!, free[1]!];
    const held = new Set<Socket>();
    const silent = createServer((socket) => held.add(socket)); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const silentAddr = `127.0.0.1:${(silent.address() as { port: number }).port}`;
    const store = await directConnection(STORE_DB);
    const insert = (serverId: number, rpcAddr: string) =>
      store.query(
        `INSERT INTO server_ids (server_id, owner_token, rpc_addr, sql_addr, state, acquired_at, heartbeat_at, lease_until)
         VALUES (?, UUID(), ?, '', 'serving', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL 1 HOUR)`,
        [serverId, rpcAddr],
      );
    const bystander = await connectTo(members[0]!.sqlPort, ALICE);
    const killer = await connectTo(members[1]!.sqlPort, ROOT);
    try {
      await insert(silentId, silentAddr);
      await insert(misdirectedId, members[0]!.statusAddress);
      const hung = encodeConnectionId(silentId, 1);
      await within(FAST.forwardTimeoutMs + 20_000, 'the forwarded KILL to give up', assert.rejects(killer.query(`KILL ${hung}`),
        mysqlErrorOf(1105, `KILL forwarding to instance ${silentId} (${silentAddr}) failed: no answer within ${FAST.forwardTimeoutMs} ms`)));
      // the same local part as the bystander on instance 0, under a server id that instance 0 does not hold
      const misdirected = encodeConnectionId(misdirectedId, decodeConnectionId(handshakeId(bystander))!.localId);
      await assert.rejects(killer.query(`KILL ${misdirected}`), mysqlErrorOf(1094, `Unknown thread id: ${misdirected}`));
      const [rows] = await bystander.query(LOCAL_QUERY);
      assert.equal((rows as unknown[]).length, 1, 'the bystander is untouched');
    } finally {
      await store.query('DELETE FROM server_ids WHERE server_id IN (?, ?)', [silentId, misdirectedId]);
      await store.end();
      await killer.end();
      await bystander.end();
      for (const socket of held) socket.destroy();
      silent.close();
    }
  });

  test('forged or replayed internal requests are refused; the victim survives them', async () => {
    const victim = await connectTo(members[1]!.sqlPort, ALICE);
    try {
      const id = handshakeId(victim);
      const path = '/internal/kill';
      const body = JSON.stringify({ serverId: serverIds[1], id, mode: 'connection', requester: { user: 'root', isAdmin: true } });
      const url = `http://${members[1]!.statusAddress}${path}`;
      const post = (headers: Record<string, string>, text = body) => fetch(url, { method: 'POST', headers, body: text });
      const unsigned = await post({ 'content-type': 'application/json' });
      assert.equal(unsigned.status, 401);
      const wrongKey = await post(signedHeaders('not-the-secret', path, body));
      assert.equal(wrongKey.status, 401);
      const good = signedHeaders('test-cluster-secret', path, body);
      const tampered = await post(good, body.replace('"connection"', '"query"'));
      assert.equal(tampered.status, 401, 'the signature covers the body');
      const old = await post(signedHeaders('test-cluster-secret', path, body, Date.now() - 3_600_000));
      assert.equal(old.status, 401, 'an old timestamp is refused');
      const [rows] = await victim.query(LOCAL_QUERY);
      assert.equal((rows as unknown[]).length, 1, 'the victim is untouched');
      // the same request properly signed works once, and its replay is refused
      const closed = socketClosed(victim);
      const accepted = await post(good);
      assert.equal(accepted.status, 200);
      assert.deepEqual(await accepted.json(), { ok: true });
      await within(5000, 'the signed kill to close the victim', closed);
      assert.equal((await post(good)).status, 401, 'a replay is refused');
    } finally {
      victim.destroy();
    }
  });

  test('/metrics: batches, statements by stage and level, batch latency, kills, connections and the lease, as Prometheus reads them', async () => {
    const conn = await connectTo(members[2]!.sqlPort, ROOT);
    try {
      await conn.query([batchHeader(db, '--check=1;'), 'inception_magic_start;', `use \`${DATABASE}\`;`, 'update t set c = 1 where id = 1;', 'update no_such_table set c = 1 where id = 1;', 'inception_magic_commit;'].join('\n'));
      const families = parsePrometheus(await members[2]!.metrics());
      assert.equal(families.get('inceptor_batches_total')?.type, 'COUNTER');
      assert.ok((sampleValue(families, 'inceptor_batches_total', { mode: 'check' }) ?? 0) >= 1);
      assert.ok((sampleValue(families, 'inceptor_statements_total', { stage: 'CHECKED', level: '0' }) ?? 0) >= 1);
      assert.ok((sampleValue(families, 'inceptor_statements_total', { stage: 'CHECKED', level: '2' }) ?? 0) >= 1, 'the update of a missing table');
      const histogram = families.get('inceptor_batch_duration_seconds');
      assert.equal(histogram?.type, 'HISTOGRAM');
      assert.ok(histogram.metrics.some((m) => Number(m.buckets?.['+Inf'] ?? 0) >= 1));
      assert.ok((sampleValue(families, 'inceptor_kills_total', { path: 'forwarded' }) ?? 0) >= 1, 'instance 2 forwarded a KILL earlier');
      assert.ok((sampleValue(families, 'inceptor_connections') ?? 0) >= 2, 'this connection and the observer');
      assert.equal(sampleValue(families, 'inceptor_lease_state', { state: 'serving' }), 1);
      assert.equal(sampleValue(families, 'inceptor_lease_state', { state: 'fenced' }), 0);
      assert.equal(sampleValue(families, 'inceptor_server_id'), serverIds[2]);
      const health = await fetch(`http://${members[2]!.statusAddress}/healthz`);
      assert.equal(health.status, 200);
    } finally {
      await conn.end();
    }
  });
});
