// The rule registry and the declared message order stay consistent with the rule files and their tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { codeDef } from '../../../src/codes/catalogue.js';
import { ESTIMATE, MESSAGE_ORDER, PLAN, RESOLVE, rankOf } from '../../../src/audit/order.js';
import { RULES } from '../../../src/audit/rules/index.js';
import type { StatementKind } from '../../../src/sql/statement.js';

test('the registry is sorted by id; each id is a rule file with its own test file', () => {
  const ids = [...RULES.keys()];
  assert.deepEqual(ids, [...ids].sort());
  for (const id of ids) {
    assert.ok(existsSync(`src/audit/rules/${id}.ts`), id);
    assert.ok(existsSync(`test/unit/audit/rules/${id}.test.ts`), `${id} has no test file`);
    const code = RULES.get(id)!.code;
    if (code !== null) assert.ok(codeDef(code), `${id}: unknown code ${code}`);
  }
});

test('every rule is placed in the declared order of each kind it runs on; refusals come first', () => {
  for (const [id, rule] of RULES) {
    for (const kind of rule.on) {
      const rank = rankOf(kind, id);
      assert.ok(rank, `${id} is not in MESSAGE_ORDER.${kind}`);
      if (rule.refuses) {
        const resolve = rankOf(kind, RESOLVE)!;
        assert.ok(rank.section === resolve.section && rank.place < resolve.place, `${id}: refusal after RESOLVE`);
      }
    }
  }
  for (const [kind, sections] of Object.entries(MESSAGE_ORDER) as [StatementKind, readonly (readonly string[])[]][]) {
    const entries = sections.flat();
    assert.equal(new Set(entries).size, entries.length, `${kind} lists an entry twice`);
    for (const entry of entries) {
      if (entry === RESOLVE || entry === ESTIMATE || entry === PLAN) continue;
      assert.ok(RULES.get(entry)?.on.includes(kind), `MESSAGE_ORDER.${kind} lists ${entry}, which does not run on it`);
    }
    const refusals = [...RULES.values()].filter((r) => r.refuses && r.on.includes(kind));
    assert.ok(refusals.length <= 1, `${kind} has several refusals`);
  }
});
