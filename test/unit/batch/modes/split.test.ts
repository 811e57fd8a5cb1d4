import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitIntoGroups, splitGroupValues, type SplitGroup } from '../../../../src/batch/modes/split.js';
import { parseStatement } from '../../../../src/sql/parse.js';
import type { ParsedStatement } from '../../../../src/sql/statement.js';

function parsed(...texts: string[]): ParsedStatement[] {
  return texts.map((t) => {
    const r = parseStatement(t);
    if (!r.ok) throw new Error(`${t}: ${r.message}`);
    return r.statement;
  });
}

function groups(db: string | null, ...texts: string[]): Pick<SplitGroup, 'id' | 'sql' | 'ddlFlag'>[] {
  return splitIntoGroups(parsed(...texts), db).map(({ id, sql, ddlFlag }) => ({ id, sql, ddlFlag }));
}

test('DML and DDL on different tables stay in one group, starting with USE itself', () => {
  assert.deepEqual(groups(null, 'use test', 'insert into t1 values(1)', 'alter table t2 add column c int'), [
    { id: 1, sql: 'use test;\ninsert into t1 values(1);\nalter table t2 add column c int;\n', ddlFlag: 1 },
  ]);
});

test('a table switching from DML to DDL starts a new group prefixed with the current database', () => {
  assert.deepEqual(
    groups(
      null,
      'use test',
      'insert into t1 values(1)',
      'update t1 set a=2 where id=1',
      'alter table t1 add column c int',
      'alter table t1 add column d int',
      'delete from t1 where id=3',
    ),
    [
      { id: 1, sql: 'use test;\ninsert into t1 values(1);\nupdate t1 set a=2 where id=1;\n', ddlFlag: 0 },
      { id: 2, sql: 'use `test`;\nalter table t1 add column c int;\nalter table t1 add column d int;\n', ddlFlag: 1 },
      { id: 3, sql: 'use `test`;\ndelete from t1 where id=3;\n', ddlFlag: 0 },
    ],
  );
});

test('the group prefix follows USE; qualified names compare by database', () => {
  assert.deepEqual(
    groups('a', 'insert into t values(1)', 'use b', 'create table t (id int primary key)', 'drop table a.t'),
    [
      { id: 1, sql: 'use `a`;\ninsert into t values(1);\nuse b;\ncreate table t (id int primary key);\n', ddlFlag: 0 },
      { id: 2, sql: 'use `b`;\ndrop table a.t;\n', ddlFlag: 1 },
    ],
  );
});

test('ddlflag only for ALTER TABLE / DROP TABLE; CREATE INDEX and TRUNCATE classify by kind', () => {
  assert.deepEqual(groups(null, 'use d', 'create table t (id int)', 'create index i on t (id)', 'truncate table t'), [
    { id: 1, sql: 'use d;\ncreate table t (id int);\ncreate index i on t (id);\n', ddlFlag: 0 },
    { id: 2, sql: 'use `d`;\ntruncate table t;\n', ddlFlag: 0 },
  ]);
});

test('SELECT, views, SHOW, EXPLAIN and SET are dropped', () => {
  assert.deepEqual(
    groups(null, 'use d', 'select * from t', 'create view v as select 1', 'show tables', 'explain select 1', 'set names utf8mb4', 'update t set a=1 where id=1'),
    [{ id: 1, sql: 'use d;\nupdate t set a=1 where id=1;\n', ddlFlag: 0 }],
  );
});

test('RENAME counts source and target tables; multi-table UPDATE counts every table', () => {
  assert.deepEqual(groups('d', 'update t1 join t2 on t1.id=t2.id set t1.a=t2.a', 'rename table x to t2'), [
    { id: 1, sql: 'use `d`;\nupdate t1 join t2 on t1.id=t2.id set t1.a=t2.a;\n', ddlFlag: 0 },
    { id: 2, sql: 'use `d`;\nrename table x to t2;\n', ddlFlag: 0 },
  ]);
});

test('no database known: no use prefix; row values are wire strings', () => {
  const [g] = splitIntoGroups(parsed('insert into d.t values(1)'), null);
  assert.deepEqual(splitGroupValues(g!), ['1', 'insert into d.t values(1);\n', '0', null]);
});
