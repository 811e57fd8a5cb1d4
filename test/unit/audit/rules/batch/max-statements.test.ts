// batch/max-statements (peer, max_statements): every statement past the limit of a batch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

const tester = new RuleTester(LAYOUT);

tester.run(
  'batch/max-statements',
  {
    valid: [{ sql: 'select id from t1', before: ['use test'] }],
    invalid: [{ sql: 'delete from t1 where id = 1', before: ['use test', 'select 1'], messages: ['Too many statements in one batch (max 2).'], level: 2 }],
  },
  { inc: { max_statements: 2 } },
);

test('batch/max-statements: each statement past the limit, none without a limit', async () => {
  const sqls = ['use test', 'insert into t2 (id, c1) values (1, 1)', 'create table t9 (id int)', 'select 1'];
  const limited = await tester.auditBatch('batch/max-statements', sqls, { inc: { max_statements: 2 } });
  assert.deepEqual(limited.map((o) => o.messages.length), [0, 0, 1, 1]);
  const unlimited = await tester.auditBatch('batch/max-statements', sqls);
  assert.deepEqual(unlimited.map((o) => o.messages.length), [0, 0, 0, 0]);
});
