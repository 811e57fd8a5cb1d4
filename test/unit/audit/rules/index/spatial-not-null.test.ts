// index/spatial-not-null: a SPATIAL index over a column that may be NULL.
import { RuleTester } from '../../../../support/rule-tester.js';

new RuleTester({ tables: ['create table t1 (id int primary key, g geometry not null, h geometry null)'] }).run('index/spatial-not-null', {
  valid: [
    'create table t3 (id int, g geometry not null, spatial index sp_g (g))',
    'alter table t1 add spatial index sp_g (g)',
    // a plain index on a nullable column is not this rule's business
    'create table t3 (id int, c int null, key ix_c (c))',
  ],
  invalid: [
    { sql: 'create table t3 (id int, g geometry null, spatial index sp_g (g))', messages: ['All parts of a SPATIAL index must be NOT NULL.'], level: 2 },
    { sql: 'alter table t1 add spatial index sp_h (h)', messages: ['All parts of a SPATIAL index must be NOT NULL.'] },
    { sql: 'create spatial index sp_h on t1 (h)', messages: ['All parts of a SPATIAL index must be NOT NULL.'] },
  ],
});
