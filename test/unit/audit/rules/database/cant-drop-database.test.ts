// database/cant-drop-database: DROP DATABASE is refused unless enable_drop_database.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'database/cant-drop-database',
  {
    valid: [
      { sql: 'drop database test', inc: { enable_drop_database: true } },
    ],
    invalid: [
      { sql: 'drop database test', messages: ["Command is forbidden! Cannot drop database 'test'."] },
      { sql: 'drop database if exists nosuch', messages: ["Command is forbidden! Cannot drop database 'nosuch'."] },
    ],
  },
);
