// config.toml loading: compiled defaults, goInception's own file, warnings, and start-up errors with file:line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, defaultConfig, loadConfig, parseConfig, readConfigFile } from '../../../src/config/config.js';
import { LEVEL_KEYS } from '../../../src/config/levels.js';
import { keyLines } from '../../../src/config/toml-lines.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = join(here, 'fixtures', 'goinception.toml');
const pkgVersion = (JSON.parse(readFileSync(join(here, '..', '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

/** Expects parseConfig(text) to throw a ConfigError with exactly `message`. */
function assertConfigError(text: string, message: string): void {
  assert.throws(
    () => parseConfig(text, 'cfg.toml'),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError, `not a ConfigError: ${String(err)}`);
      assert.equal(err.message, message);
      return true;
    },
  );
}

test('compiled defaults (docs/config.md)', () => {
  const c = defaultConfig();
  assert.equal(c.host, '0.0.0.0');
  assert.equal(c.port, 4000);
  assert.equal(c.skip_grant_table, true);
  assert.equal(c.security.skip_grant_table, true);
  assert.equal(c.inc.skip_grant_table, true);
  assert.equal(c.security.ssl_cert, '');
  assert.equal(c.log.level, 'info');
  assert.equal(c.log.file.filename, '');
  assert.equal(c.log.file.max_size, 300);
  assert.equal(c.status.status_port, 10080);
  assert.equal(c.performance.pseudo_estimate_ratio, 0.8);
  // [inc] values that differ from "everything off" or from the docs
  assert.equal(c.inc.check_column_type_change, true);
  assert.equal(c.inc.check_timestamp_count, true);
  assert.equal(c.inc.check_read_only, true);
  assert.equal(c.inc.enable_change_column, true);
  assert.equal(c.inc.max_keys, 0);
  assert.equal(c.inc.max_key_parts, 0);
  assert.equal(c.inc.max_update_rows, 0);
  assert.equal(c.inc.max_allowed_packet, 4194304);
  assert.equal(c.inc.sql_safe_updates, -1);
  assert.equal(c.inc.lock_wait_timeout, -1);
  assert.equal(c.inc.explain_rule, 'first');
  assert.equal(c.inc.default_charset, 'utf8mb4');
  assert.equal(c.inc.support_charset, 'utf8,utf8mb4');
  assert.equal(c.inc.support_engine, 'innodb');
  assert.equal(c.inc.index_prefix, 'idx_');
  assert.equal(c.inc.uniq_index_prefix, 'uniq_');
  assert.equal(c.inc.lang, 'en-US');
  assert.equal(c.inc.version, pkgVersion);
  assert.deepEqual(c.inc.custom_keywords, []);
  assert.equal(c.osc.osc_min_table_size, 16);
  assert.equal(c.osc.osc_alter_foreign_keys_method, 'none');
  assert.equal(c.osc.osc_max_flow_ctl, -1);
  assert.equal(c.osc.osc_bin_dir, '/usr/local/bin');
  assert.equal(c.ghost.ghost_cut_over, 'atomic');
  assert.equal(c.ghost.ghost_max_lag_millis, 1500);
  assert.equal(c.ghost.ghost_allow_on_master, true);
  assert.equal(c.inceptor.server_id, 1);
  assert.equal(c.inceptor.handshake_timeout, 10);
  assert.deepEqual(c.users, []);
  // every level key present with its catalogue default
  assert.equal(Object.keys(c.inc_level).length, LEVEL_KEYS.length);
  assert.ok(LEVEL_KEYS.length > 100);
  assert.equal(c.inc_level['er_no_where_condition'], 1);
  assert.equal(c.inc_level['er_not_supported_yet'], 2);
});

test('[inc]/[osc]/[ghost] keys keep the show-variables order of docs/config.md', () => {
  const c = defaultConfig();
  assert.deepEqual(Object.keys(c.inc).slice(0, 7), [
    'alter_auto_merge',
    'backup_host',
    'backup_port',
    'backup_user',
    'backup_password',
    'backup_tls',
    'check_autoincrement_datatype',
  ]);
  // goInception's keys end with custom_keywords; inceptor's own [inc] keys follow (docs/security.md), then the
  // peer rules' (docs/audit.md)
  const inc = Object.keys(c.inc);
  const own = inc.indexOf('version');
  assert.deepEqual(inc.slice(own, own + 4), ['version', 'custom_keywords', 'tls_files_dir', 'target_read_timeout']);
  assert.ok(inc.slice(own + 4).every((k) => k.startsWith('peer_')));
  assert.equal(Object.keys(c.osc)[0], 'osc_print_none');
  assert.equal(Object.keys(c.osc).at(-1), 'osc_bin_dir');
  assert.equal(Object.keys(c.ghost)[0], 'ghost_aliyun_rds');
  assert.equal(Object.keys(c.ghost).at(-1), 'ghost_bin_dir');
  assert.equal(Object.keys(c.osc).length, 24);
  assert.equal(Object.keys(c.ghost).length, 41);
});

test('defaultConfig() returns independent objects', () => {
  const a = defaultConfig();
  a.inc.custom_keywords.push('X');
  a.inc_level['er_no_where_condition'] = 2;
  const b = defaultConfig();
  assert.deepEqual(b.inc.custom_keywords, []);
  assert.equal(b.inc_level['er_no_where_condition'], 1);
});

test("goInception's own config.toml loads unchanged; TiDB keys are listed once as ignored", () => {
  const loaded = readConfigFile(fixture);
  assert.deepEqual(loaded.warnings, []);
  assert.deepEqual(loaded.ignoredKeys, [
    'store',
    'path',
    'run-ddl',
    'lease',
    'split-table',
    'token-limit',
    'oom-action',
    'mem-quota-query',
    'enable-streaming',
    'lower-case-table-names',
    '[txn-local-latches]',
    '[performance]',
    '[proxy-protocol]',
    '[prepared-plan-cache]',
    '[tikv-client]',
    '[binlog]',
  ]);
  const c = loaded.config;
  assert.equal(c.port, 4000);
  assert.equal(c.inc.backup_host, '127.0.0.1');
  assert.equal(c.inc.backup_port, 3306);
  assert.equal(c.inc.backup_password, 's3cret-pw');
  assert.equal(c.inc.max_keys, 3);
  assert.equal(c.inc.max_update_rows, 5000);
  assert.equal(c.inc.max_allowed_packet, 33554432);
  assert.equal(c.inc.check_timestamp_count, false);
  assert.equal(c.inc.enable_sql_statistic, true);
  assert.deepEqual(c.inc.custom_keywords, ['RANK', 'ROLE']);
  assert.equal(c.inc.version, pkgVersion);
  assert.equal(c.osc.osc_chunk_time, 1.5);
  assert.equal(c.ghost.ghost_on, true);
  assert.equal(c.ghost.ghost_chunk_size, 500);
  assert.equal(c.ghost.ghost_nice_ratio, 0.5);
  assert.equal(c.ghost.ghost_cut_over_exponential_backoff, false); // untouched default
  assert.equal(c.performance.tcp_keep_alive, true);
  assert.equal(c.log.file.log_rotate, true);
  assert.equal(c.inc_level['er_with_insert_field'], 0);
  assert.equal(c.inc_level['er_no_where_condition'], 2);
  assert.equal(c.inc_level['er_dup_fieldname'], 2); // not in the file: default
});

test('loadConfig reports ignored keys in one line and each unknown key in its own line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inceptor-cfg-'));
  try {
    const file = join(dir, 'c.toml');
    writeFileSync(file, 'store = "mocktikv"\nlease = "0s"\nfrobnicate = 1\n[inc]\nfoo_bar = true\n[tikv-client]\nx = 1\n');
    const lines: string[] = [];
    const config = loadConfig(file, (m) => lines.push(m));
    assert.equal(config.port, 4000);
    assert.deepEqual(lines, [
      `${file}: ignoring TiDB-only keys (no effect in inceptor): store, lease, [tikv-client]`,
      `${file}:3: unknown key frobnicate ignored`,
      `${file}:5: unknown key [inc] foo_bar ignored`,
    ]);
    assert.throws(() => loadConfig(join(dir, 'missing.toml')), (e: unknown) => e instanceof ConfigError && /missing\.toml: cannot read/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('unknown keys warn with their path; unknown tables, level keys, user keys, read-only version', () => {
  const text = [
    '[mystery]', // 1
    'a = 1', // 2
    '[inc]', // 3
    'version = "9.9"', // 4
    'Check_DML_Where = true', // 5 — any case works
    '[inc_level]', // 6
    'er_does_not_exist = 1', // 7
    '[log]', // 8
    'level = "debug"', // 9
    'colour = "red"', // 10
    '[log.file]', // 11
    'rotate_daily = true', // 12
    '[[users]]', // 13
    'name = "a"', // 14
    'role = "x"', // 15
  ].join('\n');
  const { config, warnings } = parseConfig(text, 'cfg.toml');
  assert.deepEqual(warnings, [
    'cfg.toml:1: unknown key mystery ignored',
    'cfg.toml:4: [inc] version is read-only (the build version); ignored',
    'cfg.toml:7: unknown key [inc_level] er_does_not_exist ignored',
    'cfg.toml:10: unknown key [log] colour ignored',
    'cfg.toml:12: unknown key [log.file] rotate_daily ignored',
    'cfg.toml:15: unknown key [[users]] #1 role ignored',
  ]);
  assert.equal(config.inc.check_dml_where, true);
  assert.equal(config.inc.version, pkgVersion);
  assert.equal(config.log.level, 'debug');
});

test('bad values stop start-up naming file, line and key', () => {
  assertConfigError('port = 4000\n\n[inc]\nmax_keys = "abc"\n', 'cfg.toml:4: [inc] max_keys: expected a non-negative integer, got "abc"');
  assertConfigError('[inc]\nexplain_rule = "min"\n', 'cfg.toml:2: [inc] explain_rule: expected one of first, max, got "min"');
  assertConfigError('[inc]\nsql_safe_updates = 2\n', 'cfg.toml:2: [inc] sql_safe_updates: expected an integer in -1..1, got 2');
  assertConfigError('[inc]\nlock_wait_timeout = 1.5\n', 'cfg.toml:2: [inc] lock_wait_timeout: expected an integer, got 1.5');
  assertConfigError('port = 70000\n', 'cfg.toml:1: port: expected an integer in 0..65535, got 70000');
  assertConfigError('[osc]\nosc_on = "yes"\n', 'cfg.toml:2: [osc] osc_on: expected a boolean (true or false), got "yes"');
  assertConfigError('[osc]\nosc_sleep = "x"\n', 'cfg.toml:2: [osc] osc_sleep: expected a non-negative number, got "x"');
  assertConfigError('[ghost]\nghost_cut_over = "fast"\n', 'cfg.toml:2: [ghost] ghost_cut_over: expected one of atomic, two-step, got "fast"');
  assertConfigError('[inc_level]\ner_no_where_condition = 3\n', 'cfg.toml:2: [inc_level] er_no_where_condition: expected 0, 1 or 2, got 3');
  assertConfigError('[log]\nlevel = "loud"\n', 'cfg.toml:2: [log] level: expected one of trace, debug, info, warn, error, fatal, got "loud"');
  assertConfigError('[log.file]\nfilename = 5\n', 'cfg.toml:2: [log.file] filename: expected a string, got 5');
  assertConfigError('[inceptor]\nserver_id = 0\n', 'cfg.toml:2: [inceptor] server_id: expected an integer in 1..2047, got 0');
  assertConfigError('[inceptor]\nhandshake_timeout = 0\n', 'cfg.toml:2: [inceptor] handshake_timeout: expected an integer in 1..86400, got 0');
  assertConfigError('inc = 5\n', 'cfg.toml:1: inc: expected a table ([inc]), got 5');
  assertConfigError('[inc]\ncustom_keywords = [1, 2]\n', 'cfg.toml:2: [inc] custom_keywords: expected an array of strings, got an array');
  assertConfigError('[inc]\nbackup_port = -1\n', 'cfg.toml:2: [inc] backup_port: expected a non-negative integer, got -1');
});

test('toml syntax errors carry the line from the parser', () => {
  assert.throws(
    () => parseConfig('port = 4000\n[inc]\nmax_keys = = 3\n', 'cfg.toml'),
    (e: unknown) => e instanceof ConfigError && e.message.startsWith('cfg.toml:3: '),
  );
});

test('skip_grant_table is read at top level, in [inc] and in [security]', () => {
  const c = parseConfig('skip_grant_table = true\n[inc]\nskip_grant_table = false\n[security]\nskip_grant_table = true\n').config;
  assert.deepEqual([c.skip_grant_table, c.inc.skip_grant_table, c.security.skip_grant_table], [true, false, true]);
  const s = parseConfig('[security]\nskip_grant_table = false\nssl-cert = "/c.pem"\nssl_key = "/k.pem"\n').config;
  assert.equal(s.security.skip_grant_table, false);
  assert.equal(s.security.ssl_cert, '/c.pem');
  assert.equal(s.security.ssl_key, '/k.pem'); // underscore spelling accepted too
});

test('[[users]]: plain and hashed passwords, admin flag, and refusals', () => {
  const hash = '*' + '2470c0c06dee42fd1618bb99005adca2ec9d1e19';
  const { config } = parseConfig(
    `[[users]]\nname = "archery"\npassword = "pw"\n\n[[users]]\nname = "dba"\npassword = "${hash}"\nadmin = true\n\n[[users]]\nname = "anon"\n`,
  );
  assert.deepEqual(config.users, [
    { name: 'archery', password: 'pw', admin: false },
    { name: 'dba', password: hash.toUpperCase(), admin: true },
    { name: 'anon', password: '', admin: false },
  ]);
  assertConfigError('[[users]]\nname = "a"\n[[users]]\nname = "a"\n', 'cfg.toml:4: [[users]] #2 name: user "a" is defined twice');
  assertConfigError('[[users]]\npassword = "x"\n', 'cfg.toml:1: [[users]] #1: a [[users]] entry needs a non-empty name');
  assertConfigError(
    `[[users]]\nname = "a"\npassword = "*${'z'.repeat(40)}"\n`,
    'cfg.toml:3: [[users]] #1 password: looks like a password hash but is not * followed by 40 hex digits',
  );
  assertConfigError('[[users]]\nname = "a"\nadmin = "yes"\n', 'cfg.toml:3: [[users]] #1 admin: expected a boolean (true or false), got "yes"');
  assertConfigError('[users]\nname = "a"\n', 'cfg.toml:1: users: expected an array of tables ([[users]] entries with name, password, admin)');
});

test('the repository config.toml loads without warnings and matches the compiled defaults', () => {
  const loaded = readConfigFile(join(here, '..', '..', '..', 'config.toml'));
  assert.deepEqual(loaded.warnings, []);
  assert.deepEqual(loaded.ignoredKeys, []);
  const defaults = defaultConfig();
  assert.deepEqual(loaded.config.inc, defaults.inc);
  assert.equal(loaded.config.port, 4000);
  assert.equal(loaded.config.host, '0.0.0.0');
});

test('keyLines finds tables, dotted keys, arrays of tables, and skips multi-line strings', () => {
  const lines = keyLines('a = 1\n[x.y]\nb = """\nc = 2\n"""\nd.e = 3\n[[u]]\nn = 1\n[[u]]\nn = 2\n');
  assert.equal(lines.get('a'), 1);
  assert.equal(lines.get('x.y'), 2);
  assert.equal(lines.get('x.y.b'), 3);
  assert.equal(lines.has('x.y.c'), false);
  assert.equal(lines.get('x.y.d.e'), 6);
  assert.equal(lines.get('u[0].n'), 8);
  assert.equal(lines.get('u[1].n'), 10);
});
