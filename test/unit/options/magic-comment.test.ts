import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchMode, parseMagicComment, redactOptions, validateOptions, type BatchOptions } from '../../../src/options/magic-comment.js';

function parse(text: string): BatchOptions {
  const r = parseMagicComment(text);
  assert.ok(r.ok, `expected ok, got ${JSON.stringify(r)}`);
  return r.options;
}

test("Archery's check envelope (quoted values, trailing ;)", () => {
  const o = parse(
    "/*--user='admin';--password='s3cret';--host='10.0.0.5';--port=3306;--check=1;--real_row_count=true;*/\n                            inception_magic_start",
  );
  assert.equal(o.user, 'admin');
  assert.equal(o.password, 's3cret');
  assert.equal(o.host, '10.0.0.5');
  assert.equal(o.port, 3306);
  assert.equal(o.check, true);
  assert.equal(o.execute, false);
  assert.equal(o.realRowCount, true);
  assert.equal(o.ignoreWarnings, true, 'check forces ignore_warnings');
  assert.equal(validateOptions(o), null);
  assert.equal(batchMode(o), 'check');
});

test("Archery's execute envelope (no ; before */, backup, sleep)", () => {
  const o = parse(
    "/*--user='admin';--password='pw';--host='db.example';--port=3307;--execute=1;--ignore-warnings=1;--backup=1;--sleep=200;--sleep_rows=100*/\ninception_magic_start",
  );
  assert.equal(o.execute, true);
  assert.equal(o.backup, true);
  assert.equal(o.ignoreWarnings, true);
  assert.equal(o.sleep, 200);
  assert.equal(o.sleepRows, 100);
  assert.equal(o.port, 3307);
  assert.equal(batchMode(o), 'execute');
});

test('masking envelope with bare values', () => {
  const o = parse('/*--user=root;--password=;--host=127.0.0.1;--port=3306;--masking=1;*/ inception_magic_start');
  assert.equal(o.masking, true);
  assert.equal(o.password, '');
  assert.equal(batchMode(o), 'masking');
});

test('enable/disable flags, remote stripping, key spellings and case', () => {
  const o = parse(
    '/*--user=u;--host=h;--port=1;--enable-execute;--enable-ignore-warnings;--enable-remote-backup;--enable-fingerprint;--Real-Row-Count=1;--TRANS=5*/',
  );
  assert.equal(o.execute, true);
  assert.equal(o.ignoreWarnings, true);
  assert.equal(o.backup, true);
  assert.equal(o.fingerprint, true);
  assert.equal(o.realRowCount, true);
  assert.equal(o.trans, 5);
  assert.equal(parse('/*--user=u;--host=h;--port=1;--execute=1;--disable-remote-backup;--remote-backup=1*/').backup, true);
  assert.equal(parse('/*--user=u;--host=h;--port=1;--execute=1;--backup=1;--disable-remote-backup*/').backup, false);
  // only keys lose "remote": a password or path containing it arrives intact (goInception would mangle it)
  assert.equal(parse('/*--user=u;--password=myremotepw;--host=h;--port=1*/').password, 'myremotepw');
  assert.equal(parse('/*--user=u;--host=h;--port=1;--ssl-ca=/etc/remote/ca.pem*/').sslCa, '/etc/remote/ca.pem');
  assert.equal(parse('/*--user=u;--host=h;--port=1;--ignore_warnings=yes;--query_print=0*/').ignoreWarnings, true);
});

test('spaces after ; and around = are tolerated; double quotes unquoted; ; inside quotes kept', () => {
  const o = parse('/*--user = "u" ; --password=\'p;w\';  --host= h ; --port = 3306 ; --check = on */');
  assert.equal(o.user, 'u');
  assert.equal(o.password, 'p;w');
  assert.equal(o.host, 'h');
  assert.equal(o.port, 3306);
  assert.equal(o.check, true);
});

test('booleans: 1/0/true/false/on/off/yes/no', () => {
  for (const [v, want] of [['1', true], ['0', false], ['TRUE', true], ['false', false], ['On', true], ['off', false], ['yes', true], ['no', false]] as const) {
    assert.equal(parse(`/*--host=h;--port=1;--user=u;--fingerprint=${v}*/`).fingerprint, want, v);
  }
  const bad = parseMagicComment('/*--host=h;--port=1;--user=u;--execute=maybe*/');
  assert.equal(bad.ok, false);
  const badInt = parseMagicComment('/*--host=h;--port=abc;--user=u*/');
  assert.ok(!badInt.ok && badInt.message.includes('port'));
});

test('mode post-processing', () => {
  const split = parse('/*--host=h;--port=1;--user=u;--execute=1;--backup=1;--check=1;--enable-split*/');
  assert.deepEqual([split.execute, split.backup, split.ignoreWarnings, split.check, split.split], [false, false, true, false, true]);
  const qp = parse('/*--host=h;--port=1;--user=u;--check=1;--enable-query-print*/');
  assert.deepEqual([qp.check, qp.queryPrint, qp.execute], [false, true, false]);
  const ck = parse('/*--host=h;--port=1;--user=u;--execute=1;--backup=1;--check=1*/');
  assert.deepEqual([ck.execute, ck.backup, ck.check], [false, false, true]);
});

test('sleep cap and sleep_rows rules', () => {
  assert.deepEqual(pick(parse('/*--host=h;--port=1;--user=u;--sleep=500000;--sleep_rows=0*/')), [100000, 1]);
  assert.deepEqual(pick(parse('/*--host=h;--port=1;--user=u;--sleep=0;--sleep_rows=10*/')), [0, 0]);
  assert.deepEqual(pick(parse('/*--host=h;--port=1;--user=u;--sleep=-5*/')), [0, 0]);
  assert.deepEqual(pick(parse('/*--host=h;--port=1;--user=u;--sleep=10*/')), [10, 1]);
  function pick(o: BatchOptions) {
    return [o.sleep, o.sleepRows];
  }
});

test('missing or multi-line comment → syntax message', () => {
  const msg = 'Invalid source infomation(inception语法格式错误).';
  assert.deepEqual(parseMagicComment('inception_magic_start'), { ok: false, message: msg });
  assert.deepEqual(parseMagicComment('/*--user=u;\n--host=h;--port=1*/ inception_magic_start'), { ok: false, message: msg });
});

test('validation lists only the missing parts', () => {
  assert.equal(validateOptions(parse('/*--check=1*/')), 'Invalid source infomation(主机名为空,端口为0,用户名为空).');
  assert.equal(validateOptions(parse('/*--host=h;--check=1*/')), 'Invalid source infomation(端口为0,用户名为空).');
  assert.equal(validateOptions(parse('/*--host=h;--user=u*/')), 'Invalid source infomation(端口为0).');
  assert.equal(validateOptions(parse('/*--port=3306;--user=u*/')), 'Invalid source infomation(主机名为空).');
});

test('ssl options', () => {
  const base = '/*--host=h;--port=1;--user=u;';
  assert.equal(validateOptions(parse(`${base}--ssl=preferred*/`)), null);
  assert.equal(validateOptions(parse(`${base}--ssl=REQUIRED*/`)), null);
  assert.match(validateOptions(parse(`${base}--ssl=verify_ca*/`)) ?? '', /ssl-ca/);
  const full = parse(`${base}--ssl=verify_identity;--ssl-ca=/a;--ssl-cert=/b;--ssl_key=/c*/`);
  assert.deepEqual([full.sslCa, full.sslCert, full.sslKey], ['/a', '/b', '/c']);
  // files are not looked at before connecting (docs/security.md "TLS files"): no existence oracle
  assert.equal(validateOptions(full), null);
  assert.match(validateOptions(parse(`${base}--ssl=bogus*/`)) ?? '', /Unknown --ssl mode/);
});

test('middleware and parse options; unknown keys ignored', () => {
  const o = parse('/*--host=h;--port=1;--user=u;--middleware_extend=/*x*/;--middleware-db=mid;--parse_host=p;--parse_port=3310;--foo=bar;--enable-nothing*/');
  // the comment ends at the first */, so middleware_extend is cut there (same as goInception's regex)
  assert.equal(o.middlewareExtend, '/*x');
  const p = parse('/*--host=h;--port=1;--user=u;--middleware-db=mid;--parse_host=p;--parse_port=3310;--foo=bar;--enable-nothing*/');
  assert.deepEqual([p.middlewareDb, p.parseHost, p.parsePort], ['mid', 'p', 3310]);
});

test('redactOptions hides the password', () => {
  const o = parse("/*--host=h;--port=1;--user=u;--password='topsecret'*/");
  const red = redactOptions(o);
  assert.equal(JSON.stringify(red).includes('topsecret'), false);
  assert.equal(red.user, 'u');
});
