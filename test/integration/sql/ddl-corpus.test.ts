// The DDL corpus (test/unit/sql/corpus): every statement MariaDB 10.11 accepts runs there, in order; the whole
// corpus, MySQL-8-only statements included, is audited through inceptor in one check batch without a crash or a
// syntax-error row, and each statement carries the DDL model.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Value } from '../../../src/protocol/result.js';
import { parseStatement } from '../../../src/sql/parse.js';
import { batchHarness } from '../../support/batch.js';
import { directConnection, freshDatabase, testDb } from '../../support/mariadb.js';
import { CORPUS_DATABASE, loadCorpus } from '../../unit/sql/corpus/corpus.js';

const corpus = loadCorpus();
/** Databases the corpus creates besides its own. */
const OTHERS = ['corpus_shop', 'corpus_logs', 'corpus_tmp', 'corpus_tmp2', 'corpus_commented', 'corpus_enc', '127_0_0_1_3306_corpus'];

async function dropAll(): Promise<void> {
  const c = await directConnection();
  for (const db of OTHERS) await c.query(`drop database if exists \`${db}\``);
  await c.end();
}

before(dropAll);
after(async () => {
  await dropAll();
  const c = await directConnection();
  await c.query(`drop database if exists \`${CORPUS_DATABASE}\``);
  await c.end();
});

test('the corpus: at least 300 statements, every one parses into the DDL model', () => {
  assert.ok(corpus.length >= 300, `${corpus.length} statements`);
  for (const s of corpus) {
    const r = parseStatement(s.sql);
    assert.ok(r.ok, `line ${s.line}: ${r.ok ? '' : r.message}`);
    assert.ok(r.statement.ddl, `line ${s.line}: no model (${r.statement.kind})`);
  }
});

test('MariaDB accepts every statement not marked MySQL-8-only, in order, and refuses the marked ones', async () => {
  await freshDatabase(CORPUS_DATABASE);
  const c = await directConnection(CORPUS_DATABASE);
  try {
    for (const s of corpus) {
      if (s.mysql8) {
        await c.query(s.sql).then(
          () => assert.fail(`line ${s.line} is marked MySQL-8-only but MariaDB accepts it`),
          () => undefined,
        );
      } else {
        await c.query(s.sql).catch((err: Error) => assert.fail(`line ${s.line}: ${err.message}\n${s.sql}`));
      }
    }
  } finally {
    await c.end();
  }
});

test('the whole corpus audits through inceptor in one check batch: a row each, no syntax error', async () => {
  await dropAll();
  await freshDatabase(CORPUS_DATABASE);
  const db = await testDb();
  const text =
    `/*--user='${db.user}';--password='${db.password}';--host='${db.host}';--port=${db.port};--check=1;*/\n` +
    `inception_magic_start;\nuse ${CORPUS_DATABASE};\n${corpus.map((s) => s.sql).join(';\n')};\ninception_magic_commit;`;
  const result = await batchHarness().run(text);
  assert.equal(result.kind, 'rows');
  if (result.kind !== 'rows') return;
  const rows = result.rows as Value[][];
  assert.equal(rows.length, corpus.length + 1, 'a row for `use` and each statement');
  for (const row of rows) {
    assert.equal(row[1], 'CHECKED', `${String(row[5])}: ${String(row[4])}`);
    assert.doesNotMatch(String(row[4] ?? ''), /^line \d+ column \d+ near/, String(row[5]));
  }
});
