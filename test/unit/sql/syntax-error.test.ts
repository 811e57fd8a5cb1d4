// Syntax errors as goInception writes them, and robustness: mutated corpus statements never make the parser throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_PARSE_MESSAGE, parseStatement, syntaxErrorAt } from '../../../src/sql/parse.js';
import { parseDdl } from '../../../src/sql/ddl/parse-ddl.js';
import { tokenize } from '../../../src/sql/lex.js';
import { loadCorpus } from './corpus/corpus.js';
import { fuzzSeed, seededRandom } from '../../support/seeded-random.js';

function error(sql: string): string {
  const r = parseStatement(sql);
  assert.ok(!r.ok, `${sql} parsed`);
  return r.message;
}

test('DDL errors: the offending token, its line, the column after it, the rest of the text', () => {
  assert.equal(error('create table t (id int,)'), 'line 1 column 24 near ")" ');
  assert.equal(error('alter table t add column'), 'line 1 column 24 near "" ');
  assert.equal(error('create table t (id int not nul)'), 'line 1 column 30 near "nul)" ');
  assert.equal(error('drop table if exists a, b c'), 'line 1 column 27 near "c" ');
  // after a newline the count starts at 1
  assert.equal(error('create table t (\n  id int,\n  c varchar(10) charset\n)'), 'line 4 column 2 near ")" ');
  assert.equal(error('drop table if exists a,\n\n b c'), 'line 3 column 5 near "c" ');
  assert.equal(error("create table t (c varchar(10) comment '中文' defaultt 1)"), 'line 1 column 51 near "defaultt 1)" ');
  assert.equal(error('create table t (id int) engine=innodb,'), 'line 1 column 38 near "" ');
  assert.equal(error('alter table t rename index a to PRIMARY'), 'line 1 column 39 near "PRIMARY" ');
  assert.equal(error('create table order (id int)'), 'line 1 column 18 near "order (id int)" ');
});

test('other statements keep node-sql-parser\'s position, in the same format', () => {
  assert.match(error('update t set a= where id=1'), /^line 1 column \d+ near "[^"]*id=1" $/);
  assert.equal(error('create tabl t1 (id int)'), 'line 1 column 11 near "tabl t1 (id int)" ');
});

test('near text longer than 2048 bytes is cut at a character boundary and followed by the total length', () => {
  const long = `alter table t foo ${'中'.repeat(1000)}`;
  const message = error(long);
  const rest = `foo ${'中'.repeat(1000)}`;
  assert.ok(message.endsWith(`" (total length ${Buffer.byteLength(rest)})`), message.slice(-40));
  const near = /near "([^"]*)"/.exec(message)![1]!;
  assert.ok(Buffer.byteLength(near) <= 2048 && Buffer.byteLength(near) > 2040 && !near.includes('\uFFFD'));
  assert.equal(syntaxErrorAt('x', null), 'line 1 column 0 near "x" ');
});


const NOISE = ['(', ')', ',', "'", '`', '"', '/*', '--', '#', ';', '=', '.', '@', 'NOT', 'NULL', 'DEFAULT', 'KEY', 'PRIMARY', 'PARTITION', 'SELECT', '\n', '0x', "b'", '1e', '-', 'AS', 'CHECK', 'USING', 'ALL', '\\'];

function mutate(sql: string, next: () => number): string {
  const toks = tokenize(sql);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const t = toks.length > 0 ? pick(toks) : null;
  switch (Math.floor(next() * 6)) {
    case 0: // drop a token
      return t ? sql.slice(0, t.start) + sql.slice(t.end) : sql;
    case 1: // repeat a token
      return t ? sql.slice(0, t.end) + ' ' + t.text + sql.slice(t.end) : sql;
    case 2: // insert noise
      return t ? sql.slice(0, t.start) + pick(NOISE) + ' ' + sql.slice(t.start) : pick(NOISE);
    case 3: // cut the text
      return sql.slice(0, Math.floor(next() * sql.length));
    case 4: { // swap two tokens
      const u = pick(toks);
      if (!t || !u || t === u) return sql;
      const [a, b] = t.start < u.start ? [t, u] : [u, t];
      return sql.slice(0, a.start) + b.text + sql.slice(a.end, b.start) + a.text + sql.slice(b.end);
    }
    default: // a raw character anywhere
      {
        const at = Math.floor(next() * (sql.length + 1));
        return sql.slice(0, at) + pick(NOISE) + sql.slice(at);
      }
  }
}

test('robustness: seeded mutations of corpus statements never throw; errors are well-formed', (t) => {
  const seed = fuzzSeed('INCEPTOR_FUZZ_SEED');
  t.diagnostic(`seed ${seed} (repeat with INCEPTOR_FUZZ_SEED=${seed})`);
  const next = seededRandom(seed);
  const corpus = loadCorpus().map((s) => s.sql);
  const wellFormed = /^line \d+ column \d+ near "[\s\S]*"( |\s\(total length \d+\))$/;
  let rejected = 0;
  // our DDL parser alone, many mutations (it is fast)
  for (let i = 0; i < 5_000; i++) {
    let sql = corpus[Math.floor(next() * corpus.length)]!;
    for (let k = 1 + Math.floor(next() * 3); k > 0; k--) sql = mutate(sql, next);
    const r = parseDdl(sql);
    if (r && !r.ok) {
      rejected++;
      assert.ok(r.offset >= 0 && r.offset <= sql.length, `seed ${seed}: offset ${r.offset} outside ${JSON.stringify(sql)}`);
    }
  }
  // the whole interface (node-sql-parser included), fewer
  for (let i = 0; i < 400; i++) {
    let sql = corpus[Math.floor(next() * corpus.length)]!;
    for (let k = 1 + Math.floor(next() * 3); k > 0; k--) sql = mutate(sql, next);
    let r: ReturnType<typeof parseStatement>;
    try {
      r = parseStatement(sql);
    } catch (err) {
      assert.fail(`seed ${seed}: parseStatement threw on ${JSON.stringify(sql)}: ${String(err)}`);
    }
    if (!r.ok) assert.ok(wellFormed.test(r.message) || r.message === EMPTY_PARSE_MESSAGE, `seed ${seed}: ${JSON.stringify(sql)} → ${r.message}`);
  }
  assert.ok(rejected > 1_000, `mutations should break statements (${rejected} rejected)`);
});
