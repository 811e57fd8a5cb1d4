// The one SQL tokenizer: token kinds, unescaped values with source offsets, variables, operators, comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMENT_START, commentEnd, Lexer, quotedEnd, skipSpaceAndComments, tokenize, tokenLengthAt } from '../../../src/sql/lex.js';

const kinds = (sql: string) => tokenize(sql).map((t) => `${t.type}:${t.value}`);

test('words are upper-cased in value and keep their spelling in text; numbers, idents, strings', () => {
  const toks = tokenize("select `a``b`, 'it''s', 1.5, .5, 1e-3, 1abc from db1.t1");
  assert.deepEqual(
    toks.map((t) => [t.type, t.value, t.text]),
    [
      ['word', 'SELECT', 'select'],
      ['quoted_ident', 'a`b', '`a``b`'],
      ['punct', ',', ','],
      ['string', "it's", "'it''s'"],
      ['punct', ',', ','],
      ['number', '1.5', '1.5'],
      ['punct', ',', ','],
      ['number', '.5', '.5'],
      ['punct', ',', ','],
      ['number', '1e-3', '1e-3'],
      ['punct', ',', ','],
      ['word', '1ABC', '1abc'],
      ['word', 'FROM', 'from'],
      ['word', 'DB1', 'db1'],
      ['punct', '.', '.'],
      ['word', 'T1', 't1'],
    ],
  );
});

test('string values carry MySQL escapes; start/end are source offsets', () => {
  const sql = `x = 'a\\nb\\'c\\%d' "q""r"`;
  const [, , s, d] = tokenize(sql);
  assert.equal(s!.value, "a\nb'c\\%d");
  assert.equal(sql.slice(s!.start, s!.end), `'a\\nb\\'c\\%d'`);
  assert.equal(d!.value, 'q"r');
  assert.equal(d!.end, sql.length);
});

test('qualified names with digits stay names', () => {
  assert.deepEqual(kinds('t.5 123.tbl'), ['word:T', 'punct:.', 'number:5', 'number:123', 'punct:.', 'word:TBL']);
});

test('system and user variables; user@host keeps its @', () => {
  const toks = tokenize("@@version, @@SESSION.sql_mode, @@global.`x`, @a.b, @'q', 'root'@'%', root@localhost");
  const vars = toks.filter((t) => t.type === 'sysvar' || t.type === 'uservar').map((t) => [t.type, t.value, t.scope ?? null]);
  assert.deepEqual(vars, [
    ['sysvar', 'version', ''],
    ['sysvar', 'sql_mode', 'session'],
    ['sysvar', 'x', 'global'],
    ['uservar', 'a.b', null],
    ['uservar', 'q', null],
  ]);
  assert.deepEqual(kinds("'root'@'%'"), ['string:root', 'punct:@', 'string:%']);
  assert.deepEqual(kinds('root@localhost'), ['word:ROOT', 'punct:@', 'word:LOCALHOST']);
});

test('multi-char comparison operators are one token; && stays two', () => {
  assert.deepEqual(kinds('a<=>b<=c>=d<>e!=f:=g&&h'), [
    'word:A', 'punct:<=>', 'word:B', 'punct:<=', 'word:C', 'punct:>=', 'word:D', 'punct:<>', 'word:E', 'punct:!=', 'word:F',
    'punct::=', 'word:G', 'punct:&', 'punct:&', 'word:H',
  ]);
});

test('comments are skipped, incl. /*! */; -- needs a space', () => {
  assert.deepEqual(kinds('a /*! b */ # c\n d -- e\n f --g'), ['word:A', 'word:D', 'word:F', 'punct:-', 'punct:-', 'word:G']);
});

test('an unterminated quote or comment ends the stream and is reported', () => {
  const quote = new Lexer("a 'b");
  assert.equal(quote.next()?.value, 'A');
  assert.equal(quote.next(), null);
  assert.deepEqual(quote.unterminated, { kind: 'quote', start: 2 });
  const comment = new Lexer('a /* b');
  comment.next();
  assert.equal(comment.next(), null);
  assert.deepEqual(comment.unterminated, { kind: 'comment', start: 2 });
  assert.deepEqual(kinds("a 'b"), ['word:A']);
});

test('tokenLengthAt: the token starting there, 1 otherwise, 0 at the end', () => {
  const sql = 'select 12.5 <= `x y`';
  assert.equal(tokenLengthAt(sql, 0), 6);
  assert.equal(tokenLengthAt(sql, 7), 4);
  assert.equal(tokenLengthAt(sql, 12), 2);
  assert.equal(tokenLengthAt(sql, 15), 5);
  assert.equal(tokenLengthAt(sql, 6), 1);
  assert.equal(tokenLengthAt(sql, sql.length), 0);
});

test('skipSpaceAndComments: the one comment skipper, stopping at text or at an unterminated /*', () => {
  const at = (sql: string, from = 0) => skipSpaceAndComments(sql, from);
  assert.equal(at('  select'), 2);
  assert.equal(at('/* a */ # b\n-- c\n\t/*! d */x'), '/* a */ # b\n-- c\n\t/*! d */'.length);
  assert.equal(at('--x'), 0, '`--` without whitespace after it is not a comment');
  assert.equal(at('--'), 2, '`--` at the very end is a comment');
  assert.equal(at('# no newline'), '# no newline'.length);
  assert.equal(at(' /* open'), 1, 'an unterminated comment: the index of its /*');
  assert.equal(at('x /* c */ y', 1), 10);
  assert.equal(at(''), 0);
  assert.equal(at('\u00a0\u2003select'), 2, 'Unicode spaces are whitespace, as /\\s/ says');
});

test('commentEnd: the one comment rule, shared with the batch splitter', () => {
  assert.equal(commentEnd('/* a */x', 0), 7);
  assert.equal(commentEnd('/*!40101 x */;', 0), 13);
  assert.equal(commentEnd('/* never closes', 0), -1);
  assert.equal(commentEnd('# to eol\nx', 0), 8, 'a line comment ends before its newline');
  assert.equal(commentEnd('-- x', 0), 4);
  assert.equal(commentEnd('--', 0), 2, '`--` at the end of the text is a comment');
  assert.equal(commentEnd('--\tx\ny', 0), 4);
  assert.equal(commentEnd('--\x01x\ny', 0), 4, 'a control character after `--` opens a comment too');
  assert.equal(commentEnd('--x', 0), 0, '`--x` is minus minus x');
  assert.equal(commentEnd('-1', 0), 0);
  assert.equal(commentEnd('/x', 0), 0);
  assert.equal(commentEnd('select', 0), 0);
  for (const c of '#-/') assert.equal(COMMENT_START[c.charCodeAt(0)], 1);
  for (let c = 0; c < 128; c++) if (!'#-/'.includes(String.fromCharCode(c))) assert.equal(commentEnd(`${String.fromCharCode(c)}- x`, 0), 0);
});

test('quotedEnd: the one quote rule, shared with the batch splitter', () => {
  assert.equal(quotedEnd("'a;b' x", 0), 5);
  assert.equal(quotedEnd("'it''s' x", 0), 7);
  assert.equal(quotedEnd("'it\\'s' x", 0), 7);
  assert.equal(quotedEnd('"a\\"b" x', 0), 6);
  assert.equal(quotedEnd('`a\\` x', 0), 4, 'no backslash escape in backticks');
  assert.equal(quotedEnd('`a``b` x', 0), 6);
  assert.equal(quotedEnd("'never", 0), -1);
  assert.equal(quotedEnd("'ends in a backslash\\'", 0), -1);
  assert.deepEqual(tokenize("'it''s' `a``b` 'x\\'y'").map((t) => t.value), ["it's", 'a`b', "x'y"]);
});
