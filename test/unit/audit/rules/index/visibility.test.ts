// index/visibility: VISIBLE/INVISIBLE indexes on a target that cannot read them (MariaDB here).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('index/visibility', {
  valid: [
    "create table t9 (id int primary key, c int, key ix_c (c))",
    "alter table t1 alter index ix_c2 ignored",
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, c int, key ix_c (c) invisible)", messages: ["The back-end database does not support the index to specify the visible option."], level: 2 },
    { sql: "alter table t1 alter index ix_c2 visible", messages: ["The back-end database does not support the index to specify the visible option."] },
  ],
});
