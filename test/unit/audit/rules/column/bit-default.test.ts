// column/bit-default: a BIT column's default other than 0, 1, b'…', '' or NULL.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('column/bit-default', {
  valid: ["create table t3 (c1 bit default 0, c2 bit default 1, c3 bit(4) default b'1010', c4 bit default '', c5 bit default null, c6 bit default true, c7 int default 2)"],
  invalid: [
    { sql: "create table t3 (c1 bit(4) default 2, c2 bit default 'a', c3 bit default x'01')", messages: ["Invalid default value for column 'c1'.", "Invalid default value for column 'c2'.", "Invalid default value for column 'c3'."], level: 2 },
    { sql: "alter table t1 add c3 bit default '1'", messages: ["Invalid default value for column 'c3'."] },
  ],
});
