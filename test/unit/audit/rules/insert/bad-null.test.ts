// insert/bad-null: INSERT VALUES: literal NULL into a NOT NULL column that is not auto_increment.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'insert/bad-null',
  {
    valid: [
      "insert into t1 (id, c1, c2) values (1, 'a', null)",
    ],
    invalid: [
      { sql: "insert into t1 (id, c1) values (1, 'a'), (2, null)", messages: ["Column 'c1' cannot be null in 2 row."] },
    ],
  },
);
