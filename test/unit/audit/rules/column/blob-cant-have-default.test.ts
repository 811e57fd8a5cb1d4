// column/blob-cant-have-default: BLOB/TEXT/JSON with a DEFAULT other than NULL.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('column/blob-cant-have-default', {
  valid: ['create table t3 (c1 text default null, c2 varchar(10) default \'x\')', 'create table t3 (c1 blob)'],
  invalid: [
    { sql: "create table t3 (c1 text default 'x')", messages: ["BLOB, TEXT, GEOMETRY or JSON column 'c1' can't have a default value."] },
    { sql: "alter table t1 add column c3 blob default ''", messages: ["BLOB, TEXT, GEOMETRY or JSON column 'c3' can't have a default value."] },
  ],
});
