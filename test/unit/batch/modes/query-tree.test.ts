import { test } from 'node:test';
import assert from 'node:assert/strict';
import { queryTreeOf } from '../../../../src/batch/modes/query-tree.js';
import { parseStatement } from '../../../../src/sql/parse.js';

type J = Record<string, any>;

function tree(sql: string): J {
  const r = parseStatement(sql);
  if (!r.ok) throw new Error(r.message);
  // Through JSON, as the client sees it.
  return JSON.parse(JSON.stringify(queryTreeOf(r.statement))) as J;
}

/**
 * The walk Archery's get_table_ref does (docs/result-modes.md), re-stated: breadth-first, take the values of
 * the shallowest `TableRefs`/`Left`/`Right` keys and walk them again; where none is left, every shallowest
 * `Source` node is a table (`Schema.O`, empty → current db; `Name.O`). A `Source` without `Schema` crashes it.
 */
function archeryTables(root: J, currentDb: string): string[] {
  const maxTrees = (t: J, keys: string[]): J[] => {
    const fit: J[] = [];
    const queue: J[] = [t];
    for (let i = 0; i < queue.length; i++) {
      for (const [k, v] of Object.entries(queue[i]!)) {
        if (keys.includes(k)) fit.push({ [k]: v });
        else if (Array.isArray(v)) queue.push(...v.filter((x) => x !== null && typeof x === 'object' && !Array.isArray(x)));
        else if (v !== null && typeof v === 'object') queue.push(v as J);
      }
    }
    return fit;
  };
  const out: string[] = [];
  const queue: J[] = [root];
  for (let i = 0; i < queue.length; i++) {
    const nodes = maxTrees(queue[i]!, ['TableRefs', 'Left', 'Right']);
    if (nodes.length > 0) {
      for (const n of nodes) for (const v of Object.values(n)) if (v) queue.push(v as J);
    } else {
      for (const s of maxTrees(queue[i]!, ['Source'])) {
        const src = s.Source as J;
        assert.ok(src.Schema && src.Name, `Source without Schema/Name: ${JSON.stringify(src)}`);
        out.push(`${src.Schema.O || currentDb}.${src.Name.O}`);
      }
    }
  }
  return out;
}

test('SELECT joins: TiDB left-deep Join under From.TableRefs, exact paths', () => {
  const t = tree('select a.x, b.y yy from d1.t1 a join t2 b on a.id = b.id left join t3 using (id), t4 where a.x > 1');
  assert.equal(t.text, 'select a.x, b.y yy from d1.t1 a join t2 b on a.id = b.id left join t3 using (id), t4 where a.x > 1');
  const j = t.From.TableRefs;
  assert.deepEqual(j.Left.Left.Left.Source.Schema, { O: 'd1', L: 'd1' });
  assert.deepEqual(j.Left.Left.Left.Source.Name, { O: 't1', L: 't1' });
  assert.deepEqual(j.Left.Left.Left.AsName, { O: 'a', L: 'a' });
  assert.equal(j.Left.Left.Right.Source.Schema.O, '');
  assert.equal(j.Left.Left.Right.Source.Name.O, 't2');
  assert.equal(j.Left.Left.Tp, 1);
  assert.ok(j.Left.Left.On.Expr);
  assert.equal(j.Left.Right.Source.Name.O, 't3');
  assert.equal(j.Left.Tp, 2);
  assert.equal(j.Right.Source.Name.O, 't4');
  assert.ok('Where' in t && t.Where !== null);
  assert.equal(t.Fields.Fields.length, 2);
  assert.deepEqual(t.Fields.Fields[1].AsName, { O: 'yy', L: 'yy' });
  assert.deepEqual(archeryTables(t, 'cur').sort(), ['cur.t2', 'cur.t3', 'cur.t4', 'd1.t1']);
});

test('single table: Join{Left: TableSource, Right: null}', () => {
  const t = tree('select * from T1');
  assert.deepEqual(t.From.TableRefs.Right, null);
  assert.deepEqual(t.From.TableRefs.Left.Source.Name, { O: 'T1', L: 't1' });
  assert.deepEqual(t.Fields.Fields[0].WildCard, { Table: { O: '', L: '' }, Schema: { O: '', L: '' } });
  assert.deepEqual(archeryTables(t, 'cur'), ['cur.T1']);
});

test('UPDATE and DELETE: TableRefs.TableRefs.Left/Right … Source.Schema.O / Source.Name.O', () => {
  const u = tree('update s.t1 a join t2 b on a.id = b.id set a.x = b.y where b.z in (select 1 from t3)');
  assert.equal(u.TableRefs.TableRefs.Left.Source.Schema.O, 's');
  assert.equal(u.TableRefs.TableRefs.Left.Source.Name.O, 't1');
  assert.equal(u.TableRefs.TableRefs.Right.Source.Name.O, 't2');
  assert.equal(u.List[0].Column.Name.O, 'x');
  assert.deepEqual(archeryTables(u, 'cur').sort(), ['cur.t2', 'cur.t3', 's.t1']);

  const d = tree('delete from d.t1 where id = 1');
  assert.equal(d.TableRefs.TableRefs.Left.Source.Schema.O, 'd');
  assert.equal(d.TableRefs.TableRefs.Left.Source.Name.O, 't1');
  assert.deepEqual(archeryTables(d, 'cur'), ['d.t1']);

  const m = tree('delete a from t1 a join t2 b on a.id = b.id where b.z = 1');
  assert.deepEqual(archeryTables(m, 'cur'), ['cur.t1', 'cur.t2']);
  assert.equal(m.Tables.Tables[0].Name.O, 'a');
});

test('INSERT … SELECT and REPLACE: target and source tables', () => {
  const t = tree('insert into t1 (a) select b from s.t2 where c = 1');
  assert.equal(t.Table.TableRefs.Left.Source.Name.O, 't1');
  assert.equal(t.Select.From.TableRefs.Left.Source.Schema.O, 's');
  assert.deepEqual(archeryTables(t, 'cur').sort(), ['cur.t1', 's.t2']);
  const r = tree('replace into t1 values (1, 2)');
  assert.equal(r.IsReplace, true);
  assert.equal(r.Lists[0].length, 2);
});

test('derived tables and subqueries nest the same way', () => {
  const t = tree('select * from (select id from t1 join (select id from t2) x using (id)) dt where exists (select 1 from t3) and id in (select id from t4)');
  assert.equal(t.From.TableRefs.Left.Source.From.TableRefs.Left.Source.Name.O, 't1');
  assert.deepEqual(t.From.TableRefs.Left.AsName, { O: 'dt', L: 'dt' });
  assert.deepEqual(archeryTables(t, 'c').sort(), ['c.t1', 'c.t2', 'c.t3', 'c.t4']);
});

test('parenthesised joins are nested Join nodes', () => {
  const t = tree('select * from t1 right join (t2 join s.t3 on t2.a = t3.a) on t1.a = t2.a');
  assert.equal(t.From.TableRefs.Tp, 3);
  assert.equal(t.From.TableRefs.Right.Right.Source.Schema.O, 's');
  assert.deepEqual(archeryTables(t, 'c').sort(), ['c.t1', 'c.t2', 's.t3']);
  assert.deepEqual(archeryTables(tree('select * from (t1, t2)'), 'c').sort(), ['c.t1', 'c.t2']);
});

test('UNION: every member under SelectList.Selects', () => {
  const t = tree('select a from t1 union all select b from t2');
  assert.equal(t.SelectList.Selects.length, 2);
  assert.equal(t.SelectList.Selects[1].AfterSetOperator, 'union all');
  assert.deepEqual(archeryTables(t, 'c'), ['c.t1', 'c.t2']);
  // node-sql-parser reads a parenthesised member as a FROM item joined by "union": still a member here
  for (const sql of ['select a from t1 union (select b from t2 except select c from t3)', 'select a from t1 union select b from t2 except (select c from t3)']) {
    const m = tree(sql);
    assert.deepEqual(m.SelectList.Selects.map((s: J) => s.AfterSetOperator), [null, 'union', 'except'], sql);
    assert.deepEqual(archeryTables(m, 'c'), ['c.t1', 'c.t2', 'c.t3'], sql);
    assert.equal(m.SelectList.Selects[0].From.TableRefs.Right, null, sql);
  }
});

test('CTE names are not reported as tables (goInception #652); the CTE query tables are', () => {
  const t = tree('with c as (select * from t1), d as (select * from c) select * from c join d on c.id = d.id join t9 on 1 = 1');
  assert.equal(t.With.CTEs[0].Name.O, 'c');
  assert.deepEqual(archeryTables(t, 'db').sort(), ['db.t1', 'db.t9']);
  const rec = tree('with recursive r (n) as (select 1 union all select n + 1 from r where n < 3) select * from r');
  assert.equal(rec.With.IsRecursive, true);
  assert.deepEqual(archeryTables(rec, 'db'), []);
  // A qualified name is a table even when a CTE has the same name.
  assert.deepEqual(archeryTables(tree('with t1 as (select 1) select * from db2.t1'), 'db'), ['db2.t1']);
});

test('other statements: minimal object with text; USE carries DBName', () => {
  assert.deepEqual(tree('use `my db`'), { text: 'use `my db`', DBName: 'my db' });
  assert.deepEqual(tree('create table t (id int)'), { text: 'create table t (id int)' });
  assert.deepEqual(archeryTables(tree('select 1'), 'db'), []);
});
