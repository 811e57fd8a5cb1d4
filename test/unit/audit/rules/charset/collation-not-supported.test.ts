// charset/collation-not-supported: support_collation: collations outside the list (utf8mb3 counts as utf8).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('charset/collation-not-supported', {
  valid: [
    "create table t9 (id int primary key) collate latin1_bin",
    { sql: "create table t9 (id int primary key) collate utf8mb3_bin", inc: {"enable_set_collation": true} },
  ],
  invalid: [
    { sql: "create table t9 (id int primary key) collate utf8mb4_general_ci", messages: ["Set collation to one of 'utf8_bin,utf8mb4_bin'"], inc: {"enable_set_collation": true}, level: 2 },
    { sql: "create database d9 collate latin1_bin", messages: ["Set collation to one of 'utf8_bin,utf8mb4_bin'"], inc: {"enable_set_collation": true} },
  ],
}, { inc: {"support_collation": "utf8_bin,utf8mb4_bin"} });
