// dml/blocklist (peer, dml_blocklist): INSERT/REPLACE/UPDATE/DELETE writing a listed table.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester({ ...LAYOUT, databases: ['other'] }).run(
  'dml/blocklist',
  {
    valid: [
      'insert into t2 (id, c1) values (1, 2)',
      // read, not written
      'update t2 a join t1 b on a.id = b.id set a.c1 = 1 where b.c2 = 1',
      'delete a from t2 a join t1 b on a.id = b.id where b.c2 = 1',
      { sql: 'delete from t1 where id = 1', inc: { dml_blocklist: 'other.t1' } },
    ],
    invalid: [
      { sql: 'insert into T1 (id, c1) values (1, 2)', messages: ["DML on table 'test.T1' is not allowed."], level: 2 },
      { sql: 'update t2 a join t1 b on a.id = b.id set b.c2 = 1 where a.c1 = 1', messages: ["DML on table 'test.t1' is not allowed."] },
      { sql: 'delete b from t2 a join t1 b on a.id = b.id where a.c1 = 1', messages: ["DML on table 'test.t1' is not allowed."] },
      { sql: 'delete from t1 where id = 1', inc: { dml_blocklist: ' test.T1 ' }, messages: ["DML on table 'test.t1' is not allowed."] },
      { sql: 'delete from t1 where id = 1', inc: { dml_blocklist: 't1', lang: 'zh_cn' }, messages: ["不允许对表 'test.t1' 执行DML."] },
      // its own level key: 1 makes it a warning
      { sql: 'delete from t1 where id = 1', levels: { er_dml_on_blocked_table: 1 }, messages: ["DML on table 'test.t1' is not allowed."], level: 1 },
    ],
  },
  { inc: { dml_blocklist: 'x, t1' } },
);
