// Value rendering and statement builders of the binlog rollback (docs/binlog.md): escaping that no data can break
// out of, exact numbers and times, keys, generated columns, minimal rollback.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesLiteral, floatLiteral, quoteIdentifier, stringLiteral, TimeZone } from '../../../../src/backup/rollback/literal.js';
import { columnKindOf, parseMembers } from '../../../../src/backup/rollback/column-type.js';
import { deleteStatement, insertStatement, rollbackTableOf, updateStatement } from '../../../../src/backup/rollback/statements.js';
import type { ColumnLayout, TableLayout } from '../../../../src/backup/types.js';

/** What a SQL lexer in default mode makes of a single-quoted literal (to prove escaping round-trips). */
function unquote(literal: string): string {
  assert.equal(literal[0], "'");
  let out = '';
  for (let i = 1; i < literal.length; i++) {
    const ch = literal[i];
    if (ch === "'") {
      if (literal[i + 1] === "'") {
        out += "'";
        i++;
        continue;
      }
      assert.equal(i, literal.length - 1, `literal ends only at its last character: ${literal}`);
      return out;
    }
    if (ch === '\\') {
      const next = literal[++i];
      out += ({ '0': '\0', n: '\n', r: '\r', Z: '\x1a' } as Record<string, string>)[next] ?? next;
      continue;
    }
    out += ch;
  }
  assert.fail(`unterminated literal ${literal}`);
}

/** Same under NO_BACKSLASH_ESCAPES: the literal must still end at its last character (data may differ, never SQL). */
function endsAtLastCharWithoutBackslashEscapes(literal: string): boolean {
  for (let i = 1; i < literal.length; i++) {
    if (literal[i] === "'") {
      if (literal[i + 1] === "'") {
        i++;
        continue;
      }
      return i === literal.length - 1;
    }
  }
  return false;
}

const INJECTIONS = ["'; DROP TABLE t; --", "\\'; DROP TABLE t; --", "\\\\'", "'", '\\', "a''b", "\\'\\'", '\0\n\r\x1a', '😀𝄞 中文', '"', '`', ''];

test('strings: every injection attempt round-trips and cannot end the literal early, in both escape modes', () => {
  for (const s of INJECTIONS) {
    const lit = stringLiteral(s);
    assert.equal(unquote(lit), s, lit);
    assert.ok(endsAtLastCharWithoutBackslashEscapes(lit), `NO_BACKSLASH_ESCAPES: ${lit}`);
  }
  assert.equal(stringLiteral("it's"), "'it''s'");
  assert.equal(stringLiteral('a\\b'), "'a\\\\b'");
  assert.equal(quoteIdentifier('we`ird'), '`we``ird`');
});

test('bytes: UTF-8 text quoted, binary as X when invalid UTF-8 or hex_blob, other charsets exact', () => {
  assert.equal(bytesLiteral(Buffer.from('😀', 'utf8'), 'utf8mb4', false), "'😀'");
  assert.equal(bytesLiteral(Buffer.from([0x00, 0xff]), null, false), "X'00ff'");
  assert.equal(bytesLiteral(Buffer.from('abc'), null, false), "'abc'");
  assert.equal(bytesLiteral(Buffer.from('abc'), null, true), "X'616263'");
  assert.equal(bytesLiteral(Buffer.alloc(0), null, true), "''");
  assert.equal(bytesLiteral(Buffer.from('plain'), 'latin1', false), "'plain'");
  assert.equal(bytesLiteral(Buffer.from([0x63, 0xe9]), 'latin1', false), "_latin1 X'63e9'");
  assert.equal(bytesLiteral(Buffer.from([0x00, 0x61]), 'ucs2', false), "_ucs2 X'0061'");
});

test('floats: double literals that read back as the same value', () => {
  for (const v of [1.1, -0.1, 1e100, 5e-324, 1.7976931348623157e308, 0, 123456789012, Math.fround(1.1), Math.fround(-3.4e38)]) {
    const lit = floatLiteral(v);
    assert.match(lit, /e/);
    assert.equal(Number(lit), v, lit);
  }
  assert.equal(floatLiteral(-0), '-0e0');
  assert.equal(floatLiteral(1.5), '1.5e0');
});

test('time zones: fixed offsets and IANA names, across DST', () => {
  const t = Date.UTC(2021, 2, 14, 7, 30, 0) / 1000; // 2021-03-14 07:30 UTC: New York switched to EDT at 07:00 UTC
  assert.equal(new TimeZone('+00:00').localText(t, 0, 0), '2021-03-14 07:30:00');
  assert.equal(new TimeZone('+05:30').localText(t, 123456, 6), '2021-03-14 13:00:00.123456');
  assert.equal(new TimeZone('-03:00').localText(t, 500000, 1), '2021-03-14 04:30:00.5');
  assert.equal(new TimeZone('America/New_York').localText(t, 0, 0), '2021-03-14 03:30:00');
  assert.equal(new TimeZone('America/New_York').localText(t - 3600, 0, 0), '2021-03-14 01:30:00');
  assert.equal(new TimeZone('Asia/Kolkata').localText(t, 0, 3), '2021-03-14 13:00:00.000');
  assert.equal(new TimeZone('UTC').localText(0, 1, 6), '1970-01-01 00:00:00.000001');
  assert.throws(() => new TimeZone('Not/AZone'));
});

function col(name: string, columnType: string, extra: Partial<ColumnLayout> = {}): ColumnLayout {
  return { name, columnType, collation: /char|text|enum|set/.test(columnType) ? 'utf8mb4_general_ci' : null, nullable: true, generated: false, ...extra };
}

test('column types: families, sizes, members', () => {
  assert.deepEqual(parseMembers("'a','b''c','d\\\\e','x\\ny'"), ['a', "b'c", 'd\\e', 'x\ny']);
  const e = columnKindOf(col('e', "enum('a','b''c')"));
  assert.equal(e.family, 'enum');
  assert.deepEqual(e.members, ['a', "b'c"]);
  assert.equal(columnKindOf(col('n', 'bigint(20) unsigned')).unsigned, true);
  assert.equal(columnKindOf(col('n', 'bigint(20) unsigned')).intBytes, 8);
  assert.deepEqual(
    [columnKindOf(col('d', 'decimal(20,6)')).precision, columnKindOf(col('d', 'decimal(20,6)')).scale],
    [20, 6],
  );
  assert.equal(columnKindOf(col('t', 'datetime(3)')).fsp, 3);
  assert.equal(columnKindOf(col('b', 'binary(4)')).binary, true);
  assert.equal(columnKindOf(col('b', 'varchar(4)', { collation: 'binary' })).binary, true);
  assert.equal(columnKindOf(col('c', 'varchar(4)', { collation: 'latin1_swedish_ci' })).charset, 'latin1');
  assert.equal(columnKindOf(col('g', 'point')).family, 'geometry');
  assert.equal(columnKindOf(col('u', 'uuid')).family, 'unknown');
});

function layout(columns: ColumnLayout[], keyColumns: string[]): TableLayout {
  return { db: 'd', name: 't', columns, keyColumns };
}

test('statements: keyed, unkeyed, nullable keys, generated columns, minimal rollback', () => {
  const keyed = rollbackTableOf(
    layout([col('id', 'int', { nullable: false }), col('a', 'varchar(10)'), col('g', 'int', { generated: true })], ['id']),
  );
  assert.equal(deleteStatement(keyed, ['1', "'x'", '2']), 'DELETE FROM `d`.`t` WHERE `id`=1;');
  assert.equal(insertStatement(keyed, ['1', null, '2']), 'INSERT INTO `d`.`t`(`id`,`a`) VALUES(1,NULL);');
  assert.equal(updateStatement(keyed, ['1', "'x'", '2'], ['2', "'y'", '4'], false), "UPDATE `d`.`t` SET `id`=1, `a`='x' WHERE `id`=2;");
  assert.equal(updateStatement(keyed, ['1', "'x'", '2'], ['1', "'y'", '2'], true), "UPDATE `d`.`t` SET `a`='x' WHERE `id`=1;");
  assert.equal(updateStatement(keyed, ['1', "'x'", '2'], ['1', "'x'", '3'], true), null);

  const unkeyed = rollbackTableOf(layout([col('a', 'int'), col('b', 'text'), col('g', 'int', { generated: true })], []));
  assert.equal(deleteStatement(unkeyed, ['1', null, '5']), 'DELETE FROM `d`.`t` WHERE `a`=1 AND `b` IS NULL LIMIT 1;');
  assert.equal(updateStatement(unkeyed, ['1', "'b'", '5'], ['2', "'b'", '6'], false), "UPDATE `d`.`t` SET `a`=1, `b`='b' WHERE `a`=2 AND `b`='b' LIMIT 1;");

  const nullableKey = rollbackTableOf(layout([col('u', 'int'), col('v', 'int')], ['u']));
  assert.equal(deleteStatement(nullableKey, ['3', '4']), 'DELETE FROM `d`.`t` WHERE `u`=3 LIMIT 1;');
  assert.equal(deleteStatement(nullableKey, [null, '4']), 'DELETE FROM `d`.`t` WHERE `u` IS NULL AND `v`=4 LIMIT 1;');

  const odd = rollbackTableOf({ db: 'we`ird', name: "t'x", columns: [col('c`1', 'int', { nullable: false })], keyColumns: ['c`1'] });
  assert.equal(deleteStatement(odd, ['1']), "DELETE FROM `we``ird`.`t'x` WHERE `c``1`=1;");
});
