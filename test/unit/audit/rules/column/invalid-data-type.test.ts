// column/invalid-data-type: column types that configuration disables; the level of a family's legacy key counts.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

const msg = (col: string, type: string) => `Not supported data type on field: '${col}'(${type}).`;

new RuleTester(LAYOUT).run('column/invalid-data-type', {
  valid: [
    'create table t3 (id int, c1 varchar(10), c2 datetime, c3 decimal(10, 2))',
    { sql: 'create table t3 (c1 text, c2 json, c3 bit, c4 enum(\'a\'))', inc: { enable_blob_type: true, enable_json_type: true, enable_enum_set_bit: true } },
    'create table t3 (c1 timestamp)',
    'alter table t1 add column c3 int, modify c2 bigint',
  ],
  invalid: [
    {
      sql: "create table t3 (id int, c1 bit, c2 enum('a','b'), c3 set('x'), c4 blob, c5 longtext)",
      messages: [msg('c1', 'bit'), msg('c2', 'enum'), msg('c3', 'set'), msg('c4', 'blob'), msg('c5', 'longtext')],
      // er_use_text_or_blob (2) raises the blob/text family above er_invalid_data_type (1)
      level: 2,
    },
    { sql: "create table t3 (c1 bit, c2 enum('a'))", messages: [msg('c1', 'bit'), msg('c2', 'enum')], level: 1 },
    { sql: 'create table t3 (c1 json)', messages: [msg('c1', 'json')], level: 2 },
    { sql: 'create table t3 (c1 timestamp)', messages: [msg('c1', 'timestamp')], inc: { enable_timestamp_type: false } },
    { sql: 'create table t3 (c1 integer, c2 float)', messages: [msg('c1', 'int')], inc: { disable_types: 'INT, double' } },
    { sql: 'alter table t1 add column c3 text, modify c2 bit, change c1 c9 json', messages: [msg('c3', 'text'), msg('c2', 'bit'), msg('c9', 'json')] },
    // level 0 for the family's legacy key and for the code itself drops the message
    { sql: 'create table t3 (c1 bit)', messages: [], levels: { er_invalid_data_type: 0, er_use_enum: 0 } },
  ],
});
