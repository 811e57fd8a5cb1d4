// index/primary-not-null: a PRIMARY KEY column declared NULL (or DEFAULT NULL), or nullable on the target.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('index/primary-not-null', {
  valid: [
    "create table t9 (id int, primary key (id))",
    "create table t9 (id int not null primary key)",
  ],
  invalid: [
    { sql: "create table t9 (id int null, primary key (id))", messages: ["All parts of a PRIMARY KEY must be NOT NULL; if you need NULL in a key, use UNIQUE instead"], level: 2 },
    { sql: "create table t9 (id int default null primary key)", messages: ["All parts of a PRIMARY KEY must be NOT NULL; if you need NULL in a key, use UNIQUE instead"] },
    { sql: "alter table t1 drop primary key, add primary key (id, c2)", messages: ["All parts of a PRIMARY KEY must be NOT NULL; if you need NULL in a key, use UNIQUE instead"] },
  ],
});
