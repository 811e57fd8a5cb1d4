// column/text-not-nullable: BLOB/TEXT/JSON declared NOT NULL unless enable_blob_not_null.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('column/text-not-nullable', {
  valid: [
    'create table t3 (c1 text, c2 blob null, c3 varchar(10) not null)',
    { sql: 'create table t3 (c1 text not null)', inc: { enable_blob_not_null: true } },
  ],
  invalid: [
    {
      sql: 'create table t3 (c1 text not null, c2 mediumblob not null, c3 json not null)',
      messages: [
        "TEXT/BLOB/JSON Column 'c1' in table 't3' can't been not null.",
        "TEXT/BLOB/JSON Column 'c2' in table 't3' can't been not null.",
        "TEXT/BLOB/JSON Column 'c3' in table 't3' can't been not null.",
      ],
    },
    { sql: 'alter table t1 add column c3 longtext not null', messages: ["TEXT/BLOB/JSON Column 'c3' in table 't1' can't been not null."] },
  ],
});
