// identifier/too-long: a new name longer than 64 bytes.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

const long = 'c'.repeat(65);

new RuleTester(LAYOUT).run('identifier/too-long', {
  valid: [`create table t3 (${'c'.repeat(64)} int)`],
  invalid: [
    { sql: `create table t3 (${long} int)`, messages: [`Identifier name '${long}' is too long.`] },
    { sql: `create table ${long} (id int)`, messages: [`Identifier name '${long}' is too long.`] },
    // 22 three-byte characters: 66 bytes
    { sql: `create table t3 (\`${'列'.repeat(22)}\` int)`, messages: [`Identifier name '${'列'.repeat(22)}' is too long.`] },
  ],
});
