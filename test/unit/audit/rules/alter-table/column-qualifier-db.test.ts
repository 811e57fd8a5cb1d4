// alter-table/column-qualifier-db: MODIFY / CHANGE of a column written db.t.c with another schema; the column
// is then not checked further.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

const tester = new RuleTester(LAYOUT);
tester.run('alter-table/column-qualifier-db', {
  valid: ['alter table t1 modify TEST.t1.c2 bigint', 'alter table t1 change c2 t1.c3 bigint'],
  invalid: [
    { sql: 'alter table t1 modify db2.t1.c2 bigint, change c1 db3.t9.c4 int', messages: ["Incorrect database name 'db2'.", "Incorrect database name 'db3'."], level: 2 },
  ],
});
// The skipped column gets no field or existence message.
tester.run('alter-table/column-not-existed', {
  valid: ['alter table t1 modify db2.t1.c9 bigint'],
  invalid: [{ sql: 'alter table t1 modify test.t1.c9 bigint', messages: ["Column 't1.c9' not existed."] }],
});
tester.run('column/column-comment', {
  valid: ['alter table t1 modify db2.t1.c2 bigint'],
  invalid: [{ sql: 'alter table t1 modify test.t1.c2 bigint', messages: ["Column 'c2' in table 't1' have no comments."] }],
}, { inc: { check_column_comment: true } });
