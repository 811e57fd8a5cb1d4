// runLocalCommand over real Settings and a real registry: variables, levels, dispatch and refusals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runLocalCommand, type CommandContext } from '../../../src/commands/index.js';
import { parseLocalCommand } from '../../../src/commands/parse.js';
import { defaultConfig } from '../../../src/config/config.js';
import { LEVEL_KEYS } from '../../../src/config/levels.js';
import { Settings } from '../../../src/config/settings.js';
import { ProcessRegistry } from '../../../src/process/registry.js';
import { LocalSessions } from '../../../src/process/sessions.js';
import { ColumnType, MysqlError, type QueryResult } from '../../../src/protocol/result.js';

function context(overrides: Partial<CommandContext> = {}): CommandContext {
  const config = defaultConfig();
  return {
    session: { connectionId: 2097154, user: 'alice', isAdmin: false },
    sessions: new LocalSessions(new ProcessRegistry(1), 'local'),
    settings: new Settings(config),
    config,
    inBatch: false,
    ...overrides,
  };
}

async function run(text: string, ctx: CommandContext): Promise<QueryResult> {
  const cmd = parseLocalCommand(text);
  assert.ok(cmd, `not a local command: ${text}`);
  return runLocalCommand(cmd, ctx);
}

function rowsOf(result: QueryResult) {
  assert.equal(result.kind, 'rows');
  return result.kind === 'rows' ? result.rows : [];
}

async function assertRejects(promise: Promise<unknown>, code: number, message: string): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof MysqlError, String(err));
    assert.equal(err.code, code);
    assert.equal(err.message, message);
    return true;
  });
}

test('show variables: two STRING columns, all rows in order, LIKE / NOT LIKE filter names', async () => {
  const ctx = context();
  const all = await run('INCEPTION GET VARIABLES', ctx);
  assert.equal(all.kind, 'rows');
  if (all.kind !== 'rows') return;
  assert.deepEqual(all.columns.map((c) => [c.name, c.type]), [
    ['Variable_name', ColumnType.STRING],
    ['Value', ColumnType.STRING],
  ]);
  assert.deepEqual(all.rows, ctx.settings.variables());
  assert.deepEqual(rowsOf(await run("inception get variables like 'osc_on'", ctx)), [['osc_on', 'false']]);
  const osc = rowsOf(await run("inception show variables like 'OSC%'", ctx));
  assert.equal(osc.length, 24);
  const notOsc = rowsOf(await run("inception show variables not like 'osc%'", ctx));
  assert.equal(notOsc.length + osc.length, all.rows.length);
  assert.deepEqual(rowsOf(await run("inception show variables like 'check\\_dml\\_w%'", ctx)), [['check_dml_where', 'false']]);
  assert.equal(rowsOf(await run("inception show variables where variable_name = 'x'", ctx)).length, all.rows.length);
});

test('set outside a batch is global, whatever scope is written', async () => {
  const ctx = context();
  assert.deepEqual(await run('inception set check_dml_where = on, max_keys = 4', ctx), { kind: 'ok' });
  assert.equal(ctx.settings.inc.check_dml_where, true);
  assert.deepEqual(await run('inception set session osc_on = 1', ctx), { kind: 'ok' });
  assert.equal(ctx.settings.osc.osc_on, true);
  assert.deepEqual(await run('inception set max_keys = -3', ctx), { kind: 'ok', warnings: 1 });
  assert.deepEqual(rowsOf(await run("inception get variables like 'max_keys'", ctx)), [['max_keys', '0']]);
  await assertRejects(run('inception set nope = 1', ctx), 1105, '无效参数');
  await assertRejects(run('inception set version = 1', ctx), 1105, "Variable 'version' is a read only variable");
});

test('set inside a batch changes only the session copy; global is refused', async () => {
  const global = new Settings(defaultConfig());
  const session = global.forSession();
  const ctx = context({ settings: global, sessionSettings: session, inBatch: true });
  assert.deepEqual(await run("inception set session ghost_on='on'", ctx), { kind: 'ok' });
  assert.deepEqual(await run('inception set max_keys = 2', ctx), { kind: 'ok' });
  assert.equal(session.ghost.ghost_on, true);
  assert.equal(session.inc.max_keys, 2);
  assert.equal(global.ghost.ghost_on, false);
  assert.equal(global.inc.max_keys, 0);
  await assertRejects(run('inception set global max_keys = 5', ctx), 1105, '全局变量仅支持单独设置');
  assert.equal(session.inc.max_keys, 2);
  await assertRejects(run('inception set level er_no_where_condition = 2', ctx), 1105, '暂不支持会话级的自定义审核级别');
});

test('show levels: Name/Value/Desc, one row per level key ordered by code; set level is global', async () => {
  const ctx = context();
  const result = await run('inception show levels', ctx);
  assert.equal(result.kind, 'rows');
  if (result.kind !== 'rows') return;
  assert.deepEqual(result.columns.map((c) => [c.name, c.type]), [
    ['Name', ColumnType.STRING],
    ['Value', ColumnType.LONGLONG],
    ['Desc', ColumnType.STRING],
  ]);
  assert.equal(result.rows.length, LEVEL_KEYS.length);
  assert.deepEqual(result.rows[0], ['er_not_supported_yet', '2', 'Not supported statement type.']);
  const codes = result.rows.map(([name]) => LEVEL_KEYS.find((d) => d.key === name)!.code);
  assert.deepEqual(codes, [...codes].sort((a, b) => a - b));
  assert.ok(!result.rows.some(([name]) => name === 'er_error_first'));

  assert.deepEqual(await run('inception set level er_no_where_condition = 2', ctx), { kind: 'ok' });
  assert.deepEqual(rowsOf(await run("inception get levels like 'er_no_where%'", ctx)), [
    ['er_no_where_condition', '2', 'Please set the where condition.'],
  ]);
  await assertRejects(run('inception set level er_nope = 1', ctx), 1105, '无效参数');
});

test('show levels WHERE: = and [NOT] LIKE on name/value/desc, AND-combined; unknown column', async () => {
  const ctx = context();
  assert.deepEqual(rowsOf(await run("inception show levels where NAME = 'ER_NO_WHERE_CONDITION'", ctx)), [
    ['er_no_where_condition', '1', 'Please set the where condition.'],
  ]);
  const warnings = rowsOf(await run("inception show levels where value = 1 and name like 'er_with%'", ctx));
  assert.ok(warnings.length >= 3);
  assert.ok(warnings.every(([name, value]) => value === '1' && name!.startsWith('er_with')));
  const noWhere = rowsOf(await run("inception show levels where desc like '%where%' and name not like 'er_no%'", ctx));
  assert.ok(noWhere.every(([name, , desc]) => /where/i.test(desc!) && !name!.startsWith('er_no')));
  await assertRejects(run("inception show levels where colour = 'red'", ctx), 1105, "Column 'colour' not existed.");
});

test('show levels Desc follows lang (zh-CN where a translation exists)', async () => {
  const ctx = context();
  ctx.settings.set('lang', 'zh-CN');
  const rows = rowsOf(await run('inception show levels', ctx));
  const translated = LEVEL_KEYS.filter((d) => d.zh);
  for (const d of translated) {
    assert.deepEqual(rows.find(([name]) => name === d.key)?.[2], d.zh);
  }
  const untranslated = LEVEL_KEYS.find((d) => !d.zh);
  if (untranslated) assert.equal(rows.find(([name]) => name === untranslated.key)?.[2], untranslated.en);
});

test('unsupported forms answer 1105 Not supported statement type.', async () => {
  await assertRejects(run('inception show create table t', context()), 1105, 'Not supported statement type.');
});

test('OSC commands answer as for a sqlsha1 that matches no task', async () => {
  const list = await run('inception get osc processlist', context());
  assert.deepEqual(list.kind === 'rows' && [list.columns.map((c) => `${c.name}:${c.type}`), list.rows, list.warnings], [
    ['DBNAME:254', 'TABLENAME:254', 'COMMAND:254', 'SQLSHA1:254', 'PERCENT:3', 'REMAINTIME:254', 'INFOMATION:254'],
    [],
    undefined,
  ]);
  const percent = await run("inception get osc_percent '*0123'", context());
  assert.deepEqual(percent.kind === 'rows' && [percent.columns.map((c) => c.name), percent.rows, percent.warnings], [
    ['DBNAME', 'TABLENAME', 'SQLSHA1', 'PERCENT', 'REMAINTIME', 'INFOMATION'],
    [],
    [{ level: 'Warning', code: 1105, message: 'osc process not found' }],
  ]);
  for (const text of ["inception kill osc '*0123'", "inception stop alter '*0123'", "inception pause osc '*0123'", "inception resume osc '*0123'"]) {
    await assertRejects(run(text, context()), 1105, 'osc process not found');
  }
});

test('get variables notes that osc_on / ghost_on have no effect, when it lists them', async () => {
  const all = await run('inception get variables', context());
  assert.ok(all.kind === 'rows');
  assert.deepEqual(all.warnings?.map((w) => [w.level, w.message]), [['Note', 'osc_on and ghost_on are accepted but have no effect yet: inceptor does not run pt-osc or gh-ost']]);
  const ghost = await run("inception get variables like 'ghost_o%'", context());
  assert.equal(ghost.kind === 'rows' && ghost.warnings?.length, 1);
  const version = await run("inception get variables like 'version'", context());
  assert.equal(version.kind === 'rows' && version.warnings, undefined);
});

test('processlist and kill are dispatched to their modules', async () => {
  const ctx = context();
  const list = await run('inception show processlist', ctx);
  assert.equal(list.kind, 'rows');
  if (list.kind === 'rows') assert.equal(list.columns[0]?.name, 'Id');
  await assertRejects(run('kill 4194306', ctx), 1094, 'Unknown thread id: 4194306');
});
