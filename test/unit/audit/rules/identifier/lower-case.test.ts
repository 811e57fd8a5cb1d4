// identifier/lower-case: check_identifier_lower wants new names in lower case.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'identifier/lower-case',
  {
    valid: ['create table t3 (id int, c_1 int)', 'rename table t1 to test.t9'],
    invalid: [
      { sql: 'create table T3 (id int, Ca int)', messages: ["Identifier 'T3' must be lowercase.", "Identifier 'Ca' must be lowercase."] },
      { sql: 'rename table t1 to TEST.t9', messages: ["Identifier 'TEST' must be lowercase."] },
    ],
  },
  { inc: { check_identifier_lower: true } },
);
