import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitStatementsInTurns, splitStatements, trimStatement } from '../../../src/batch/splitter.js';

const texts = (s: string) => splitStatements(s).map((p) => p.text);

test('plain statements, several per line, trailing semicolons and blank pieces', () => {
  assert.deepEqual(texts('select 1; select 2;select 3;;; \n  select 4'), ['select 1', 'select 2', 'select 3', 'select 4']);
  assert.deepEqual(texts(''), []);
  assert.deepEqual(texts(' ;; \n ; '), []);
});

test('semicolons inside single, double and backtick quotes do not split', () => {
  assert.deepEqual(texts("insert into t values ('a;b', \"c;d\"); select `x;y` from t"), [
    "insert into t values ('a;b', \"c;d\")",
    'select `x;y` from t',
  ]);
});

test('backslash and doubled-quote escapes', () => {
  assert.deepEqual(texts("select 'it\\'s;'; select 'it''s;'; select \"a\\\";\"; select `a``;b`"), [
    "select 'it\\'s;'",
    "select 'it''s;'",
    'select "a\\";"',
    'select `a``;b`',
  ]);
});

test('block, executable, dash and hash comments', () => {
  assert.deepEqual(texts('/* a; b */ select 1; -- c; d\nselect 2; # e; f\nselect 3'), [
    '/* a; b */ select 1',
    '-- c; d\nselect 2',
    '# e; f\nselect 3',
  ]);
  // `--x` is not a comment in MySQL (needs a space), so the `;` after it splits.
  assert.deepEqual(texts('select 1 --x; select 2'), ['select 1 --x', 'select 2']);
  // executable comments are statements; plain comment-only pieces are dropped
  assert.deepEqual(texts('/*!40101 SET NAMES utf8 */; /* only a comment */; -- x\n; # y'), ['/*!40101 SET NAMES utf8 */']);
});

test('the magic comment with semicolons stays with inception_magic_start', () => {
  const batch =
    "/*--user='u';--password='p;w';--host='127.0.0.1';--port=3306;--check=1;*/\n    inception_magic_start;\n    use `db`;\n    update t set a=1 where id=2;\n    inception_magic_commit;";
  assert.deepEqual(texts(batch), [
    "/*--user='u';--password='p;w';--host='127.0.0.1';--port=3306;--check=1;*/\n    inception_magic_start",
    'use `db`',
    'update t set a=1 where id=2',
    'inception_magic_commit',
  ]);
});

test('DELIMITER changes the terminator until reset', () => {
  const src = 'select 1;\nDELIMITER $$\ncreate procedure p() begin select 1; select 2; end$$\ndelimiter ;\nselect 3;';
  assert.deepEqual(texts(src), ['select 1', 'create procedure p() begin select 1; select 2; end', 'select 3']);
});

test('CRLF, tabs and U+00A0 are trimmed; offsets and lines point at the text', () => {
  const src = 'select 1;\r\n\t\u00a0select 2 ;\r\n\r\n  select\r\n 3\r\n';
  const pieces = splitStatements(src);
  assert.deepEqual(pieces.map((p) => p.text), ['select 1', 'select 2', 'select\r\n 3']);
  assert.deepEqual(pieces.map((p) => p.line), [1, 2, 4]);
  for (const p of pieces) assert.equal(src.slice(p.offset, p.offset + p.text.length), p.text);
  assert.equal(trimStatement(' ;\u00a0x y;\v\f'), 'x y');
});

test('unterminated string or comment runs to the end as one piece', () => {
  assert.deepEqual(texts("select 1; select 'abc; select 2"), ['select 1', "select 'abc; select 2"]);
  assert.deepEqual(texts('select 1; /* abc; select 2'), ['select 1']);
});

// Speed is a bench figure (npm run bench: the one-line 100k-statement batch), not a test assertion.
test('10k INSERTs: every piece, with its line', () => {
  const stmts = Array.from({ length: 10000 }, (_, i) => `insert into t(id, name, score) values (${i + 1}, 'name-${i};', ${i % 100})`);
  const src = `/*--user=u;--password=p;--host=h;--port=1;--check=1;*/\ninception_magic_start;\nuse db;\n${stmts.join(';\n')};\ninception_magic_commit;`;
  const pieces = splitStatements(src);
  assert.equal(pieces.length, 10003);
  assert.equal(pieces[10002]!.text, 'inception_magic_commit');
  assert.equal(pieces[10002]!.line, 10004);
});

test('a one-line text of 100k statements: all on line 1; the split in turns gives the same pieces', async () => {
  const src = `inception_magic_start;${Array.from({ length: 100_000 }, (_, i) => `select ${i}`).join(';')};\nselect 'next line'`;
  const pieces = splitStatements(src);
  assert.equal(pieces.length, 100_002);
  assert.equal(pieces[100_000]!.line, 1);
  assert.equal(pieces[100_001]!.line, 2);
  assert.deepEqual(await splitStatementsInTurns(src), pieces);
});
