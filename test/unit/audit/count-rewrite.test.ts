// The --real_row_count rewrite (docs/audit.md): COUNT queries sliced from the original statement text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  countForDml,
  countForSelect,
  countForSelectRenamed,
  dmlClauses,
  insertSelectText,
  supportsCteColumns,
  timeoutBound,
  versionParts,
} from '../../../src/audit/count-rewrite.js';

const count = (sql: string): string | null => {
  const c = dmlClauses(sql);
  return c ? countForDml(c) : null;
};
const C = 'SELECT COUNT(*) AS inceptor_rows';

test('UPDATE: tables before SET, WHERE after it, modifiers skipped', () => {
  assert.equal(count("update t set c='x' where c='a'"), `${C} FROM t where c='a'`);
  assert.equal(count("UPDATE LOW_PRIORITY IGNORE db1.t AS z SET z.c = 'x' WHERE z.id > 3"), `${C} FROM db1.t AS z WHERE z.id > 3`);
  assert.equal(count("update t set c = 'x'"), `${C} FROM t`);
  assert.equal(
    count('update t1 x join t2 y on x.id = y.id set x.a = y.c where y.b = "q"'),
    `${C} FROM t1 x join t2 y on x.id = y.id where y.b = "q"`,
  );
  assert.equal(count('update t1, t2 set t1.a = t2.c where t1.id = t2.id'), `${C} FROM t1, t2 where t1.id = t2.id`);
  // A subquery's WHERE inside SET is not the statement's WHERE.
  assert.equal(count('update t set c = (select max(c) from u where u.id = 1) where id = 2'), `${C} FROM t where id = 2`);
});

test('literals and LIKE escapes reach the COUNT byte for byte (goInception #605)', () => {
  assert.equal(count("update t set c='y' where c like '%\\_1'"), `${C} FROM t where c like '%\\_1'`);
  assert.equal(count("delete from t where c like 'a!%%' escape '!'"), `${C} FROM t where c like 'a!%%' escape '!'`);
  assert.equal(
    count("update t set c = 'where order by limit' where c = 'set limit 5' and d = \"it''s\\\" where\""),
    `${C} FROM t where c = 'set limit 5' and d = "it''s\\" where"`,
  );
  assert.equal(count('update `select` set `where` = 1 where `limit` = 2'), `${C} FROM \`select\` where \`limit\` = 2`);
  assert.equal(count("update t set c = 'a' /* where x = 1 */ where id = 1 -- limit 3"), `${C} FROM t where id = 1`);
  assert.equal(count("update t /* t */ -- note\n set c = 1 where /* x */ id = 1 # end"), `${C} FROM t where /* x */ id = 1`);
});

test('a trailing comment never swallows what the COUNT appends', () => {
  assert.equal(count('update t -- note\nset c = 1 where id > 1 -- x\nlimit 2 -- y'), `${C} FROM (SELECT 1 FROM t where id > 1 limit 2) inceptor_counted`);
  assert.equal(countForSelect(insertSelectText('insert into p select 1 from t -- why\n')!), `${C} FROM (select 1 from t) inceptor_counted`);
});

test('ORDER BY is dropped; LIMIT caps the rows in a derived table', () => {
  assert.equal(count("update t set c='x' where c='b' order by id desc limit 3"), `${C} FROM (SELECT 1 FROM t where c='b' limit 3) inceptor_counted`);
  assert.equal(count('delete from t order by id'), `${C} FROM t`);
  assert.equal(count('DELETE FROM t WHERE id > 3 ORDER BY id LIMIT 2;'), `${C} FROM (SELECT 1 FROM t WHERE id > 3 LIMIT 2) inceptor_counted`);
  assert.equal(count('delete from t limit 5'), `${C} FROM (SELECT 1 FROM t limit 5) inceptor_counted`);
});

test('DELETE: single table, multi-table FROM form and USING form', () => {
  assert.equal(count("delete from t where c = 'b'"), `${C} FROM t where c = 'b'`);
  assert.equal(count('delete low_priority quick ignore from t where id = 1 returning id'), `${C} FROM t where id = 1`);
  assert.equal(count('delete x, t2 from t1 x join t2 on x.id = t2.id where x.a = 1'), `${C} FROM t1 x join t2 on x.id = t2.id where x.a = 1`);
  assert.equal(count('delete t1.* from t1 join t2 using (id) where t2.c = 1'), `${C} FROM t1 join t2 using (id) where t2.c = 1`);
  assert.equal(count('delete from t1, t2 using t1 join t2 using (id) where t1.a = 1'), `${C} FROM t1 join t2 using (id) where t1.a = 1`);
  assert.equal(
    count('delete t1 from t1 force index for order by (PRIMARY) join t2 on t1.id = t2.id where t2.c = 1'),
    `${C} FROM t1 force index for order by (PRIMARY) join t2 on t1.id = t2.id where t2.c = 1`,
  );
});

test('text the slicer cannot trust gives no rewrite (EXPLAIN is used)', () => {
  assert.equal(count("update t set c = 'x' where c = 'unterminated"), null);
  assert.equal(count('update t set c = (1 where id = 1'), null);
  assert.equal(count('delete from t where'), null);
  assert.equal(count('update t where id = 1'), null);
  assert.equal(count('select 1'), null);
  assert.equal(count(''), null);
});

test('INSERT … SELECT: the SELECT as written, without ON DUPLICATE KEY UPDATE', () => {
  assert.equal(
    insertSelectText('insert into t2 (id, c) select id, a from t1 where a > 1 on duplicate key update c = values(c)'),
    'select id, a from t1 where a > 1',
  );
  assert.equal(insertSelectText("replace into t2 select * from t1 where b like '%\\_x' limit 3;"), "select * from t1 where b like '%\\_x' limit 3");
  assert.equal(insertSelectText('insert into t (a) (select 1 union select 2)'), '(select 1 union select 2)');
  assert.equal(insertSelectText('insert into t with w as (select 1 a) select a from w'), 'with w as (select 1 a) select a from w');
  assert.equal(insertSelectText('insert into t (a) values (1), ((select 2))'), null);
  assert.equal(insertSelectText('insert into t set a = (select max(a) from u)'), null);
  assert.equal(countForSelect('select id from t1'), `${C} FROM (select id from t1) inceptor_counted`);
  assert.equal(
    countForSelectRenamed('select 1, 1 from t1', 2),
    `WITH inceptor_counted(c1, c2) AS (select 1, 1 from t1) SELECT COUNT(*) AS inceptor_rows FROM inceptor_counted`,
  );
});

test('the COUNT is bounded the way the target understands', () => {
  const maria = timeoutBound({ version: '10.11.19-MariaDB-0+deb12u1' }, 10_000);
  assert.deepEqual(maria, { prefix: 'SET STATEMENT max_statement_time=10 FOR ', hint: '' });
  assert.equal(countForDml(dmlClauses('delete from t where id = 1')!, maria), `SET STATEMENT max_statement_time=10 FOR ${C} FROM t where id = 1`);
  assert.equal(timeoutBound({ version: '5.5.5-10.3.39-MariaDB' }, 250).prefix, 'SET STATEMENT max_statement_time=0.25 FOR ');
  assert.deepEqual(timeoutBound({ version: '10.0.38-MariaDB' }, 10_000), { prefix: '', hint: '' });
  const mysql = timeoutBound({ version: '8.0.36', isMariaDb: false }, 10_000);
  assert.equal(countForDml(dmlClauses('delete from t')!, mysql), 'SELECT /*+ MAX_EXECUTION_TIME(10000) */ COUNT(*) AS inceptor_rows FROM t');
  assert.equal(
    countForSelectRenamed('select 1, 1', 2, mysql),
    'WITH inceptor_counted(c1, c2) AS (select 1, 1) SELECT /*+ MAX_EXECUTION_TIME(10000) */ COUNT(*) AS inceptor_rows FROM inceptor_counted',
  );
  assert.deepEqual(timeoutBound({ version: '5.6.51-log' }, 10_000), { prefix: '', hint: '' });
  assert.deepEqual(timeoutBound({ version: '10.11.2-MariaDB' }, 0), { prefix: '', hint: '' });
  assert.deepEqual(versionParts('5.5.5-10.6.12-MariaDB-log'), [10, 6, 12]);
  assert.equal(supportsCteColumns({ version: '10.2.1-MariaDB' }), true);
  assert.equal(supportsCteColumns({ version: '5.7.44' }), false);
  assert.equal(supportsCteColumns({ version: '8.0.11' }), true);
});
