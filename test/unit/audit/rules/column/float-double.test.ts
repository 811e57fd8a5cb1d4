// column/float-double: check_float_double asks for DECIMAL instead of FLOAT/DOUBLE.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'column/float-double',
  {
    valid: ['create table t3 (c1 decimal(10,2), c2 int)', { sql: 'create table t3 (c1 float)', inc: { check_float_double: false } }],
    invalid: [
      { sql: 'create table t3 (c1 float, c2 double)', messages: ["Set column 'c1' to DECIMAL type.", "Set column 'c2' to DECIMAL type."], level: 2 },
      { sql: 'alter table t1 modify c2 double', messages: ["Set column 'c2' to DECIMAL type."] },
    ],
  },
  { inc: { check_float_double: true } },
);
