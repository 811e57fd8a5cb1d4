// create-table/row-size: CREATE TABLE columns over 65535 bytes a row (goInception's fixed free text).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

const TOO_LARGE =
  'Row size too large. The maximum row size for the used table type, not counting BLOBs, is 65535. This includes storage overhead, check the manual. You have to change some columns to TEXT or BLOBs.';

new RuleTester(LAYOUT).run('create-table/row-size', {
  valid: [
    // utf8mb4 (default_charset): 2 × (8000 × 4 + 2) = 64004
    'create table t3 (id int, a varchar(8000), b varchar(8000))',
    // latin1: 65532 + 2 bytes, right at the limit with the int
    'create table t3 (id tinyint, a varchar(65532)) charset latin1',
    // TEXT counts its in-row pointer only
    'create table t3 (id int, a varchar(16000), b text, c longtext, d json)',
    // a virtual column takes no room
    'create table t3 (id int, a varchar(16000), b varchar(16000) as (a) virtual)',
    'create table t3 like t1',
  ],
  invalid: [
    // 2 × (8200 × 4 + 2) = 65604
    { sql: 'create table t3 (id int, a varchar(8200), b varchar(8200))', messages: [TOO_LARGE], level: 2 },
    // the same columns fit in latin1 but not when one says utf8mb4
    { sql: 'create table t3 (a varchar(30000) charset utf8mb4, b varchar(30000)) default charset latin1', messages: [TOO_LARGE] },
    // the table's COLLATE decides the width over default_charset: utf8 → 3 × 21845 + 2
    { sql: 'create table t3 (a varchar(21845), b int) collate utf8_general_ci', messages: [TOO_LARGE] },
    { sql: 'create table t3 (a char(255), b char(255), c varchar(65100)) charset latin1', messages: [TOO_LARGE] },
  ],
});
