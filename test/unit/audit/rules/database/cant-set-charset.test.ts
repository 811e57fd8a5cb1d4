// database/cant-set-charset: CREATE DATABASE … CHARACTER SET while enable_set_charset is off.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('database/cant-set-charset', {
  valid: [
    "create database d9",
    { sql: "create database d9 charset utf8mb4", inc: {"enable_set_charset": true} },
  ],
  invalid: [
    { sql: "create database d9 default character set = UTF8MB4", messages: ["Cannot set charset 'UTF8MB4'"], level: 1 },
  ],
});
