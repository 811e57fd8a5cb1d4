// Issue 6 item 9 against a real inceptor process: a text that is not a batch but opens with an option comment
// (`/* --…` with a space) is answered with an error row whose sql never carries the password.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connectTo, startInceptorProcess, type InceptorProcess } from '../../support/inceptor-process.js';

const SECRET = 'Zq9-echo-SECRET';
let inceptor: InceptorProcess;

before(async () => (inceptor = await startInceptorProcess()));
after(() => inceptor.stop());

test('the error row of a text without inception_magic_start does not echo the password', async () => {
  const c = await connectTo(inceptor);
  try {
    for (const text of [
      `/* --user=u;--password=${SECRET};--host=127.0.0.1;--port=3306;*/ update t set a = 1`,
      `/*--user=u;\n--password=${SECRET};--host=127.0.0.1;*/ update t set a = 1`,
      `/*--user=u;--pass-word="x;${SECRET}";*/ update t set a = 1`,
    ]) {
      const [rows] = (await c.query(text)) as unknown as [Record<string, unknown>[]];
      assert.equal(rows.length, 1, text);
      assert.equal(rows[0]!.error_level, 2);
      assert.ok(!JSON.stringify(rows).includes(SECRET), `no secret in ${JSON.stringify(rows[0])}`);
    }
  } finally {
    await c.end();
  }
  assert.ok(!inceptor.output().includes(SECRET), 'no secret in the log');
});
