// create-table/wrong-auto-key: more than one auto_increment column, or one that does not start a key (not MyISAM).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('create-table/wrong-auto-key', {
  valid: [
    "create table t9 (id int auto_increment, c int, primary key (id))",
    "create table t9 (id int auto_increment, c int, key (c, id)) engine = MyISAM",
    "create table t9 (id int auto_increment unique)",
  ],
  invalid: [
    { sql: "create table t9 (id int auto_increment, c int, key ix (c, id))", messages: ["Incorrect table definition; there can be only one auto column and it must be defined as a key."], level: 2 },
    { sql: "create table t9 (id int auto_increment primary key, c int auto_increment)", messages: ["Incorrect table definition; there can be only one auto column and it must be defined as a key."] },
  ],
});
