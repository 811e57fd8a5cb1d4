// ALTER TABLE actions from parsed and recognised-only statements; UPDATE … SET a = 1 AND b = 2 recognition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alterActionsOf, tableChangesOf, type AlterAction } from '../../../src/sql/alter-actions.js';
import { parseStatement } from '../../../src/sql/parse.js';
import type { ParsedStatement } from '../../../src/sql/statement.js';

function parse(sql: string): ParsedStatement {
  const p = parseStatement(sql);
  assert.ok(p.ok, sql);
  return p.statement;
}

/** Actions reduced to comparable summaries. */
function ops(sql: string): string[] {
  return tableChangesOf(parse(sql)).map((a: AlterAction) => {
    switch (a.op) {
      case 'add_column':
        return `add ${a.columns.map((c) => `${c.name}:${c.dataType}`).join(',')}${a.after ? ` after ${a.after}` : ''}`;
      case 'drop_column':
        return `drop ${a.column}`;
      case 'modify_column':
        return `modify ${a.column.name}:${a.column.dataType}${a.column.length !== null ? `(${a.column.length})` : ''}`;
      case 'change_column':
        return `change ${a.old}->${a.column.name}:${a.column.dataType}`;
      case 'rename_column':
        return `rename column ${a.old}->${a.to}`;
      case 'column_default':
        return a.drop ? `drop default ${a.column}` : `set default ${a.column}=${a.value}`;
      case 'add_index':
        return `add ${a.index.kind} ${a.index.name ?? '-'}(${a.index.columns.join(',')})`;
      case 'drop_index':
        return `drop index ${a.name}`;
      case 'drop_primary_key':
        return 'drop pk';
      case 'drop_foreign_key':
        return `drop fk ${a.name}`;
      case 'rename_index':
        return `rename index ${a.from}->${a.to}`;
      case 'rename_table':
        return `rename to ${a.to.db ?? ''}.${a.to.name}`;
      case 'other':
        return 'other';
    }
  });
}

test('parsed ALTER specs', () => {
  assert.deepEqual(ops('alter table t add column c int after a, drop column d, modify e varchar(5), change f g bigint, add index ix(a,b), drop index ix2, drop key k3, drop primary key, drop foreign key fk, rename to t9, engine=innodb'), [
    'add c:INT after a', 'drop d', 'modify e:VARCHAR(5)', 'change f->g:BIGINT', 'add index ix(a,b)', 'drop index ix2', 'drop index k3', 'drop pk', 'drop fk fk', 'rename to .t9', 'other',
  ]);
  assert.deepEqual(ops('alter table t add unique key uk (a), add primary key (id), rename column a to b'), ['add unique uk(a)', 'add primary -(id)', 'rename column a->b']);
});

test('recognised-only ALTERs: each spec read on its own', () => {
  const stmt = parse('alter table d.t rename index a to b, alter column c set default 5, alter column e drop default, add column (x int, y varchar(3)), add column z int, rename to d.t2');
  assert.equal(stmt.ast, null);
  assert.deepEqual(ops(stmt.text), [
    'rename index a->b', 'set default c=5', 'drop default e', 'add x:INT,y:VARCHAR', 'add z:INT', 'rename to d.t2',
  ]);
  assert.deepEqual(ops("alter table t rename key k1 to k2, alter c set default 'v', partition by hash(id) partitions 2"), ['rename index k1->k2', 'set default c=v', 'other']);
  assert.equal(alterActionsOf(stmt), alterActionsOf(stmt), 'cached per statement');
});

test('CHANGE/MODIFY the parser cannot read keep their names (minimal definition)', () => {
  assert.deepEqual(ops('alter table t rename index a to b, change column old1 new1 mediumint(9) unsigned not null, modify m1 year'), [
    'rename index a->b', 'change old1->new1:MEDIUMINT', 'modify m1:YEAR',
  ]);
});

test('CREATE INDEX / DROP INDEX as table changes', () => {
  assert.deepEqual(ops('create unique index ux on t (a, b(10))'), ['add unique ux(a,b)']);
  assert.deepEqual(ops('drop index ix on d.t'), ['drop index ix']);
});

test('UPDATE … SET a = 1 AND b = 2 parses, with the AND assignments noted; parenthesised AND and BETWEEN do not', () => {
  const s = parse('update t set a = 1 and b = 2, c = 3 where id = 1 order by id limit 2');
  assert.equal(s.kind, 'update');
  assert.deepEqual(s.recognised, { form: 'update_and_assignment', columns: ['a'] });
  const ast = s.ast as { set: { column: string }[]; where: unknown; limit: unknown };
  assert.deepEqual(ast.set.map((x) => x.column), ['a', 'c']);
  assert.ok(ast.where && ast.limit);
  assert.equal(parse('update t set a = (1 and b = 2) where id = 1').recognised, undefined);
  assert.equal(parseStatement('update t set a = 1 and where').ok, false, 'still a syntax error when the re-read fails');
});
