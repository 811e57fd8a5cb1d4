// index/long-name-text: goInception's Chinese free text for an index name longer than 64 bytes.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

const LONG = 'ix_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
new RuleTester(LAYOUT).run('index/long-name-text', {
  valid: [`create table t3 (id int, key ${LONG.slice(1)} (id))`],
  invalid: [
    { sql: `create table t3 (id int, key ${LONG} (id))`, messages: [`表't3'的索引'${LONG}'名称过长.`], level: 2 },
    // a table loaded from the target is named as the batch first wrote it
    { sql: `alter table T1 add index ${LONG} (c1)`, messages: [`表'T1'的索引'${LONG}'名称过长.`] },
  ],
});
