import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ResultRow } from '../../../src/rows/row.js';
import { Code } from '../../../src/codes/catalogue.js';
import { createAuditor, type AuditSettings, type SqlRunner } from '../../../src/audit/engine.js';
import { defineRule, type Rule } from '../../../src/audit/rule.js';
import { parseStatement } from '../../../src/sql/parse.js';
import { RULES } from '../../../src/audit/rules/index.js';
import type { IncConfig } from '../../../src/config/config.js';
import { incConfig } from '../../support/rule-tester.js';

const noServer: SqlRunner = {
  async query() {
    throw new Error('no server in unit tests');
  },
};
const serverInfo = { version: '10.11.0-MariaDB', lowerCaseTableNames: 0, sqlMode: '', explicitDefaultsForTimestamp: true };

const pkRule = defineRule({
  code: Code.ER_TABLE_MUST_HAVE_PK,
  on: ['create_table'],
  gate: (inc) => inc.check_primary_key,
  check(_stmt, ctx) {
    ctx.report('t1');
  },
});
const textRule = defineRule({
  code: null,
  on: ['create_table'],
  check(_stmt, ctx) {
    ctx.error('free text without dot');
    ctx.warn('warning with dot.');
  },
});

async function run(rules: Rule[], settings: { inc: Partial<IncConfig>; levels: AuditSettings['levels'] }, sql = 'create table d.t1(a int)'): Promise<ResultRow> {
  const auditor = createAuditor({
    settings: { inc: incConfig(settings.inc), levels: settings.levels },
    target: noServer,
    initialDb: null,
    serverInfo,
    rules: new Map(rules.map((r, i) => [`test/${i}`, r])),
  });
  auditor.snapshot.createDatabase('d'); // the resolve phase then finds d, and no table in it
  const parsed = parseStatement(sql);
  assert.ok(parsed.ok);
  const row = new ResultRow(sql, parsed.statement);
  await auditor.audit(parsed.statement, row);
  return row;
}

test('gate off → the rule does not run', async () => {
  const row = await run([pkRule], { inc: { check_primary_key: false }, levels: {} });
  assert.deepEqual(row.messages, []);
  assert.equal(row.errorLevel, 0);
});

test('gate on → default level and formatted template', async () => {
  const row = await run([pkRule], { inc: { check_primary_key: true }, levels: {} });
  assert.deepEqual(row.messages, ["Set a primary key for table 't1'."]);
  assert.equal(row.errorLevel, 1);
});

test('inc_level 0 drops the message; an override raises the level; >2 clamps', async () => {
  const dropped = await run([pkRule], { inc: { check_primary_key: true }, levels: { er_table_must_have_pk: 0 } });
  assert.deepEqual(dropped.messages, []);
  const raised = await run([pkRule], { inc: { check_primary_key: true }, levels: { er_table_must_have_pk: 2 } });
  assert.equal(raised.errorLevel, 2);
  const clamped = await run([pkRule], { inc: { check_primary_key: true }, levels: { er_table_must_have_pk: 9 } });
  assert.equal(clamped.errorLevel, 2);
});

test('free-text helpers: level 2 / 1 and the trailing dot rule', async () => {
  const row = await run([textRule], { inc: {}, levels: {} });
  assert.deepEqual(row.messages, ['free text without dot.', 'warning with dot.']);
  assert.equal(row.errorLevel, 2);
});

test('a refusal that reports ends the statement; reportNotSupported uses the configured level', async () => {
  const refusal = defineRule({ code: null, on: ['create_table'], refuses: true, check: (_s, ctx) => ctx.error('refused') });
  const row = await run([textRule, refusal], { inc: {}, levels: {} });
  assert.deepEqual(row.messages, ['refused.']);
  const quiet = defineRule({ code: null, on: ['create_table'], refuses: true, check: () => {} });
  assert.deepEqual((await run([quiet, textRule], { inc: {}, levels: {} })).messages, ['free text without dot.', 'warning with dot.']);
  const auditor = createAuditor({ settings: { inc: incConfig(), levels: { er_not_supported_yet: 1 } }, target: noServer, initialDb: null, serverInfo, rules: new Map() });
  const r = new ResultRow('select 1');
  auditor.reportNotSupported(r);
  assert.deepEqual(r.messages, ['Not supported statement type.']);
  assert.equal(r.errorLevel, 1);
});

test('messages follow the declared order, not the registry order; reportAt groups a section by item', async () => {
  const pk = RULES.get('create-table/must-have-primary-key')!;
  const comment = RULES.get('create-table/must-have-comment')!;
  const columnComment = RULES.get('column/column-comment')!;
  const sql = 'create table t1 (a int, b int)';
  const inc = { check_primary_key: true, check_table_comment: true, check_column_comment: true };
  for (const order of [[pk, comment, columnComment], [columnComment, comment, pk]]) {
    const auditor = createAuditor({
      settings: { inc: incConfig(inc), levels: {} },
      target: noServer,
      initialDb: null,
      serverInfo,
      rules: new Map(order.map((r) => [[...RULES].find(([, v]) => v === r)![0], r])),
    });
    const p = parseStatement(`create table d.t1 (a int, b int)`);
    assert.ok(p.ok);
    const row = new ResultRow(sql, p.statement);
    // d exists as far as the snapshot knows once it was created in the batch
    auditor.snapshot.createDatabase('d');
    await auditor.audit(p.statement, row);
    assert.deepEqual(row.messages, [
      "Set a primary key for table 't1'.",
      "Set comments for table 't1'.",
      "Column 'a' in table 't1' have no comments.",
      "Column 'b' in table 't1' have no comments.",
    ]);
  }
});

test('default registry: other kinds are not supported unless enable_any_statement; SET NAMES', async () => {
  const audit = async (sql: string, inc: Partial<IncConfig> = {}) => {
    const auditor = createAuditor({ settings: { inc: incConfig(inc), levels: {} }, target: noServer, initialDb: 'd', serverInfo });
    const p = parseStatement(sql);
    assert.ok(p.ok);
    const row = new ResultRow(sql, p.statement);
    await auditor.audit(p.statement, row);
    return row.messages;
  };
  assert.deepEqual(await audit('optimize table t'), ['Not supported statement type.']);
  assert.deepEqual(await audit('optimize table t', { enable_any_statement: true }), []);
  assert.deepEqual(await audit('set names utf8mb4'), []);
  assert.deepEqual(await audit('set names latin1'), ["Set charset to one of 'utf8,utf8mb4'."]);
  assert.deepEqual(await audit('set autocommit=0'), ['Not supported statement type.']);
  assert.deepEqual(await audit('drop database x'), ["Command is forbidden! Cannot drop database 'x'."]);
  assert.deepEqual(await audit('alter database x default charset utf8'), ['Not supported statement type.']);
});
