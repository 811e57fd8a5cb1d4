// charset/engine-not-supported: support_engine: ENGINE outside the list (case-insensitive).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('charset/engine-not-supported', {
  valid: [
    "create table t9 (id int primary key) engine = InnoDB",
    { sql: "alter table t1 engine = myisam", inc: {"support_engine": ""} },
  ],
  invalid: [
    { sql: "create table t9 (id int primary key) engine = MyISAM", messages: ["Set engine to one of 'innodb'"], level: 2 },
    { sql: "alter table t1 engine = aria", messages: ["Set engine to one of 'innodb'"] },
  ],
});
