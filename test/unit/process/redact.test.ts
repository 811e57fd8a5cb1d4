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
