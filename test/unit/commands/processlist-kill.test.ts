// processlist and kill as commands, over a real registry (no sockets).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProcessRegistry } from '../../../src/process/registry.js';
import { LocalSessions } from '../../../src/process/sessions.js';
import { encodeConnectionId } from '../../../src/process/connection-id.js';
import { showProcesslist, PROCESSLIST_COLUMNS } from '../../../src/commands/processlist.js';
import { runKill } from '../../../src/commands/kill.js';
import { ColumnType, MysqlError } from '../../../src/protocol/result.js';

function setup() {
  const registry = new ProcessRegistry(1);
  const closed: number[] = [];
  const add = (local: number, user: string) => {
    const id = encodeConnectionId(1, local);
    return registry.register({ id, user, clientHost: `10.0.0.${local}:5000`, isAdmin: false, close: () => closed.push(id) });
  };
  return { registry, sessions: new LocalSessions(registry, 'here:10080'), closed, add };
}

test('processlist columns, names and wire types in goInception order', () => {
  assert.deepEqual(
    PROCESSLIST_COLUMNS.map((c) => [c.name, c.type]),
    [
      ['Id', ColumnType.LONGLONG],
      ['Dest_User', ColumnType.STRING],
      ['Dest_Host', ColumnType.STRING],
      ['Dest_Port', ColumnType.LONG],
      ['From_Host', ColumnType.STRING],
      ['Command', ColumnType.STRING],
      ['STATE', ColumnType.STRING],
      ['Time', ColumnType.LONGLONG],
      ['Info', ColumnType.STRING],
      ['Percent', ColumnType.STRING],
    ],
  );
});

test('processlist rows: busy and idle, ordered by id, info redacted and truncated unless FULL', async () => {
  const { sessions, add } = setup();
  const busy = add(2, 'alice');
  const idle = add(1, 'alice');
  busy.beginRequest();
  busy.setStage('CHECKING', 'CHECK');
  busy.dest = { user: 'root', host: '127.0.0.1', port: 3306 };
  const long = `/*--user=root;--password=topsecret;--host=127.0.0.1;--port=3306;--check=1;*/ inception_magic_start; ${'x'.repeat(200)}`;
  busy.progress(long, 12.345);
  busy.updatedAt = Date.now() - 3500;

  const ctx = { session: { connectionId: idle.id, user: 'alice', isAdmin: false }, sessions };
  const result = await showProcesslist({ kind: 'show_processlist', full: false, cluster: false }, ctx);
  assert.equal(result.kind, 'rows');
  if (result.kind !== 'rows') return;
  assert.equal(result.rows.length, 2);
  assert.deepEqual(result.rows[0], [String(idle.id), null, null, null, 'alice@10.0.0.1:5000', 'LOCAL', 'INIT', '0', null, null]);
  const [id, du, dh, dp, from, command, state, time, info, percent] = result.rows[1]!;
  assert.deepEqual([id, du, dh, dp, from, command, state, time, percent], [
    String(busy.id), 'root', '127.0.0.1', '3306', 'alice@10.0.0.2:5000', 'CHECK', 'CHECKING', '3', '12.35%',
  ]);
  assert.equal(Array.from(info!).length, 100);
  assert.ok(!info!.includes('topsecret'));
  assert.ok(info!.startsWith('/*--user=root;--password=***;'));

  const full = await showProcesslist({ kind: 'show_processlist', full: true, cluster: false }, ctx);
  assert.ok(full.kind === 'rows');
  const fullInfo = full.rows[1]![8]!;
  assert.ok(fullInfo.length > 200 && !fullInfo.includes('topsecret'));
});

test('processlist: a non-admin sees only its own user, an admin sees all, killed-busy is hidden', async () => {
  const { sessions, add } = setup();
  const a = add(1, 'alice');
  const b = add(2, 'bob');
  const c = add(3, 'bob');
  const ids = async (user: string, isAdmin: boolean) => {
    const r = await showProcesslist({ kind: 'show_processlist', full: false, cluster: false }, { session: { connectionId: 0, user, isAdmin }, sessions });
    assert.ok(r.kind === 'rows');
    return r.rows.map((row) => Number(row[0]));
  };
  assert.deepEqual(await ids('alice', false), [a.id]);
  assert.deepEqual(await ids('bob', false), [b.id, c.id]);
  assert.deepEqual(await ids('root', true), [a.id, b.id, c.id]);
  c.beginRequest();
  c.kill('connection');
  assert.deepEqual(await ids('root', true), [a.id, b.id]);
});

test('runKill: OK, 1094, 1095, and CONNECTION_ID() kills yourself after the OK', async () => {
  const { sessions, closed, add } = setup();
  const me = add(1, 'alice');
  const other = add(2, 'bob');
  const ctx = { session: { connectionId: me.id, user: 'alice', isAdmin: false }, sessions };
  await assert.rejects(runKill({ kind: 'kill', mode: 'query', id: BigInt(other.id) }, ctx), (e: unknown) => e instanceof MysqlError && e.code === 1095);
  await assert.rejects(runKill({ kind: 'kill', mode: 'query', id: 12345n }, ctx), (e: unknown) => e instanceof MysqlError && e.code === 1094 && e.message === 'Unknown thread id: 12345');
  const admin = { session: { connectionId: me.id, user: 'root', isAdmin: true }, sessions };
  assert.deepEqual(await runKill({ kind: 'kill', mode: 'connection', id: BigInt(other.id) }, admin), { kind: 'ok' });
  assert.deepEqual(closed, [other.id]);
  assert.deepEqual(await runKill({ kind: 'kill', mode: 'connection', id: null }, ctx), { kind: 'ok' });
  assert.equal(me.closeRequested, true);
  assert.deepEqual(closed, [other.id], 'own socket is not closed before the OK is written');
});

test('cluster processlist standalone: INSTANCE and SERVER_ID in front, the same rows, no warnings', async () => {
  const { sessions, add } = setup();
  const a = add(1, 'alice');
  const r = await showProcesslist({ kind: 'show_processlist', full: false, cluster: true }, { session: { connectionId: 0, user: 'root', isAdmin: true }, sessions });
  assert.ok(r.kind === 'rows');
  assert.deepEqual(r.columns.slice(0, 3).map((c) => c.name), ['INSTANCE', 'SERVER_ID', 'Id']);
  assert.deepEqual(r.rows.map((row) => row.slice(0, 3)), [['here:10080', '1', String(a.id)]]);
  assert.deepEqual(r.warnings, []);
});
