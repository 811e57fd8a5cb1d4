// index/column-repeat: check_index_column_repeat: a new index whose columns are a left prefix of a live index, or the reverse.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('index/column-repeat', {
  valid: [
    "alter table t1 add index ix_c1_c2 (c1, c2)",
    "create table t9 (id int primary key, a int, b int, key ix_a (a), key ix_b (b))",
  ],
  invalid: [
    { sql: "alter table t1 add index ix_c2_c1 (c2, c1)", messages: ["Column repeat index 'ix_c2_c1' defined on the table 't1.ix_c2' column('c2,')."], level: 2 },
    { sql: "alter table t1 add unique key uk_id (id)", messages: ["Column repeat index 'uk_id' defined on the table 't1.PRIMARY' column('id,')."] },
    { sql: "create table t9 (id int primary key, a int, b int, key ix_ab (a, b), key ix_a (a))", messages: ["Column repeat index 'ix_a' defined on the table 't9.ix_ab' column('a,')."] },
  ],
}, { inc: {"check_index_column_repeat": true} });
