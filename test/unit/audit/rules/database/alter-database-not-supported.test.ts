// database/alter-database-not-supported: ALTER DATABASE is refused unless enable_alter_database.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'database/alter-database-not-supported',
  {
    valid: [
      { sql: 'alter database test default charset utf8mb4', inc: { enable_alter_database: true } },
    ],
    invalid: [
      { sql: 'alter database test default charset utf8mb4', messages: ['Not supported statement type.'] },
    ],
  },
);
