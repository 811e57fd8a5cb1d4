// The INSERT fast path must build exactly node-sql-parser's tree, or decline (null). Checked on a generated
// corpus: every statement is parsed by node-sql-parser (truth) and built from a template learned from a sibling
// statement with other literals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clearInsertTemplates, insertFromTemplate, learnInsertTemplate } from '../../../src/sql/insert-template.js';
import { astify } from '../../../src/sql/node-parser.js';
import { parseStatement } from '../../../src/sql/parse.js';

const LITERALS = [
  '0', '7', '007', '42', '-1', '-42', '-0', '123456789012345', '1234567890123456', '18446744073709551615',
  '2.5', '-2.5', '10.0', '-0.0', '1.50', '1e3', '.5', '1.', '+3', '- 3', '0x1f', "x'1f'", "b'01'",
  "'x'", "''", "'it''s'", "'a\\'b'", "'a\\\\b'", "'a\\nb'", "'中文'", "'a\"b'", "'semi;colon'", "'paren)'",
  '"dq"', '"it""s"', '"x\'y"', 'NULL', 'null', 'true', 'FALSE', 'nullx', 'now()', 'a', 'DEFAULT',
];
const PREFIXES = [
  'insert into t (a, b) values ',
  'INSERT INTO `t` (`a`,`b`) VALUES',
  'insert into d.t(a,b)values',
  'insert  into\n`d`.`t` ( a , `b` ) values\n',
  'insert into t (`select`, b) values ',
];

/** Deterministic pseudo-random picks. */
function* picks(seed: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2147483648;
    yield x;
  }
}

function corpus(): string[] {
  const out: string[] = [];
  const rnd = picks(7);
  const lit = () => LITERALS[rnd.next().value! % LITERALS.length]!;
  for (const prefix of PREFIXES) {
    for (let k = 0; k < 120; k++) {
      const rows = 1 + (rnd.next().value! % 3);
      const body = Array.from({ length: rows }, () => `(${lit()}, ${lit()})`).join(rnd.next().value! % 2 ? ', ' : ',');
      out.push(prefix + body);
    }
  }
  // shapes the fast path must leave alone
  out.push('insert into t (a, b) values (1, 2) on duplicate key update a = 1');
  out.push('insert into t (a, b) values (1, 2), (3)');
  out.push('insert into t (a, b) values (1, 2) /* c */');
  out.push('insert into t (a, b) values (1, 2);');
  out.push("insert into t (a, b) values ('x' 'y', 2)");
  out.push('insert into t (a, b) values (1, 2) ,');
  return out;
}

test('fast path equals node-sql-parser or declines, on a corpus', () => {
  clearInsertTemplates();
  const texts = corpus();
  // learn from every statement the parser accepts, then rebuild every statement from templates
  for (const text of texts) {
    const p = astify(text);
    if (p.ok && p.asts.length === 1) learnInsertTemplate(text, p.asts[0]);
  }
  let built = 0;
  let declinedValid = 0;
  for (const text of texts) {
    const fast = insertFromTemplate(text);
    const truth = astify(text);
    if (!fast) {
      if (truth.ok) declinedValid++;
      continue;
    }
    built++;
    assert.ok(truth.ok, `fast path accepted text the parser rejects: ${text}`);
    assert.equal(truth.asts.length, 1);
    assert.deepStrictEqual(fast.ast, truth.asts[0], text);
    assert.equal(fast.kind, 'insert');
    assert.equal(fast.text, text);
  }
  assert.ok(built > 50, `fast path used for ${built} statements`);
  assert.ok(declinedValid > 0, 'some valid statements are left to the parser');
});

test('parseStatement: the second INSERT of a shape takes the fast path with the same result', () => {
  clearInsertTemplates();
  const a = parseStatement("insert into t9 (id, v) values (1, 'a')");
  const b = parseStatement("insert into t9 (id, v) values (2, NULL)");
  assert.ok(a.ok && b.ok);
  assert.deepStrictEqual(b.statement.ast, astify("insert into t9 (id, v) values (2, NULL)").ok ? (astify("insert into t9 (id, v) values (2, NULL)") as { asts: unknown[] }).asts[0] : null);
  assert.notEqual((a.statement.ast as { table: unknown }).table, (b.statement.ast as { table: unknown }).table, 'no shared mutable nodes');
  const bad = parseStatement('insert into t9 (id, v) values (1)');
  assert.ok(bad.ok, 'width mismatch still goes through the recogniser');
  assert.equal(insertFromTemplate('insert into t9 (id, v) values (1)'), null);
});
