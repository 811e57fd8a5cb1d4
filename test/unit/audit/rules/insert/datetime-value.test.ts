// insert/datetime-value: a literal that is no valid YEAR/DATE/TIME/DATETIME/TIMESTAMP value under the target's
// sql_mode, for a listed column (ErrIncorrectDateTimeValue; arguments: the literal raw, `db.table.col`).
import { RuleTester } from '../../../../support/rule-tester.js';

const tester = new RuleTester({
  tables: ['create table t3 (id int primary key, d date, dt datetime, ts timestamp null, y year, tm time)'],
});

tester.run('insert/datetime-value', {
  valid: [
    "insert into t3 (id, d, dt, ts, y, tm) values (1, '2020-02-29', '2020-01-01 23:59:59', '2000-01-01 00:00:00', '2020', '838:59:59')",
    'insert into t3 (id, d, dt, y, tm) values (1, 20200101, 20200101123000, 2020, 123000)',
    "insert into t3 (id, d, dt) values (1, '2020/1/2', '20-01-02T03:04:05.123')",
    "insert into t3 (id, d, dt) values (1, now(), null)",
    // without a column list goInception does not check the values
    "insert into t3 values (1, '2020-13-01', null, null, null, null)",
    // zero dates pass unless the mode refuses them
    "insert into t3 (id, d, dt) values (1, '0000-00-00', '2020-00-01')",
    { sql: "insert into t3 (id, d) values (1, '0000-00-00')", sqlMode: 'NO_ZERO_DATE' },
    { sql: "insert into t3 (id, d) values (1, '2020-02-31')", sqlMode: 'STRICT_TRANS_TABLES,ALLOW_INVALID_DATES' },
  ],
  invalid: [
    { sql: "insert into t3 (id, d) values (1, '2020-02-30')", messages: ["Incorrect datetime value: '2020-02-30'(column 'test.t3.d')"] },
    {
      sql: "insert into t3 (id, dt, ts, y, tm) values (1, '2020-01-01 24:00:00', '1960-01-01', '3000', '12:61')",
      messages: [
        "Incorrect datetime value: '2020-01-01 24:00:00'(column 'test.t3.dt')",
        "Incorrect datetime value: '1960-01-01'(column 'test.t3.ts')",
        "Incorrect datetime value: '3000'(column 'test.t3.y')",
        "Incorrect datetime value: '12:61'(column 'test.t3.tm')",
      ],
    },
    { sql: "insert into t3 (id, d) values (1, 'abc'), (2, 20201301)", messages: ["Incorrect datetime value: 'abc'(column 'test.t3.d')", "Incorrect datetime value: '20201301'(column 'test.t3.d')"] },
    { sql: "insert into t3 (id, d) values (1, '0000-00-00')", sqlMode: 'STRICT_TRANS_TABLES,NO_ZERO_DATE', messages: ["Incorrect datetime value: '0000-00-00'(column 'test.t3.d')"] },
    { sql: "insert into t3 (id, d) values (1, '2020-00-01')", sqlMode: 'STRICT_ALL_TABLES,NO_ZERO_IN_DATE', messages: ["Incorrect datetime value: '2020-00-01'(column 'test.t3.d')"] },
  ],
});
