// parseLocalCommand: every command form, odd spacing/case/comments, and malformed input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocalCommand } from '../../../src/commands/parse.js';
import { MysqlError } from '../../../src/protocol/result.js';

function assertParseError(text: string, code: number, pattern: RegExp | string): void {
  assert.throws(
    () => parseLocalCommand(text),
    (err: unknown) => {
      assert.ok(err instanceof MysqlError, `not a MysqlError for ${JSON.stringify(text)}: ${String(err)}`);
      assert.equal(err.code, code, text);
      if (typeof pattern === 'string') assert.equal(err.message, pattern);
      else assert.match(err.message, pattern);
      return true;
    },
  );
}

test('not local commands → null', () => {
  for (const text of [
    '',
    '   ',
    'select 1',
    'use test',
    'inception_magic_start',
    '/*--user=a;--password=p;*/ inception_magic_start;',
    'killer 5',
    "select 'unterminated",
    'SET NAMES utf8mb4',
  ]) {
    assert.equal(parseLocalCommand(text), null, text);
  }
});

test('show/get variables with LIKE, NOT LIKE and WHERE', () => {
  assert.deepEqual(parseLocalCommand('inception show variables'), { kind: 'show_variables', like: null });
  assert.deepEqual(parseLocalCommand('INCEPTION GET VARIABLES'), { kind: 'show_variables', like: null });
  assert.deepEqual(parseLocalCommand('inception get variables;'), { kind: 'show_variables', like: null });
  assert.deepEqual(parseLocalCommand("inception get variables like 'osc%';"), {
    kind: 'show_variables',
    like: { pattern: 'osc%', negate: false },
  });
  assert.deepEqual(parseLocalCommand("  Inception\n\tShow   Variables  NOT   like \"check\\_%\"  ;  "), {
    kind: 'show_variables',
    like: { pattern: 'check\\_%', negate: true },
  });
  assert.deepEqual(parseLocalCommand("inception show variables where variable_name = 'lang' or 1=1"), {
    kind: 'show_variables',
    like: null,
  });
  assertParseError('inception show variables like osc', 1064, /near 'osc' at line 1$/);
  assertParseError('inception show variables like', 1064, /near '' at line 1$/);
  assertParseError("inception show variables like 'a' 'b'", 1064, /near ''b'' at line 1$/);
  assertParseError('inception show variables where', 1064, /^You have an error in your SQL syntax/);
  assertParseError('inception show variables bogus', 1064, /near 'bogus' at line 1$/);
});

test('leading comments, the magic comment and trailing statements are skipped', () => {
  assert.deepEqual(parseLocalCommand('/* hello */ -- line\n# hash\ninception get variables'), { kind: 'show_variables', like: null });
  assert.deepEqual(parseLocalCommand('/*--user=root;--password=x;*/inception show processlist'), { kind: 'show_processlist', full: false, cluster: false });
  assert.deepEqual(parseLocalCommand('inception /* in the middle */ show full processlist; select 1'), {
    kind: 'show_processlist',
    full: true,
    cluster: false,
  });
  assert.deepEqual(parseLocalCommand('inception show cluster processlist'), { kind: 'show_processlist', full: false, cluster: true });
  assert.deepEqual(parseLocalCommand('INCEPTION SHOW FULL CLUSTER PROCESSLIST;'), { kind: 'show_processlist', full: true, cluster: true });
  assert.deepEqual(parseLocalCommand('inception show cluster'), { kind: 'unsupported', text: 'inception show cluster' });
  assert.deepEqual(parseLocalCommand('inception get FULL processlist'), { kind: 'show_processlist', full: true, cluster: false });
  assertParseError('inception show processlist now', 1064, /near 'now'/);
});

test('set variables: scopes, several assignments, quoted / bare / negative / list values', () => {
  assert.deepEqual(parseLocalCommand('inception set check_dml_where=1'), {
    kind: 'set_variables',
    scope: null,
    assignments: [{ name: 'check_dml_where', value: '1' }],
  });
  assert.deepEqual(parseLocalCommand("INCEPTION SET GLOBAL max_keys = 3, backup_host = '10.0.0.1';"), {
    kind: 'set_variables',
    scope: 'global',
    assignments: [
      { name: 'max_keys', value: '3' },
      { name: 'backup_host', value: "'10.0.0.1'" },
    ],
  });
  assert.deepEqual(parseLocalCommand("inception set session ghost_on='on'"), {
    kind: 'set_variables',
    scope: 'session',
    assignments: [{ name: 'ghost_on', value: "'on'" }],
  });
  assert.deepEqual(parseLocalCommand('inception set lock_wait_timeout = -1, backup_host = 127.0.0.1, `max_keys` := - 2'), {
    kind: 'set_variables',
    scope: null,
    assignments: [
      { name: 'lock_wait_timeout', value: '-1' },
      { name: 'backup_host', value: '127.0.0.1' },
      { name: 'max_keys', value: '- 2' },
    ],
  });
  // an unquoted comma list stays one value unless `, name =` follows
  assert.deepEqual(parseLocalCommand('inception set support_charset = utf8,utf8mb4, max_keys = 2'), {
    kind: 'set_variables',
    scope: null,
    assignments: [
      { name: 'support_charset', value: 'utf8,utf8mb4' },
      { name: 'max_keys', value: '2' },
    ],
  });
  // `global` / `level` as variable names
  assert.deepEqual(parseLocalCommand('inception set global = 1'), {
    kind: 'set_variables',
    scope: null,
    assignments: [{ name: 'global', value: '1' }],
  });
  assert.deepEqual(parseLocalCommand('inception set level = 1'), {
    kind: 'set_variables',
    scope: null,
    assignments: [{ name: 'level', value: '1' }],
  });
  assertParseError('inception set', 1064, /near '' at line 1$/);
  assertParseError('inception set max_keys', 1064, /near '' at line 1$/);
  assertParseError('inception set max_keys =', 1064, /near '' at line 1$/);
  assertParseError('inception set max_keys 3', 1064, /near '3' at line 1$/);
  assertParseError("inception set 'x' = 3", 1064, /near ''x' = 3' at line 1$/);
  assertParseError("inception set a = 'unterminated", 1064, /near ''unterminated' at line 1$/);
});

test('set level', () => {
  assert.deepEqual(parseLocalCommand('inception set level er_no_where_condition = 2, ER_SELECT_ONLY_STAR=0;'), {
    kind: 'set_level',
    assignments: [
      { name: 'er_no_where_condition', value: '2' },
      { name: 'ER_SELECT_ONLY_STAR', value: '0' },
    ],
  });
  assertParseError('inception set level', 1064, /near '' at line 1$/);
});

test('show/get levels with LIKE and WHERE', () => {
  assert.deepEqual(parseLocalCommand('inception show levels'), { kind: 'show_levels', like: null, where: [] });
  assert.deepEqual(parseLocalCommand("inception get levels like 'er_with%'"), {
    kind: 'show_levels',
    like: { pattern: 'er_with%', negate: false },
    where: [],
  });
  assert.deepEqual(parseLocalCommand("inception get levels not like 'er_with%'"), {
    kind: 'show_levels',
    like: { pattern: 'er_with%', negate: true },
    where: [],
  });
  assert.deepEqual(
    parseLocalCommand("inception show levels where Name = 'er_no_where_condition' and `desc` not like '%x%' AND value like 1"),
    {
      kind: 'show_levels',
      like: null,
      where: [
        { column: 'Name', op: '=', value: 'er_no_where_condition' },
        { column: 'desc', op: 'not like', value: '%x%' },
        { column: 'value', op: 'like', value: '1' },
      ],
    },
  );
  assertParseError("inception show levels where value > 1", 1105, '不支持的操作');
  assertParseError("inception show levels where value != 1", 1105, '不支持的操作');
  assertParseError("inception show levels where value in (1)", 1105, '不支持的操作');
  assertParseError("inception show levels where name = 'a' or value = 1", 1105, '不支持的操作');
  assertParseError("inception show levels where (name = 'a')", 1105, '不支持的操作');
  assertParseError('inception show levels where', 1064, /near '' at line 1$/);
  assertParseError('inception show levels where name =', 1064, /near '' at line 1$/);
  assertParseError('inception show levels wherever', 1064, /near 'wherever'/);
});

test('kill forms; ids are BigInt; garbage is 1064', () => {
  assert.deepEqual(parseLocalCommand('kill 5'), { kind: 'kill', mode: 'connection', id: 5n });
  assert.deepEqual(parseLocalCommand('KILL CONNECTION 4194306;'), { kind: 'kill', mode: 'connection', id: 4194306n });
  assert.deepEqual(parseLocalCommand('kill query 12'), { kind: 'kill', mode: 'query', id: 12n });
  assert.deepEqual(parseLocalCommand('kill tidb 7'), { kind: 'kill', mode: 'connection', id: 7n });
  assert.deepEqual(parseLocalCommand('kill tidb query 7'), { kind: 'kill', mode: 'query', id: 7n });
  assert.deepEqual(parseLocalCommand('kill 18446744073709551616'), { kind: 'kill', mode: 'connection', id: 18446744073709551616n });
  assert.deepEqual(parseLocalCommand('kill connection_id()'), { kind: 'kill', mode: 'connection', id: null });
  assert.deepEqual(parseLocalCommand('kill query CONNECTION_ID ( )'), { kind: 'kill', mode: 'query', id: null });
  for (const mariadbOnly of ['kill hard 5', 'KILL SOFT QUERY 5', "kill user 'bob'", 'kill query id 7']) {
    assertParseError(mariadbOnly, 1105, /^KILL HARD\|SOFT, KILL USER and KILL QUERY ID are MariaDB extensions/);
  }
  assert.deepEqual(parseLocalCommand('/* c */ kill\n  query\n  9 ;'), { kind: 'kill', mode: 'query', id: 9n });
  assertParseError('kill', 1064, /near '' at line 1$/);
  assertParseError('kill abc', 1064, /near 'abc' at line 1$/);
  assertParseError('kill -5', 1064, /near '-5' at line 1$/);
  assertParseError('kill 1.5', 1064, /near '1.5' at line 1$/);
  assertParseError('kill 5 6', 1064, /near '6' at line 1$/);
  assertParseError("kill '5'", 1064, /near ''5'' at line 1$/);
  assertParseError('kill query', 1064, /near '' at line 1$/);
  assertParseError('kill connection_id', 1064, /near 'connection_id'/);
  assertParseError('kill\n\nzz', 1064, /near 'zz' at line 3$/);
});

test('other inception forms are unsupported (parsed, not implemented)', () => {
  for (const text of [
    'inception',
    'inception show create table t',
    'inception show grants',
    'inception frobnicate',
  ]) {
    const cmd = parseLocalCommand(text);
    assert.equal(cmd?.kind, 'unsupported', text);
  }
  assert.deepEqual(parseLocalCommand("/* x */ inception show create table t;"), { kind: 'unsupported', text: 'inception show create table t' });
});

test('OSC commands: processlist, percent and control by quoted sqlsha1; stop is kill', () => {
  assert.deepEqual(parseLocalCommand('INCEPTION GET OSC PROCESSLIST;'), { kind: 'osc_processlist' });
  assert.deepEqual(parseLocalCommand('inception show osc processlist'), { kind: 'osc_processlist' });
  assert.deepEqual(parseLocalCommand("inception get osc_percent '*ABC';"), { kind: 'osc_percent', sqlsha1: '*ABC' });
  assert.deepEqual(parseLocalCommand("inception kill osc '*A'"), { kind: 'osc_control', action: 'kill', sqlsha1: '*A' });
  assert.deepEqual(parseLocalCommand("inception stop alter \"*A\""), { kind: 'osc_control', action: 'kill', sqlsha1: '*A' });
  assert.deepEqual(parseLocalCommand("Inception Pause OSC '*A'"), { kind: 'osc_control', action: 'pause', sqlsha1: '*A' });
  assert.deepEqual(parseLocalCommand("inception resume alter '*A'"), { kind: 'osc_control', action: 'resume', sqlsha1: '*A' });
  assertParseError('inception get osc_percent', 1064, /near '' at line 1$/);
  assertParseError('inception kill osc abc', 1064, /near 'abc' at line 1$/);
  assertParseError("inception pause osc '*A' now", 1064, /near 'now' at line 1$/);
  assertParseError('inception get osc processlist x', 1064, /near 'x' at line 1$/);
});

test('an unterminated quote inside the command is 1064 at the quote; after the `;` it is ignored', () => {
  assertParseError("inception show variables like 'osc", 1064, /near ''osc' at line 1$/);
  assert.deepEqual(parseLocalCommand("kill 5; select 'x"), { kind: 'kill', mode: 'connection', id: 5n });
  assert.deepEqual(parseLocalCommand('inception show processlist /* never closed'), { kind: 'show_processlist', full: false, cluster: false });
});
