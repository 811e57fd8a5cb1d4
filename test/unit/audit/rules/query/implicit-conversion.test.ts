// query/implicit-conversion: check_implicit_type_conversion: `column <op> literal` where the server would convert
// the column (numeric column vs string, string/temporal column vs number); args alias-or-table, column, base type.
import { RuleTester } from '../../../../support/rule-tester.js';

const tester = new RuleTester({
  tables: [
    'create table t1 (id int primary key, c1 varchar(10), d datetime, amount decimal(10,2))',
    'create table t2 (id bigint primary key, c1 int)',
  ],
});

tester.run(
  'query/implicit-conversion',
  {
    valid: [
      "select id from t1 where id = 1 and c1 = 'a' and d > '2020-01-01' and amount < 1.5",
      'update t1 set c1 = 1 where id = 1',
      'select id from t1 where c1 is null and c1 = null',
      // the literal on the left is not checked (goInception looks at `column op literal` only)
      "select id from t1 where 1 = c1",
      { sql: "select id from t1 where id = '1'", inc: { check_implicit_type_conversion: false } },
    ],
    invalid: [
      { sql: "select c1 from t1 where id = '1'", messages: ["Implicit type conversion is not allowed(column 't1.id',type 'int')."] },
      { sql: 'delete from t1 where c1 = 1', messages: ["Implicit type conversion is not allowed(column 't1.c1',type 'varchar')."] },
      { sql: 'update t1 a join t2 b on a.id = b.id set a.c1 = b.c1 where b.c1 = "x"', messages: ["Implicit type conversion is not allowed(column 'b.c1',type 'int')."] },
      {
        sql: "select id from t1 where id in (select id from t2 where t2.c1 <> 'x') and d = 20200101",
        messages: ["Implicit type conversion is not allowed(column 't2.c1',type 'int').", "Implicit type conversion is not allowed(column 't1.d',type 'datetime')."],
      },
      { sql: "insert into t2 (id, c1) select id, id from t1 where amount = 'x'", messages: ["Implicit type conversion is not allowed(column 't1.amount',type 'decimal')."] },
    ],
  },
  { inc: { check_implicit_type_conversion: true } },
);
