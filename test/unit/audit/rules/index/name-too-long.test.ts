// index/name-too-long: an index name longer than 64 bytes (ER_TOO_LONG_IDENT); not when it ends with a space.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

const LONG = 'ix_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
new RuleTester(LAYOUT).run('index/name-too-long', {
  valid: [`alter table t1 add index ${LONG.slice(1)} (c1)`, `alter table t1 add index \`${LONG} \` (c1)`],
  invalid: [
    { sql: `alter table t1 add index ${LONG} (c1)`, messages: [`Identifier name '${LONG}' is too long.`], level: 2 },
    { sql: `create index ${LONG} on t1 (c1)`, messages: [`Identifier name '${LONG}' is too long.`] },
  ],
});
