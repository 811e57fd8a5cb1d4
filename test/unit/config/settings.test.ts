// Runtime settings: `inception set` semantics, error codes and messages, show-variables order and printing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/config/config.js';
import { Settings } from '../../../src/config/settings.js';
import { literalText } from '../../../src/config/sql-literal.js';
import { goString } from '../../../src/config/values.js';
import { MysqlError } from '../../../src/protocol/result.js';

function fresh(): Settings {
  return new Settings(defaultConfig());
}

function assertMysqlError(fn: () => unknown, code: number, message: string): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof MysqlError, `not a MysqlError: ${String(err)}`);
    assert.equal(err.code, code);
    assert.equal(err.message, message);
    return true;
  });
}

test('booleans accept ON/OFF/1/0/TRUE/FALSE in any case, quoted or not', () => {
  const s = fresh();
  for (const [raw, want] of [
    ['ON', true],
    ['off', false],
    ['1', true],
    ['0', false],
    ['True', true],
    ['FALSE', false],
    ["'on'", true],
    ['"OFF"', false],
  ] as const) {
    s.set('check_dml_where', raw);
    assert.equal(s.inc.check_dml_where, want, raw);
  }
  assertMysqlError(() => s.set('check_dml_where', 'yes'), 1231, "Variable 'check_dml_where' can't be set to the value of 'yes'");
  assertMysqlError(() => s.set('check_dml_where', "'2'"), 1231, "Variable 'check_dml_where' can't be set to the value of '2'");
  const err = (() => {
    try {
      s.set('osc_on', 'maybe');
    } catch (e) {
      return e as MysqlError;
    }
    return null;
  })();
  assert.equal(err?.sqlState, '42000');
});

test('numbers: parsed, quoted allowed, -literal, non-numeric is 1232, out of range clamps with a warning', () => {
  const s = fresh();
  assert.deepEqual(s.set('max_keys', '5'), { warnings: 0 });
  assert.equal(s.inc.max_keys, 5);
  s.set('max_keys', "'7'");
  assert.equal(s.inc.max_keys, 7);
  s.set('lock_wait_timeout', '-1');
  assert.equal(s.inc.lock_wait_timeout, -1);
  s.set('lock_wait_timeout', '- 30');
  assert.equal(s.inc.lock_wait_timeout, -30);
  assertMysqlError(() => s.set('max_keys', 'abc'), 1232, "Incorrect argument type to variable 'max_keys'");
  assertMysqlError(() => s.set('max_keys', '1.5'), 1232, "Incorrect argument type to variable 'max_keys'");
  assertMysqlError(() => s.set('MAX_KEYS', "''"), 1232, "Incorrect argument type to variable 'max_keys'");
  // negative into an unsigned setting → its minimum, with a warning
  assert.deepEqual(s.set('max_keys', '-5'), { warnings: 1 });
  assert.equal(s.inc.max_keys, 0);
  assert.deepEqual(s.set('sql_safe_updates', '5'), { warnings: 1 });
  assert.equal(s.inc.sql_safe_updates, 1);
  s.set('osc_sleep', '0.5');
  assert.equal(s.osc.osc_sleep, 0.5);
  s.set('ghost_nice_ratio', '1e-1');
  assert.equal(s.ghost.ghost_nice_ratio, 0.1);
  assertMysqlError(() => s.set('osc_chunk_time', 'fast'), 1232, "Incorrect argument type to variable 'osc_chunk_time'");
});

test('strings, enums and the keyword list', () => {
  const s = fresh();
  s.set('backup_host', "'10.0.0.5'");
  assert.equal(s.inc.backup_host, '10.0.0.5');
  s.set('backup_host', '127.0.0.1');
  assert.equal(s.inc.backup_host, '127.0.0.1');
  s.set('backup_password', "'it''s \\\"q\\\"'");
  assert.equal(s.inc.backup_password, 'it\'s "q"');
  s.set('support_charset', "''");
  assert.equal(s.inc.support_charset, '');
  s.set('explain_rule', 'MAX');
  assert.equal(s.inc.explain_rule, 'max');
  assertMysqlError(() => s.set('explain_rule', "'min'"), 1231, "Variable 'explain_rule' can't be set to the value of 'min'");
  s.set('custom_keywords', "'rank, role,,'");
  assert.deepEqual(s.inc.custom_keywords, ['RANK', 'ROLE']);
});

test('lookup: toml key or Go field name, any case; osc_/ghost_ prefixes pick the section', () => {
  const s = fresh();
  s.set('CHECK_DML_WHERE', 'on');
  assert.equal(s.inc.check_dml_where, true);
  s.set('CheckDMLLimit', 'on');
  assert.equal(s.inc.check_dml_limit, true);
  s.set('osc_on', '1');
  assert.equal(s.osc.osc_on, true);
  s.set('OscMinTableSize', '3');
  assert.equal(s.osc.osc_min_table_size, 3);
  s.set('Ghost_On', 'true');
  assert.equal(s.ghost.ghost_on, true);
  assertMysqlError(() => s.set('no_such_thing', '1'), 1105, '无效参数');
  assertMysqlError(() => s.set('osc_check_dml_where', '1'), 1105, '无效参数');
  assertMysqlError(() => s.set('version', "'9'"), 1105, "Variable 'version' is a read only variable");
  assertMysqlError(() => s.set('Enable_Any_Statement', 'on'), 1105, "Variable 'enable_any_statement' is a read only variable");
  assertMysqlError(() => s.set('EnableAnyStatement', 'on'), 1105, "Variable 'enable_any_statement' is a read only variable");
  assert.equal(s.inc.enable_any_statement, false);
});

test('several assignments are all checked before any is applied', () => {
  const s = fresh();
  assertMysqlError(
    () => s.setAll([{ name: 'max_keys', value: '9' }, { name: 'check_dml_where', value: 'perhaps' }]),
    1231,
    "Variable 'check_dml_where' can't be set to the value of 'perhaps'",
  );
  assert.equal(s.inc.max_keys, 0);
  assert.deepEqual(s.setAll([{ name: 'max_keys', value: '9' }, { name: 'check_dml_where', value: 'on' }]), { warnings: 0 });
  assert.equal(s.inc.max_keys, 9);
  assert.equal(s.inc.check_dml_where, true);
});

test('forSession() is an independent copy', () => {
  const global = fresh();
  const session = global.forSession();
  session.set('max_keys', '4');
  session.set('custom_keywords', 'a');
  session.setLevel('er_no_where_condition', '2');
  assert.equal(global.inc.max_keys, 0);
  assert.deepEqual(global.inc.custom_keywords, []);
  assert.equal(global.levels['er_no_where_condition'], 1);
  assert.equal(session.inc.max_keys, 4);
  global.set('max_keys', '6');
  assert.equal(session.inc.max_keys, 4);
});

test('setLevel: level keys any case, values above 2 count as 2, errors', () => {
  const s = fresh();
  s.setLevel('ER_NO_WHERE_CONDITION', '2');
  assert.equal(s.levels['er_no_where_condition'], 2);
  s.setLevel('er_no_where_condition', "'0'");
  assert.equal(s.levels['er_no_where_condition'], 0);
  s.setLevel('er_with_limit_condition', '7');
  assert.equal(s.levels['er_with_limit_condition'], 2);
  assertMysqlError(() => s.setLevel('er_nope', '1'), 1105, '无效参数');
  assertMysqlError(() => s.setLevel('er_no_where_condition', 'high'), 1232, "Incorrect argument type to variable 'er_no_where_condition'");
  assertMysqlError(() => s.setLevel('er_no_where_condition', '-1'), 1231, "Variable 'er_no_where_condition' can't be set to the value of '-1'");
  assertMysqlError(
    () => s.setLevels([{ name: 'er_select_only_star', value: '2' }, { name: 'er_nope', value: '1' }]),
    1105,
    '无效参数',
  );
  assert.equal(s.levels['er_select_only_star'], 1);
});

test('variables(): [inc] then [osc] then [ghost], Go-style values, backup_password masked', () => {
  const config = defaultConfig();
  config.inc.backup_password = 'topsecret';
  const s = new Settings(config);
  const vars = s.variables();
  const names = vars.map(([n]) => n);
  assert.equal(names.length, Object.keys(config.inc).length + 24 + 41);
  assert.deepEqual(names.slice(0, 3), ['alter_auto_merge', 'backup_host', 'backup_port']);
  const firstOsc = names.indexOf('osc_print_none');
  assert.equal(names[firstOsc - 1], Object.keys(config.inc).at(-1));
  assert.equal(names[firstOsc + 24], 'ghost_aliyun_rds');
  assert.equal(names.at(-1), 'ghost_bin_dir');
  const map = new Map(vars);
  assert.equal(map.get('alter_auto_merge'), 'false');
  assert.equal(map.get('check_read_only'), 'true');
  assert.equal(map.get('osc_min_table_size'), '16');
  assert.equal(map.get('sql_safe_updates'), '-1');
  assert.equal(map.get('osc_sleep'), '0');
  assert.equal(map.get('custom_keywords'), '[]');
  assert.equal(map.get('explain_rule'), 'first');
  assert.equal(map.get('backup_host'), '');
  // masked, not hashed: a hash can be guessed offline (docs/security.md "Settings and grants")
  assert.equal(map.get('backup_password'), '***');
  assert.ok(!vars.some(([, v]) => v.includes('topsecret')));
  s.set('backup_password', "''");
  assert.equal(new Map(s.variables()).get('backup_password'), '');
  s.set('custom_keywords', "'a,b'");
  s.set('osc_chunk_time', '0.25');
  const after = new Map(s.variables());
  assert.equal(after.get('custom_keywords'), '[A B]');
  assert.equal(after.get('osc_chunk_time'), '0.25');
});

test('goString prints like Go %v', () => {
  assert.equal(goString(true), 'true');
  assert.equal(goString(0), '0');
  assert.equal(goString(1.5), '1.5');
  assert.equal(goString(0.00001), '1e-05');
  assert.equal(goString(1e21), '1e+21');
  assert.equal(goString([]), '[]');
  assert.equal(goString(['X', 'Y']), '[X Y]');
  assert.equal(goString('s'), 's');
});

test('literalText unquotes SQL literals', () => {
  assert.equal(literalText("'a''b'"), "a'b");
  assert.equal(literalText('"x\\"y"'), 'x"y');
  assert.equal(literalText("'a\\nb'"), 'a\nb');
  assert.equal(literalText("'er\\_%'"), 'er\\_%');
  assert.equal(literalText('  -5 '), '-5');
  assert.equal(literalText("-'5'"), '-5');
  assert.equal(literalText('ON'), 'ON');
  assert.equal(literalText("''"), '');
});
