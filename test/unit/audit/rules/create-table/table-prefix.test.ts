// create-table/table-prefix: table_prefix names the prefix every new table needs (not for LIKE).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'create-table/table-prefix',
  {
    valid: ['create table tb_orders (id int)', 'create table TB_Orders (id int)', 'create table t3 like t1'],
    invalid: [{ sql: 'create table orders (id int)', messages: ["Need set 'tb_' prefix for table."] }],
  },
  { inc: { table_prefix: 'tb_' } },
);
