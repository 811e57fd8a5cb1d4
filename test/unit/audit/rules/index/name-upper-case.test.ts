// index/name-upper-case: check_identifier_upper applied to index names (not PRIMARY, not unnamed).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'index/name-upper-case',
  {
    valid: ['create table t3 (ID int, C1 int, primary key (ID), key IX_C1 (C1), key (C1))', 'alter table t1 add index IX_C1 (c1)', 'alter table t1 add c3 int unique'],
    invalid: [
      { sql: 'create table t3 (ID int, C1 int unique, key Ix_c1 (C1))', messages: ["Identifier 'c1' must be capitalized.", "Identifier 'Ix_c1' must be capitalized."], level: 2 },
      { sql: 'create index ix_c1 on t1 (c1)', messages: ["Identifier 'ix_c1' must be capitalized."] },
      { sql: 'alter table t1 add unique key uk_c1 (c1)', messages: ["Identifier 'uk_c1' must be capitalized."] },
    ],
  },
  { inc: { check_identifier_upper: true } },
);
