// The DDL corpus (test/unit/sql/corpus) audited as one batch with every rule and every optional check on: no
// statement crashes the engine, and every message is a formatted text (no unfilled verb, no unknown code).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RuleTester } from '../../support/rule-tester.js';
import { loadCorpus } from '../sql/corpus/corpus.js';

test('every corpus statement audits; messages are complete', async () => {
  const corpus = loadCorpus();
  assert.ok(corpus.length >= 300, `corpus has ${corpus.length} statements`);
  const tester = new RuleTester({ db: null, databases: ['corpus'] });
  const outcomes = await tester.auditBatch('*', ['use corpus', ...corpus.map((c) => c.sql)], {
    inc: {
      check_column_comment: true,
      check_table_comment: true,
      check_primary_key: true,
      check_column_default_value: true,
      check_identifier: true,
      check_identifier_lower: true,
      check_float_double: true,
      check_autoincrement_datatype: true,
      check_autoincrement_init_value: true,
      check_autoincrement_name: true,
      enable_autoincrement_unsigned: true,
      enable_nullable: false,
      max_char_length: 20,
      max_column_count: 10,
      table_prefix: 'corpus_',
      custom_keywords: ['NAME'],
      enable_drop_table: true,
      enable_drop_database: true,
    },
  });
  let messages = 0;
  for (const [i, out] of outcomes.entries()) {
    for (const m of out.messages) {
      messages++;
      assert.doesNotMatch(m, /%!|Invalid error code/, `statement ${i}: ${m}`);
    }
  }
  assert.ok(messages > 0, 'the corpus raises messages');
});
