// INSERTs through the shape cache (src/sql/shape-cache.ts) must build exactly node-sql-parser's tree, or decline.
// Checked on a generated corpus of INSERT spellings: every statement is parsed by node-sql-parser (truth) and built
// from a shape learned from statements of the same shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clearShapes, freezeShapes, scanShape, statementFromShape } from '../../../src/sql/shape-cache.js';
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
  // shapes the cache must leave alone (or build exactly)
  out.push('insert into t (a, b) values (1, 2) on duplicate key update a = 1');
  out.push('insert into t (a, b) values (1, 2), (3)');
  out.push('insert into t (a, b) values (1, 2) /* c */');
  out.push('insert into t (a, b) values (1, 2);');
  out.push("insert into t (a, b) values ('x' 'y', 2)");
  out.push('insert into t (a, b) values (1, 2) ,');
  return out;
}

/** The statement the shape cache builds for `text`, or null. */
function cached(text: string): ReturnType<typeof statementFromShape> {
  const scan = scanShape(text);
  return scan && statementFromShape(text, scan);
}

test('the shape cache equals node-sql-parser on INSERT spellings, or declines', () => {
  clearShapes();
  freezeShapes(true);
  try {
    const texts = corpus();
    // a shape is learned on its second sighting: parse every statement twice, then rebuild every one from the cache
    for (const text of [...texts, ...texts]) parseStatement(text);
    let built = 0;
    let declinedValid = 0;
    for (const text of texts) {
      const fast = cached(text);
      const truth = astify(text);
      if (!fast) {
        if (truth.ok) declinedValid++;
        continue;
      }
      built++;
      assert.ok(truth.ok, `the cache accepted text the parser rejects: ${text}`);
      assert.equal(truth.asts.length, 1);
      assert.deepStrictEqual(fast.ast, truth.asts[0], text);
      assert.equal(fast.kind, 'insert');
      assert.equal(fast.text, text);
      assert.deepStrictEqual(parseStatement(text), { ok: true, statement: fast }, text);
    }
    assert.ok(built > 50, `the cache built ${built} statements`);
    assert.ok(declinedValid > 0, 'some valid statements are left to the parser');
  } finally {
    freezeShapes(false);
    clearShapes();
  }
});

test('parseStatement: the third INSERT of a shape comes from the cache with the parser\'s tree', () => {
  clearShapes();
  const a = parseStatement("insert into t9 (id, v) values (1, 'a')");
  const b = parseStatement("insert into t9 (id, v) values (2, 'b')");
  assert.ok(a.ok && b.ok);
  assert.equal(cached("insert into t9 (id, v) values (2, 'b')")?.kind, 'insert', 'learned on the second sighting');
  const c = parseStatement("insert into t9 (id, v) values (3, 'it''s')");
  assert.ok(c.ok);
  const truth = astify("insert into t9 (id, v) values (3, 'it''s')");
  assert.ok(truth.ok);
  assert.deepStrictEqual(c.statement.ast, truth.asts[0]);
  assert.notEqual(c.statement.ast, b.statement.ast, 'each statement has its own root');
  const bad = parseStatement('insert into t9 (id, v) values (1)');
  assert.ok(bad.ok, 'width mismatch still goes through the recogniser');
  assert.equal(cached('insert into t9 (id, v) values (1)'), null);
  clearShapes();
});
