// Archery's query page and OSC buttons through mysqlclient (MySQLdb), as Archery sends them: masking of a UNION
// (which columns end up masked after Archery's own de-duplication, test/support/archery-masking.ts), expression
// aliases, and the OSC commands (docs/result-modes.md).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { directConnection, freshDatabase, testDb, type TestDb } from '../../support/mariadb.js';
import { archeryMaskedColumns, type MaskingEntry } from '../../support/archery-masking.js';
import { startTestInceptor, type RunningInceptor } from './inceptor-under-test.js';
import { mysqldbProbe, type QueryOutcome } from './probes.js';

const DB = 'clients_archery_query';
/** Archery's masking rules (schema.table.column). */
const RULES = [`${DB}.users.phone`, `${DB}.orders.card`];

let db: TestDb;
let inceptor: RunningInceptor;

before(async () => {
  db = await testDb();
  await freshDatabase(DB);
  const c = await directConnection(DB);
  try {
    await c.query('create table users (id int primary key, name varchar(20), phone varchar(11))');
    await c.query('create table orders (id bigint primary key, user_id int, card varchar(19))');
    await c.query("insert into users values (1, 'ann', '13800000001'), (2, 'bob', '13800000002')");
    await c.query("insert into orders values (10, 1, '6222000011112222')");
  } finally {
    await c.end();
  }
  inceptor = await startTestInceptor();
});

after(async () => {
  await inceptor?.close();
  const c = await directConnection();
  await c.query(`drop database if exists \`${DB}\``);
  await c.end();
});

/** Archery's masking envelope (values unquoted; the query keeps its own `;`). */
function maskingEnvelope(sql: string): string {
  return (
    `/*--user=${db.user};--password=${db.password};--host=${db.host};--port=${db.port};--masking=1;*/\n` +
    `inception_magic_start; use \`${DB}\`; ${sql}; inception_magic_commit;`
  );
}

async function viaMysqldb(queries: string[]): Promise<QueryOutcome[]> {
  const outcome = await mysqldbProbe({ port: inceptor.port, user: 'archery', password: 'archerypw', queries });
  assert.ok('results' in outcome, JSON.stringify(outcome));
  return outcome.results;
}

/** What Archery reads from a masking answer: row 0, errlevel 0 and errmsg None, then query_tree as JSON. */
function maskingEntries(result: QueryOutcome | undefined): MaskingEntry[] {
  assert.ok(result && 'columns' in result, JSON.stringify(result));
  assert.deepEqual(result.columns, ['id', 'statement', 'errlevel', 'query_tree', 'errmsg']);
  const [row] = result.rows;
  assert.ok(row, 'row 0 exists');
  assert.deepEqual([row[2], row[4]], ['0', null], JSON.stringify(row));
  return JSON.parse(row[3]!) as MaskingEntry[];
}

describe('masking on Archery\'s query page', () => {
  const cases: [string, number[]][] = [
    // Archery's own example (a limit appended by its query page)
    ['select phone from users union all select phone from users limit 100', [0]],
    // the masked column comes only from the second branch, from another table
    ['select id, name from users union all select user_id, card from orders', [1]],
    ['select name, id from users union select card, user_id from orders', [0]],
    ['select * from users union select id, card, user_id from orders', [1, 2]],
    ['select name from users intersect select phone from users', [0]],
    ['select name from users except select card from orders', [0]],
    ['(select name from users) union all (select phone from users)', [0]],
    ['select name from users union (select id from orders union select card from orders)', [0]],
    ['select x.n from (select name n from users union all select card from orders) x', [0]],
    ['with c as (select id, name from users union select id, phone from users) select * from c', [1]],
    ['select id, name from users union select id, user_id from orders', []],
  ];

  test('the masked result columns after Archery\'s de-duplication', async () => {
    const results = await viaMysqldb(cases.map(([sql]) => maskingEnvelope(sql)));
    cases.forEach(([sql, expected], i) => {
      assert.deepEqual(archeryMaskedColumns(sql, maskingEntries(results[i]), RULES), expected, sql);
    });
  });

  test('no phone number reaches the page unmasked for a UNION ALL', async () => {
    const sql = 'select name, id from users union all select phone, id from users';
    const [result] = await viaMysqldb([maskingEnvelope(sql)]);
    const masked = archeryMaskedColumns(sql, maskingEntries(result), RULES);
    const c = await directConnection(DB);
    try {
      const [rows] = await c.query({ sql, rowsAsArray: true });
      const shown = (rows as unknown[][]).map((row) => row.map((v, i) => (masked.includes(i) ? '***' : String(v))));
      assert.equal(shown.length, 4);
      assert.ok(!shown.flat().some((v) => /^138/.test(v)), JSON.stringify(shown));
    } finally {
      await c.end();
    }
  });

  test('an unaliased expression carries its text as written as alias', async () => {
    const sql = 'select ifnull(name,card), u.id from users u join orders o on o.user_id = u.id';
    const entries = maskingEntries((await viaMysqldb([maskingEnvelope(sql)]))[0]);
    assert.deepEqual(
      entries.map((e) => `${e.index}:${e.table}.${e.field}:${e.alias}`),
      ['0:users.name:ifnull(name,card)', '0:orders.card:ifnull(name,card)', '1:users.id:id'],
    );
  });
});

describe('OSC commands from Archery\'s progress and OSC-control buttons', () => {
  const SHA1 = '*5D4C4A1B3E2F0A9B8C7D6E5F4A3B2C1D0E9F8A7B';

  test('get osc_percent: an empty set with the columns Archery reads, and a warning', async () => {
    const [percent, warnings, again, , cleared, list] = await viaMysqldb([
      `inception get osc_percent '${SHA1}';`,
      'SHOW WARNINGS',
      'SHOW WARNINGS',
      'select @@version_comment',
      'SHOW WARNINGS',
      'inception get osc processlist;',
    ]);
    assert.deepEqual(percent, { columns: ['DBNAME', 'TABLENAME', 'SQLSHA1', 'PERCENT', 'REMAINTIME', 'INFOMATION'], rows: [] });
    assert.deepEqual(warnings, { columns: ['Level', 'Code', 'Message'], rows: [['Warning', '1105', 'osc process not found']] });
    assert.deepEqual(again, warnings, 'SHOW WARNINGS leaves the warnings in place');
    assert.deepEqual(cleared && 'rows' in cleared && cleared.rows, [], 'any other statement clears them');
    assert.deepEqual(list, { columns: ['DBNAME', 'TABLENAME', 'COMMAND', 'SQLSHA1', 'PERCENT', 'REMAINTIME', 'INFOMATION'], rows: [] });
  });

  test('kill / stop / pause / resume of an unknown sqlsha1: error 1105 osc process not found', async () => {
    const commands = [`inception kill osc '${SHA1}';`, `inception stop alter '${SHA1}';`, `inception pause osc '${SHA1}';`, `inception resume osc '${SHA1}';`];
    for (const [i, outcome] of (await viaMysqldb(commands)).entries()) {
      assert.ok('error' in outcome, commands[i]);
      assert.deepEqual([outcome.error.code, outcome.error.message], [1105, 'osc process not found'], commands[i]);
    }
  });

  test('INCEPTION GET VARIABLES still lists osc_on / ghost_on, with a note that they have no effect', async () => {
    const [vars, notes] = await viaMysqldb(['INCEPTION GET VARIABLES', 'SHOW WARNINGS']);
    assert.ok(vars && 'columns' in vars);
    const values = new Map(vars.rows.map((r) => [r[0], r[1]]));
    assert.deepEqual([values.get('osc_on'), values.get('ghost_on')], ['false', 'false']);
    assert.deepEqual(notes && 'rows' in notes && notes.rows, [['Note', '1105', 'osc_on and ghost_on are accepted but have no effect yet: inceptor does not run pt-osc or gh-ost']]);
  });
});
