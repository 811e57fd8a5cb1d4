// Pure parts of DDL rollback (docs/backup.md "DDL rollback"): reading SHOW CREATE TABLE, and the ALTER built from
// a before/after pair. The integration test applies them to a server; these pin the text and the corner cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCreateTable, tableOptionsOf } from '../../../src/backup/ddl/show-create.js';
import { alterRollback } from '../../../src/backup/ddl/alter-rollback.js';
import { createTableRollback, createViewRollback, dropTableRollback, renameTableRollback } from '../../../src/backup/ddl/rollback.js';

const BEFORE = [
  'CREATE TABLE `t``x` (',
  '  `id` int(11) NOT NULL AUTO_INCREMENT,',
  "  `a``b` varchar(10) DEFAULT 'x,y' COMMENT 'c''s',",
  '  `e` enum(\'p)q\',\'r\') NOT NULL,',
  '  PRIMARY KEY (`id`),',
  '  UNIQUE KEY `u` (`a``b`(3)),',
  '  FULLTEXT KEY `f` (`a``b`),',
  '  CONSTRAINT `chk` CHECK (`id` > 0)',
  ") ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='it''s, ok'",
].join('\n');

test('SHOW CREATE TABLE: columns, keys and options, names with backquotes', () => {
  const t = parseCreateTable(BEFORE);
  assert.deepEqual(t.columns.map((c) => c.name), ['id', 'a`b', 'e']);
  assert.equal(t.columns[1]!.text, "`a``b` varchar(10) DEFAULT 'x,y' COMMENT 'c''s'");
  assert.deepEqual(t.keys.map((k) => [k.kind, k.name]), [['primary', 'PRIMARY'], ['index', 'u'], ['index', 'f'], ['check', 'chk']]);
  assert.deepEqual(t.options, [
    { key: 'ENGINE', value: 'InnoDB' },
    { key: 'AUTO_INCREMENT', value: '5' },
    { key: 'DEFAULT CHARSET', value: 'utf8mb4' },
    { key: 'COLLATE', value: 'utf8mb4_general_ci' },
    { key: 'COMMENT', value: "'it''s, ok'" },
  ]);
  assert.equal(t.partitioning, '');
  assert.deepEqual(tableOptionsOf(" ENGINE=InnoDB `PAGE_COMPRESSED`='ON'"), [{ key: 'ENGINE', value: 'InnoDB' }, { key: '`PAGE_COMPRESSED`', value: "'ON'" }]);
});

const table = (createSql: string, name = 't`x') => ({ db: 'd', name, createSql });

test('ALTER rollback: renamed column and index, dropped FULLTEXT, new comment, table renamed', () => {
  const after = [
    'CREATE TABLE `t2` (',
    '  `id` int(11) NOT NULL AUTO_INCREMENT,',
    "  `ab` varchar(10) DEFAULT 'x,y' COMMENT 'c''s',",
    '  `e` enum(\'p)q\',\'r\') NOT NULL,',
    '  `n` int(11) DEFAULT NULL,',
    '  PRIMARY KEY (`id`),',
    '  UNIQUE KEY `u2` (`ab`(3)),',
    '  CONSTRAINT `chk` CHECK (`id` > 0)',
    ") ENGINE=InnoDB AUTO_INCREMENT=9 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='new'",
  ].join('\n');
  const sql = alterRollback({
    before: table(BEFORE),
    after: table(after, 't2'),
    columnRenames: new Map([['a`b', 'ab']]),
    indexRenames: new Map([['u', 'u2']]),
  });
  assert.deepEqual(sql, [
    'ALTER TABLE `d`.`t2` DROP COLUMN `n`, ' +
      "CHANGE COLUMN `ab` `a``b` varchar(10) DEFAULT 'x,y' COMMENT 'c''s' AFTER `id`, " +
      'RENAME INDEX `u2` TO `u`, ADD FULLTEXT KEY `f` (`a``b`), ' +
      "COMMENT='it''s, ok', RENAME TO `d`.`t``x`;",
  ]);
});

test('ALTER rollback: nothing visible changed → no statement; charset change names the inherited charset', () => {
  assert.deepEqual(alterRollback({ before: table(BEFORE), after: table(BEFORE.replace('AUTO_INCREMENT=5', 'AUTO_INCREMENT=6')), columnRenames: new Map(), indexRenames: new Map() }), []);
  const converted = BEFORE.replace('DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci', 'DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci');
  const [sql] = alterRollback({ before: table(BEFORE), after: table(converted), columnRenames: new Map(), indexRenames: new Map() });
  assert.equal(
    sql,
    "ALTER TABLE `d`.`t``x` MODIFY COLUMN `a``b` varchar(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci DEFAULT 'x,y' COMMENT 'c''s' AFTER `id`, " +
      "MODIFY COLUMN `e` enum('p)q','r') CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL AFTER `a``b`, " +
      'DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;',
  );
});

test('whole-table rollbacks', () => {
  assert.deepEqual(createTableRollback({ db: 'd', name: 't' }, false), ['DROP TABLE `d`.`t`;']);
  assert.deepEqual(createTableRollback({ db: 'd', name: 't' }, true), []);
  assert.deepEqual(createViewRollback({ db: 'd', name: 'v' }, 'CREATE ALGORITHM=UNDEFINED DEFINER=`u`@`%` SQL SECURITY DEFINER VIEW `v` AS select 1 AS `1`'), [
    'CREATE OR REPLACE ALGORITHM=UNDEFINED DEFINER=`u`@`%` SQL SECURITY DEFINER VIEW `d`.`v` AS select 1 AS `1`;',
  ]);
  assert.deepEqual(dropTableRollback([{ db: 'd', name: 'a', createSql: 'CREATE TABLE `a` (\n  `x` int\n)' }]), ['CREATE TABLE `d`.`a` (\n  `x` int\n);']);
  assert.deepEqual(renameTableRollback([{ from: { db: 'd', name: 'a' }, to: { db: 'd', name: 'b' } }, { from: { db: 'd', name: 'c' }, to: { db: 'e', name: 'd' } }]), [
    'RENAME TABLE `e`.`d` TO `d`.`c`, `d`.`b` TO `d`.`a`;',
  ]);
});
