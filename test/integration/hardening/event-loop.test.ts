// Issue 6 item 3 against a real inceptor process: a huge one-line text does not freeze other clients. One
// client sends 200k statements on one line; another client's `select 1`, sent while the first is being split,
// is answered before the first client's answer (before the fix the split was quadratic and never yielded, so
// the second client waited for all of it). Ordering, not timing, is asserted.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connectTo, startInceptorProcess, type InceptorProcess } from '../../support/inceptor-process.js';

let inceptor: InceptorProcess;

before(async () => (inceptor = await startInceptorProcess(`[inc]\nmax_allowed_packet = ${64 << 20}\n`)));
after(() => inceptor.stop());

test('a second client is answered while a 200k-statement one-line text is split', async () => {
  const statements = 200_000;
  // no --host: the batch is refused right after the split, so the split is what the second client waits behind
  const text = `/*--user=u;--check=1;*/inception_magic_start;${Array.from({ length: statements }, (_, i) => `select ${i}`).join(';')};inception_magic_commit;`;
  const big = await connectTo(inceptor);
  const small = await connectTo(inceptor);
  try {
    const order: string[] = [];
    const bigDone = big.query(text).then(() => order.push('big'));
    await new Promise((r) => setTimeout(r, 150));
    const smallDone = Promise.race([
      small.query('select 1').then(() => order.push('small')),
      new Promise((r) => setTimeout(r, 30_000)),
    ]);
    await smallDone;
    assert.deepEqual(order, ['small'], 'the small query was answered first, while the big text was still in work');
    await bigDone;
    assert.deepEqual(order, ['small', 'big']);
  } finally {
    big.destroy();
    small.destroy();
  }
});
