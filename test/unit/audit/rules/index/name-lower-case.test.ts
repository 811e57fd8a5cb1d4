// index/name-lower-case: check_identifier_lower applied to index names (not PRIMARY, not unnamed).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'index/name-lower-case',
  {
    valid: ['create table t3 (id int, c1 int, primary key (id), key ix_c1 (c1), key (c1))', 'create table t3 (id int, C1 int unique)'],
    invalid: [
      { sql: 'create table t3 (id int, c1 int, key Ix_C1 (c1), constraint UK_C1 unique (c1))', messages: ["Identifier 'Ix_C1' must be lowercase.", "Identifier 'UK_C1' must be lowercase."], level: 2 },
      { sql: 'alter table t1 add index IX_C1 (c1)', messages: ["Identifier 'IX_C1' must be lowercase."] },
    ],
  },
  { inc: { check_identifier_lower: true } },
);
