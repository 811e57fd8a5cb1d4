// The shape cache must give exactly node-sql-parser's tree, or decline. Checked on a corpus of DML shapes filled
// with generated literals (seeded; INCEPTOR_SHAPE_SEED replays a failure): each statement parsed through
// parseStatement (cache warm) equals node-sql-parser's own parse of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStatement } from '../../../src/sql/parse.js';
import { astify } from '../../../src/sql/node-parser.js';
import { clearShapes, freezeShapes, scanShape, statementFromShape } from '../../../src/sql/shape-cache.js';
import { fuzzSeed, seededRandom } from '../../support/seeded-random.js';

const LITERALS = [
  '0', '7', '007', '42', '-1', '-42', '-0', '- 3', '+3', '123456789012345', '1234567890123456', '18446744073709551615',
  '2.5', '-2.5', '10.0', '-0.0', '1.50', '1e3', '.5', '1.', '0x1f', "x'1f'", "b'01'", "N'n'", "_utf8mb4'u'",
  "'x'", "''", "'it''s'", "'a\\'b'", "'a\\nb'", "'中文'", "'a\"b'", "'semi;colon'", "'paren)'", "'2024-01-01 00:00:00'",
  '"dq"', '"it""s"', 'NULL', 'true', 'FALSE', 'now()', 'a', 'DEFAULT', '?', '913570000', "'~slot0~'",
];

/** `{}` marks a literal slot. */
const SHAPES = [
  'update t set score = {} where id = {}',
  'UPDATE `d`.`t` SET `name` = {}, score = score + {} WHERE id = {} AND name <> {}',
  'update t set score = score - {} where id in ({}, {}, {}) order by id limit {}',
  'update t1 join t2 on t1.id = t2.id set t1.a = {} where t2.b between {} and {}',
  'update t set a = {} where b like {} or c is null',
  'update t set a = {}\nwhere b = {} and c = (select max(x) from u where y = {})',
  'delete from t where id = {}',
  'DELETE FROM d.t WHERE created_at < {} LIMIT {}',
  'delete t1 from t1 join t2 on t1.id = t2.id where t2.a = {}',
  'insert into t (a, b) values ({}, {})',
  'insert into t (a, b) values ({}, {}), ({}, {}) on duplicate key update b = {}',
  'insert into t (a, b) select {}, b from u where c = {}',
  'replace into t (a, b) values ({}, {})',
  'insert into t set a = {}, b = {}',
  'select * from t where a = {} and b in ({}, {}) limit {}, {}',
  'select a, count(*) from t where b > {} group by a having count(*) > {} order by 1',
  'select {} + {} * {}',
  'select case when a = {} then {} else {} end from t',
  'update t set a = concat(b, {}), c = if(d > {}, {}, {}) where e = {}',
  'update t set a = {} where b = -{} and c = - {}',
  "update t set a = {} where b = '{}'",
  'update t set a = {} where b = {} -- trailing',
  'update t set a = {} /* c */ where b = {}',
  'update t set `a``b` = {} where `c d` = {}',
  'update t set a = {} where b = interval {} day',
];

function fill(shape: string, pick: () => string): string {
  return shape.replace(/\{\}/g, pick);
}

test('the shape cache equals node-sql-parser on a corpus, or declines', (t) => {
  const seed = fuzzSeed('INCEPTOR_SHAPE_SEED');
  const rnd = seededRandom(seed);
  const anyLiteral = () => LITERALS[Math.floor(rnd() * LITERALS.length)]!;
  const smallInt = () => String(Math.floor(rnd() * 100000));
  clearShapes();
  freezeShapes(true);
  let compared = 0;
  let cached = 0;
  try {
    for (const shape of SHAPES) {
      // warm with plain integers (a shape is learned on its second sighting), then mix every literal form
      const texts = [fill(shape, smallInt), fill(shape, smallInt), ...Array.from({ length: 40 }, () => fill(shape, rnd() < 0.5 ? smallInt : anyLiteral))];
      for (const text of texts) {
        const truth = astify(text);
        const scan = scanShape(text);
        if (scan && statementFromShape(text, scan)) cached++;
        const ours = parseStatement(text);
        if (!truth.ok || truth.asts.length !== 1) continue;
        // node-sql-parser reads `_utf8mb4'u'` in a SELECT list as a column with an alias; parse.ts reads the
        // introducer (parse.test.ts), so that tree is no truth
        if (JSON.stringify(truth.asts[0]).includes('"column":"_utf8mb4"')) continue;
        compared++;
        assert.ok(ours.ok, `seed ${seed}: ${text}`);
        assert.deepEqual(ours.statement.ast, truth.asts[0], `seed ${seed}: ${text}`);
      }
    }
  } finally {
    freezeShapes(false);
    clearShapes();
  }
  t.diagnostic(`seed ${seed}: compared ${compared}, ${cached} from the cache`);
  assert.ok(compared > SHAPES.length * 20, `compared ${compared}`);
  assert.ok(cached > compared / 3, `only ${cached} of ${compared} statements came from the cache`);
});

test('statements of one shape are parsed by node-sql-parser twice, then come from the cache', () => {
  clearShapes();
  const texts = Array.from({ length: 50 }, (_, i) => `update t set score = ${i % 7} where id = ${i + 1}`);
  const fromCache = texts.map((text) => {
    const scan = scanShape(text);
    const hit = scan !== null && statementFromShape(text, scan) !== null;
    assert.ok(parseStatement(text).ok);
    return hit;
  });
  assert.deepEqual(fromCache.slice(0, 2), [false, false]);
  assert.ok(fromCache.slice(2).every(Boolean));
  clearShapes();
});

test('the scanner declines comments, escapes, exponents, hex and introducers', () => {
  for (const text of [
    'update t set a = 1 -- c',
    'update t set a = 1 # c',
    'update t set a = 1 /* c */',
    "update t set a = 'a\\'b'",
    'update t set a = 1e3',
    'update t set a = 0x1f',
    "update t set a = x'1f'",
    "update t set a = _utf8mb4'x'",
    'update t set a = .5',
    'update t set a = 12345678901234567',
  ]) {
    assert.equal(scanShape(text), null, text);
  }
  assert.deepEqual(scanShape("update `t1` set a2 = 'x', b = 2.5 where c = -3")?.key, 'update `t1` set a2 = \u0000s, b = \u0000f where c = -\u0000i');
});
