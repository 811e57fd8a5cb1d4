import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES, Code, codeDef, formatCode, formatTemplate, isChinese, levelKeyedCodes, levelOf, NEVER_EMITTED, NOT_RAISED_HERE } from '../../../src/codes/catalogue.js';
import { RULES } from '../../../src/audit/rules/index.js';
import { ZH_CN_TEMPLATES } from '../../../src/codes/templates-zh-cn.js';

test('catalogue has every code 0..188 in order', () => {
  assert.equal(CODES.length, 189);
  CODES.forEach((c, i) => assert.equal(c.code, i));
  assert.equal(new Set(CODES.map((c) => c.name)).size, 189);
});

test('Code is derived from CODES: one entry per code, name to number, with exact literal types', () => {
  assert.equal(Object.keys(Code).length, CODES.length);
  for (const def of CODES) assert.equal((Code as Record<string, number>)[def.name], def.code, def.name);
  // Type-level: a wrong number here fails the type check, so the map keeps literal types.
  const exact: { pk: 60; last: 188 } = { pk: Code.ER_TABLE_MUST_HAVE_PK, last: Code.ER_TOOL_BASED_UNIQUE_INDEX_WARNING };
  assert.deepEqual(exact, { pk: 60, last: 188 });
});

test('sample numbers, names, level keys, default levels and templates', () => {
  assert.equal(Code.ER_NOT_SUPPORTED_YET, 1);
  assert.equal(Code.ER_TABLE_MUST_HAVE_PK, 60);
  assert.equal(Code.ER_TABLE_NOT_EXISTED_ERROR, 110);
  assert.equal(Code.ErrCharsetNotSupport, 156);
  assert.equal(Code.ER_TOOL_BASED_UNIQUE_INDEX_WARNING, 188);
  const pk = codeDef(60)!;
  assert.equal(pk.levelKey, 'er_table_must_have_pk');
  assert.equal(pk.defaultLevel, 1);
  assert.equal(pk.en, "Set a primary key for table '%s'.");
  assert.equal(codeDef(0)!.levelKey, null);
  assert.equal(codeDef(51)!.levelKey, null);
  assert.equal(codeDef(126)!.levelKey, 'er_ident_use_keyword');
  assert.equal(codeDef(6)!.en, 'You have an error in your SQL syntax, ');
  assert.equal(codeDef(131)!.en, "Identifier '%s' is invalid, valid options: [a-z|A-Z|0-9|_].");
  assert.equal(codeDef(140)!.en, "Incorrect table name '%-.100s'");
  assert.equal(codeDef(189), undefined);
});

test('level-keyed codes exclude codes without keys and list shared keys once', () => {
  const keys = levelKeyedCodes().map((c) => c.levelKey);
  assert.ok(!keys.includes(null));
  assert.equal(keys.filter((k) => k === 'er_ident_use_keyword').length, 1);
  assert.ok(!keys.includes('er_error_first'));
});

test('levelOf: override, clamp, default for keyless codes', () => {
  const pk = codeDef(Code.ER_TABLE_MUST_HAVE_PK)!;
  assert.equal(levelOf(pk, {}), 1);
  assert.equal(levelOf(pk, { er_table_must_have_pk: 2 }), 2);
  assert.equal(levelOf(pk, { er_table_must_have_pk: 7 }), 2);
  assert.equal(levelOf(pk, { er_table_must_have_pk: 0 }), 0);
  assert.equal(levelOf(codeDef(Code.ER_CANT_ADD_PK_OR_UK_COLUMN)!, { er_cant_add_pk_or_uk_column: 0 }), 2);
});

test('formatTemplate implements the Go verbs the templates use', () => {
  assert.equal(formatTemplate("Table '%s' doesn't exist.", ['db.t']), "Table 'db.t' doesn't exist.");
  assert.equal(formatTemplate('row %d', [3]), 'row 3');
  assert.equal(formatTemplate("'%v'", [null]), "'<nil>'");
  assert.equal(formatTemplate("'%v'", ['2019-13-01']), "'2019-13-01'");
  assert.equal(formatTemplate('%-.3s!', ['abcdef']), 'abc!');
  assert.equal(formatTemplate('%-.192s', ['x'.repeat(300)]).length, 192);
  assert.equal(formatTemplate('100%%', []), '100%');
  assert.equal(formatCode(Code.ER_TOO_LONG_INDEX_COMMENT, ['idx', 1024]), "Comment for index 'idx' is too long (max = %!l(int=1024)u).");
  assert.equal(formatTemplate('%s and %s', ['a']), 'a and %!s(MISSING)');
  assert.equal(formatTemplate('%d', ['x']), '%!d(string=x)');
  assert.equal(formatCode(999, []), 'Invalid error code!');
});

test('zh-CN: lang matched case-insensitively, `-` or `_`; codes without a Chinese template stay en-US', () => {
  for (const lang of ['zh-CN', 'zh_cn', 'ZH-cn', ' zh_CN ']) assert.ok(isChinese(lang), lang);
  for (const lang of ['en-US', 'zh', 'zh-TW', '']) assert.ok(!isChinese(lang), lang);
  assert.equal(formatCode(Code.ER_TABLE_MUST_HAVE_PK, ['t1'], 'zh-CN'), "表 't1' 需要设置主键.");
  assert.equal(formatCode(Code.ER_TABLE_MUST_HAVE_PK, ['t1'], 'zh_cn'), "表 't1' 需要设置主键.");
  assert.equal(formatCode(Code.ER_TABLE_MUST_HAVE_PK, ['t1'], 'en-US'), "Set a primary key for table 't1'.");
  assert.equal(formatCode(Code.ErrFkDupName, ['fk1'], 'zh-CN'), "Duplicate foreign key constraint name 'fk1'");
  // every Chinese template names a catalogue code and uses the same verbs as its English one
  const names = new Set(CODES.map((c) => c.name));
  const verbs = (t: string) => (t.match(/%[-.0-9]*[a-z%]/g) ?? []).filter((v) => v !== '%%').length;
  for (const [name, zh] of Object.entries(ZH_CN_TEMPLATES)) {
    assert.ok(names.has(name), name);
    const def = CODES.find((c) => c.name === name)!;
    assert.equal(def.zh, zh);
    // goInception's own template for ER_CHANGE_TOO_MUCH_ROWS has one verb fewer in Chinese (kept as is)
    if (name !== 'ER_CHANGE_TOO_MUCH_ROWS') assert.equal(verbs(zh), verbs(def.en), name);
  }
});

test('codes that are never raised: none is reported by a rule', () => {
  assert.equal(NEVER_EMITTED.size, 64);
  assert.equal(NOT_RAISED_HERE.size, 6);
  for (const [id, rule] of RULES) if (rule.code !== null) assert.ok(!NEVER_EMITTED.has(rule.code) && !NOT_RAISED_HERE.has(rule.code), id);
});

test('every other code is raised: by a rule (which has its RuleTester file), or by the engine, resolve phase, estimate, batch, options or backup', () => {
  const byRules = new Set([...RULES.values()].map((r) => r.code));
  // Raised outside the rules: by name, or (fixed texts of the batch, options and backup) by its template's text.
  const sources = ['src/audit/resolve.ts', 'src/audit/estimate.ts', 'src/audit/engine.ts', ...readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => /^(batch|backup|execute|options)/.test(f) && f.endsWith('.ts')).map((f) => join('src', f))];
  const text = sources.map((f) => readFileSync(f, 'utf8')).join('\n');
  const raised = (c: (typeof CODES)[number]) => byRules.has(c.code) || new RegExp(`\\b${c.name}\\b`).test(text) || text.includes(c.en.split('%')[0]!);
  // Backup-phase warnings not built yet (docs/backup.md): MariaDB's fuzzy binlog match, a statement too long for an old TEXT column.
  const backupGaps = [Code.ErrMariaDBRollbackWarn, Code.ErrDataTooLong];
  const missing = CODES.filter((c) => !NEVER_EMITTED.has(c.code) && !NOT_RAISED_HERE.has(c.code) && !backupGaps.includes(c.code as never) && !raised(c)).map((c) => `${c.code} ${c.name}`);
  assert.deepEqual(missing, []);
});
