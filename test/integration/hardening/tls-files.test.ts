// Issue 6 item 1 against real inceptor processes: the magic comment's --ssl-ca/--ssl-cert/--ssl-key read only
// small regular files inside [inc] tls_files_dir, without blocking, and every refusal reads the same. The
// refusal comes before any connection, so the target address needs no server.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectTo, startInceptorProcess, type InceptorProcess } from '../../support/inceptor-process.js';

function batch(ca: string): string {
  return `/*--user=u;--password=p;--host=127.0.0.1;--port=9;--check=1;--ssl=verify_ca;--ssl-ca=${ca};--ssl-cert=${ca};--ssl-key=${ca};*/\n` +
    'inception_magic_start;\nselect 1;\ninception_magic_commit;';
}

async function startMessage(inceptor: InceptorProcess, ca: string): Promise<string> {
  const c = await connectTo(inceptor);
  try {
    const [rows] = (await c.query({ sql: batch(ca), timeout: 15_000 })) as unknown as [{ error_message: string }[]];
    assert.equal(rows.length, 1);
    return rows[0]!.error_message.replace(/^con:\d+ /, '');
  } finally {
    c.destroy();
  }
}

describe('with tls_files_dir', () => {
  let inceptor: InceptorProcess;
  let tlsDir = '';
  before(async () => {
    inceptor = await startInceptorProcess('[inc]\ntls_files_dir = "{dir}/tls"\n', {
      setup: (dir) => {
        tlsDir = join(dir, 'tls');
        mkdirSync(tlsDir);
        execFileSync('mkfifo', [join(tlsDir, 'fifo.pem')]);
        symlinkSync('/dev/zero', join(tlsDir, 'zero.pem'));
        symlinkSync('/etc/passwd', join(tlsDir, 'escape.pem'));
        writeFileSync(join(tlsDir, 'big.pem'), Buffer.alloc(2 << 20, 0x41));
        writeFileSync(join(tlsDir, 'junk.pem'), 'not a certificate');
      },
    });
  });
  after(() => inceptor.stop());

  test('a FIFO, a device, a symlink out, a big file, a path outside, a missing file: all "TLS file not usable"', async () => {
    const probe = await connectTo(inceptor);
    try {
      for (const ca of ['fifo.pem', join(tlsDir, 'zero.pem'), 'escape.pem', 'big.pem', '/etc/passwd', '/no/such/file', '../config.toml', 'junk.pem']) {
        assert.equal(await startMessage(inceptor, ca), 'TLS file not usable.', ca);
        // the process was never blocked: another client is answered
        const [rows] = (await probe.query({ sql: 'select 1 as one', timeout: 5000 })) as unknown as [{ one: number }[]];
        assert.equal(rows[0]!.one, 1);
      }
    } finally {
      probe.destroy();
    }
  });
});

describe('without tls_files_dir', () => {
  let inceptor: InceptorProcess;
  before(async () => (inceptor = await startInceptorProcess()));
  after(() => inceptor.stop());

  test('per-batch TLS files are refused, whatever the path', async () => {
    assert.equal(await startMessage(inceptor, '/etc/passwd'), 'TLS file not usable.');
    assert.equal(await startMessage(inceptor, '/root/.ssh/id_rsa'), 'TLS file not usable.');
  });
});
