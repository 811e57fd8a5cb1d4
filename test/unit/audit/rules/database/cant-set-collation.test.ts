// database/cant-set-collation: CREATE DATABASE … COLLATE while enable_set_collation is off (utf8mb3_ shown as utf8_).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('database/cant-set-collation', {
  valid: [
    "create database d9",
    { sql: "create database d9 collate utf8mb4_bin", inc: {"enable_set_collation": true} },
  ],
  invalid: [
    { sql: "create database d9 collate UTF8MB3_BIN", messages: ["Cannot set collation 'utf8_bin'"], level: 1 },
  ],
});
