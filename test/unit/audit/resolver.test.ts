// The shared name resolver over in-memory tables (no server): SELECT/UNION, UPDATE, DELETE, INSERT … SELECT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseQuery, type QueryAnalysis, type TableLookup } from '../../../src/audit/resolver.js';
import type { TableInfo } from '../../../src/audit/snapshot.js';
import { parseStatement } from '../../../src/sql/parse.js';

function table(name: string, cols: string[], extra: Partial<TableInfo> = {}): TableInfo {
  return {
    db: 'd',
    name,
    columns: cols.map((field) => ({ field, type: 'int(11)', collation: null, null: 'YES', key: '', default: null, extra: '', comment: '' })),
    indexes: [],
    isNew: false,
    hasNewColumns: false,
    isView: false,
    ...extra,
  };
}

const TABLES = new Map<string, TableInfo>([
  ['d.t1', table('t1', ['id', 'a', 'b'])],
  ['d.t2', table('t2', ['id', 'c', 'b'])],
  ['d.t3', table('t3', ['id', 'x'])],
  ['e.t1', table('t1', ['id', 'z'], { db: 'e' })],
  ['d.fresh', table('fresh', ['id'], { isNew: true })],
]);

const lookup = (currentDb: string | null = 'd'): TableLookup => ({
  dbOf: (ref) => ref.db ?? currentDb,
  table: async (ref) => TABLES.get(`${ref.db ?? currentDb}.${ref.name}`.toLowerCase()) ?? null,
});

async function analyse(sql: string, currentDb: string | null = 'd'): Promise<QueryAnalysis> {
  const p = parseStatement(sql);
  assert.ok(p.ok, sql);
  return analyseQuery(p.statement, lookup(currentDb));
}

/** Only the non-empty findings, for compact assertions. */
async function findings(sql: string): Promise<Record<string, unknown>> {
  const a = await analyse(sql);
  const out: Record<string, unknown> = {};
  if (a.missingTables.length) out.missing = a.missingTables;
  if (a.unknownColumns.length) out.unknown = a.unknownColumns;
  if (a.ambiguousColumns.length) out.ambiguous = a.ambiguousColumns;
  if (a.duplicateAliases.length) out.dupAlias = a.duplicateAliases;
  if (a.topLevelStar) out.star = true;
  if (a.unionMisuse.length) out.union = a.unionMisuse;
  if (a.noDatabase) out.noDb = true;
  return out;
}

test('clean queries have no findings', async () => {
  for (const sql of [
    'select id, a from t1 where b = 1',
    'select t1.a, x.c from t1 join t2 x on t1.id = x.id where x.b > 0',
    'select a as k, count(*) n from t1 where id > 1 group by k having n > 1 order by k',
    'select q.c from (select c, b as bb from t2) q where q.bb = 1',
    'select a from t1 where id in (select id from t2 where t2.b = t1.b)',
    'select a from t1 where exists (select 1 from t3 where t3.x = a)',
    'select id from t1 join t2 using (id) where a = 1',
    'select d.t1.a, e.t1.z from d.t1 join e.t1 on d.t1.id = e.t1.id where 1',
    'with w as (select c from t2) select c from w where c = 1',
    '(select a from t1 limit 1) union all select c from t2',
    'select a from t1 union select c from t2 order by a limit 3',
    'select `a`, `t1`.`b` from `t1` where 1',
    'select 1',
  ]) {
    assert.deepEqual(await findings(sql), {}, sql);
  }
});

test('missing tables anywhere, reported once as db.t; their columns are not reported', async () => {
  assert.deepEqual(await findings('select nope, t1.a from nosuch join t1 on t1.id = nosuch.id where 1'), { missing: ['d.nosuch'] });
  assert.deepEqual(await findings('select a from t1 where id in (select id from e.gone) and b in (select id from e.gone)'), { missing: ['e.gone'] });
  assert.deepEqual(await findings('select q.c from (select c from nosuch2) q where 1'), { missing: ['d.nosuch2'] });
  assert.deepEqual(await analyse('select a from t1', null).then((a) => a.noDatabase), true);
});

test('unknown columns in every clause; qualified as written', async () => {
  assert.deepEqual(await findings('select zz from t1'), { unknown: ['zz'] });
  assert.deepEqual(await findings('select a from t1 where t1.zz = 1'), { unknown: ['t1.zz'] });
  assert.deepEqual(await findings('select a from t1 x where t1.a = 1'), { unknown: ['t1.a'] }, 'an alias hides the table name');
  assert.deepEqual(await findings('select a from t1 join t2 on t1.id = t2.nope where 1'), { unknown: ['t2.nope'] });
  assert.deepEqual(await findings('select a from t1 where 1 group by g1 having h1 > 0 order by o1'), { unknown: ['g1', 'h1', 'o1'] });
  assert.deepEqual(await findings('select q.b from (select c from t2) q where 1'), { unknown: ['q.b'] }, 'derived tables expose their select list only');
  assert.deepEqual(await findings('select a from t1 where id in (select c from t2 where t2.q = 1)'), { unknown: ['t2.q'] });
  assert.deepEqual(await findings('select a k from t1 where k = 1'), { unknown: ['k'] }, 'select aliases are not visible in WHERE');
});

test('ambiguity: unqualified column in two tables, not in GROUP/ORDER, not for USING columns', async () => {
  assert.deepEqual(await findings('select b from t1 join t2 on t1.id = t2.id'), { ambiguous: ['b'] });
  assert.deepEqual(await findings('select t1.b from t1 join t2 on t1.id = t2.id where id = 1'), { ambiguous: ['id'] });
  assert.deepEqual(await findings('select t1.b from t1 join t2 on t1.id = t2.id group by b order by b'), {});
  assert.deepEqual(await findings('select t1.a from t1, t2 where b = 1'), { ambiguous: ['b'] });
});

test('duplicate aliases, star, UNION misuse (a join without ON is the join-no-on rule\'s: not a finding)', async () => {
  assert.deepEqual(await findings('select t1.a from t1 join t1 on 1 = 1'), { dupAlias: ['t1'] });
  assert.deepEqual(await findings('select x.a from t1 x join t2 x on 1 = 1'), { dupAlias: ['x'] });
  assert.deepEqual(await findings('select t1.a from t1 join e.t1 x on 1 = 1'), {});
  assert.deepEqual(await findings('select t1.a from t1 join t2'), {});
  assert.deepEqual(await findings('select t1.a from t1 join t2 where t1.id = t2.id'), {});
  assert.deepEqual(await findings('select t1.a from t1 straight_join t2'), {});
  assert.deepEqual(await findings('select * from t1'), { star: true });
  assert.deepEqual(await findings('select t1.* from t1'), { star: true });
  assert.deepEqual(await findings('select a from (select * from t1) q'), {}, 'star in a derived table is not top-level');
  assert.deepEqual(await findings('select a from t1 limit 1 union select c from t2'), { union: ['LIMIT'] });
  assert.deepEqual(await findings('select a from t1 order by a union select c from t2'), { union: ['ORDER BY'] });
});

test('output names and width (INSERT … SELECT, views)', async () => {
  const a = await analyse('select *, c + 1 from t2');
  assert.equal(a.outputWidth, 4);
  assert.equal(a.outputNames, null, 'an unnamed expression makes the names unknown');
  const b = await analyse('select t1.*, q.k from t1, (select c as k from t2) q');
  assert.deepEqual(b.outputNames, ['id', 'a', 'b', 'k']);
  const c = await analyse('insert into t3 (id, x) select * from nosuch');
  assert.equal(c.outputWidth, null);
  assert.deepEqual(c.missingTables, ['d.nosuch']);
  assert.equal((await analyse('select id from fresh')).usesNewTables, true);
});

test('UPDATE: multi-table with aliases, JOIN … SET t1.a = t2.b, SET/WHERE/ON columns, ambiguity', async () => {
  assert.deepEqual(await findings('update t1 a join t2 b on a.id = b.id set a.a = b.c where b.b = 1'), {});
  assert.deepEqual(await findings('update t1 join t2 on t1.id = t2.id set t1.a = t2.c'), {});
  // the first SET column belongs to no table: only it is reported
  assert.deepEqual(await findings('update t1 set nope = 1 where zz = 2'), { unknown: ['nope'] });
  assert.deepEqual(await findings('update t1 set a = 1, nope = 2 where zz = 2'), { unknown: ['t1.nope', 'zz'] });
  assert.deepEqual(await findings('update t1 join t2 on t1.id = t2.id set b = 1 where t1.id = 1'), { ambiguous: ['b'] });
  assert.deepEqual(await findings('update t1 a join t2 b on a.id = b.nope set a.a = b.zz, a.q = 1 where 1'), { unknown: ['b.nope', 'b.zz', 'a.q'] });
  assert.deepEqual(await findings('update t1 set a = (select max(x) from t3 where t3.id = t1.id) where id in (select id from nosuch)'), { missing: ['d.nosuch'] });
});

test('DELETE: multi-table targets must be in FROM (alias-aware); WHERE/ON columns', async () => {
  assert.deepEqual(await findings('delete a, b from t1 a join t2 b on a.id = b.id where a.a = 1'), {});
  assert.deepEqual(await findings('delete a, t2 from t1 a join t3 on a.id = t3.id where 1'), { missing: ['d.t2'] });
  assert.deepEqual(await findings('delete from t1 where nope = 1'), { unknown: ['nope'] });
  assert.deepEqual(await findings('delete t1 from t1 join t2 on t1.id = t2.zz where t1.a = 1'), { unknown: ['t2.zz'] });
});

test('INSERT VALUES column references resolve against the target table', async () => {
  assert.deepEqual(await findings('insert into t1 (id, a) values (1, a + 1)'), {});
  assert.deepEqual(await findings('insert into t1 (id, a) values (1, nope + 1)'), { unknown: ['nope'] });
  assert.deepEqual(await findings('insert into t1 (id, a) values (1, 2), (3, null)'), {});
});
