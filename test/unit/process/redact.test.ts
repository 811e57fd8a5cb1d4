import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactSecrets, truncateChars } from '../../../src/process/redact.js';

test('the magic comment password is masked, other options kept', () => {
  assert.equal(
    redactSecrets('/*--user=u;--password=s3cret;--host=127.0.0.1;--port=3306;--execute=1;*/ inception_magic_start'),
    '/*--user=u;--password=***;--host=127.0.0.1;--port=3306;--execute=1;*/ inception_magic_start',
  );
  assert.equal(
    redactSecrets("/*--user='u';--password='p w';--host='h';--port=1;--check=1;*/"),
    "/*--user='u';--password=***;--host='h';--port=1;--check=1;*/",
  );
  assert.equal(redactSecrets('/*--pass_word=x;--remote-password=y*/'), '/*--pass_word=***;--remote-password=****/');
});

test('password assignments and IDENTIFIED BY are masked outside comments', () => {
  assert.equal(redactSecrets("inception set backup_password = 'abc', lang='en'"), "inception set backup_password = ***, lang='en'");
  assert.equal(redactSecrets("create user x identified by 'pw'"), 'create user x identified by ***');
  assert.equal(redactSecrets('update t set a=1 where id=2'), 'update t set a=1 where id=2');
});

test('truncation counts characters, never splitting an emoji', () => {
  assert.equal(truncateChars('abc', 100), 'abc');
  assert.equal(truncateChars('😀'.repeat(101), 100), '😀'.repeat(100));
  assert.equal(truncateChars('x'.repeat(150), 100).length, 100);
});

test('every spelling the option reader takes as the password is masked (docs/security.md)', () => {
  assert.equal(redactSecrets('/*--user=u;--pass-word=S1;*/ inception_magic_start'), '/*--user=u;--pass-word=***;*/ inception_magic_start');
  assert.equal(redactSecrets('/*--user=u;--password="a;S2";--host=h*/'), '/*--user=u;--password=***;--host=h*/');
  assert.equal(redactSecrets("/* --PASS word = 'x;S3' ;--port=1*/"), '/* --PASS word =***;--port=1*/');
});

test('account statements of the target: SET PASSWORD, PASSWORD(), IDENTIFIED VIA … USING', () => {
  assert.equal(redactSecrets("create user x IDENTIFIED VIA ed25519 USING PASSWORD('S4')"), 'create user x IDENTIFIED VIA ed25519 USING PASSWORD(***)');
  assert.equal(redactSecrets("SET PASSWORD FOR u = PASSWORD('S5')"), 'SET PASSWORD FOR u = PASSWORD(***)');
  assert.equal(redactSecrets("SET PASSWORD FOR 'u'@'%' = 'S6'"), "SET PASSWORD FOR 'u'@'%' = ***");
  assert.equal(redactSecrets("alter user u identified via mysql_native_password using '*ABC' or ed25519 using 'S7'"),
    'alter user u identified via mysql_native_password using *** or ed25519 using ***');
});
