// index/duplicate-key-column: an index or PRIMARY KEY that lists a column twice.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('index/duplicate-key-column', {
  valid: [
    "create table t9 (id int primary key, c1 int, key ix (c1, id))",
  ],
  invalid: [
    { sql: "create table t9 (id int, c1 int, primary key (id, ID))", messages: ["Duplicate column name 'ID'."], level: 2 },
    { sql: "alter table t1 add index ix_x (c2, c1, c2)", messages: ["Duplicate column name 'c2'."] },
    { sql: "create index ix_y on t1 (c1, c1)", messages: ["Duplicate column name 'c1'."] },
  ],
});
