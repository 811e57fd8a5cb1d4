// create-table/autoinc-default: AUTO_INCREMENT with a non-NULL DEFAULT, a free text with ER_INVALID_DEFAULT's
// wording, level 2 whatever [inc_level] says.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('create-table/autoinc-default', {
  valid: ['create table t3 (id int auto_increment primary key)', 'create table t3 (id int auto_increment default null primary key)'],
  invalid: [
    { sql: 'create table t3 (id int default 1 auto_increment primary key)', messages: ["Invalid default value for column 'id'."], level: 2 },
    { sql: 'create table t3 (id int auto_increment default 0 primary key)', levels: { er_invalid_default: 0 }, messages: ["Invalid default value for column 'id'."], level: 2 },
    { sql: 'create table t3 (id int auto_increment default 0 primary key)', inc: { lang: 'zh-CN' }, messages: ["列 'id' 默认值无效."] },
  ],
});
