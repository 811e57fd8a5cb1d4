// What Archery does with our `--masking=1` answer, so tests can assert which result columns a user ends up
// seeing masked (docs/result-modes.md, "Masking"). Written from the observable behaviour of Archery's query page
// (its data-masking module), in our own words:
//
// 1. It counts the UNION keywords at the top level of the query (a sqlparse statement's own tokens: anything in
//    parentheses is one grouped token and is not looked into; `UNION ALL` is one keyword; INTERSECT and EXCEPT are
//    not counted).
// 2. Only when that count is non-zero it "removes repeated entries": it keeps the entries whose `field` occurs
//    more than once in the whole list (original order), and of those only the first floor(n / (unions + 1)).
//    Nothing else about an entry (table, schema, index) takes part.
// 3. Every remaining entry whose schema.table.field has a masking rule masks result column `index` of every row.

import type { MaskingColumn } from '../../src/batch/modes/masking.js';
import { Lexer } from '../../src/sql/lex.js';

/** One entry of inceptor's masking answer, as Archery reads it. */
export type MaskingEntry = MaskingColumn;

/** Step 1: UNION keywords outside any parentheses. */
export function topLevelUnionCount(sql: string): number {
  const lexer = new Lexer(sql);
  let depth = 0;
  let count = 0;
  for (let t = lexer.next(); t; t = lexer.next()) {
    if (t.type === 'punct' && t.text === '(') depth++;
    else if (t.type === 'punct' && t.text === ')') depth--;
    else if (depth === 0 && t.type === 'word' && t.value === 'UNION') count++;
  }
  return count;
}

/** Step 2: Archery's de-duplication (applied only when the query has a top-level UNION). */
export function archeryDedup(entries: readonly MaskingEntry[], unions: number): MaskingEntry[] {
  if (unions === 0) return [...entries];
  const perField = new Map<string, number>();
  for (const e of entries) perField.set(e.field, (perField.get(e.field) ?? 0) + 1);
  const repeated = entries.filter((e) => (perField.get(e.field) ?? 0) > 1);
  return repeated.slice(0, Math.floor(repeated.length / (unions + 1)));
}

/**
 * Steps 1–3: the result-column positions Archery masks for `sql`, given our entries and its masking rules as
 * `schema.table.field` strings. Sorted, without repeats.
 */
export function archeryMaskedColumns(sql: string, entries: readonly MaskingEntry[], rules: readonly string[]): number[] {
  const ruled = new Set(rules);
  const kept = archeryDedup(entries, topLevelUnionCount(sql));
  const hit = kept.filter((e) => ruled.has(`${e.schema}.${e.table}.${e.field}`)).map((e) => e.index);
  return [...new Set(hit)].sort((a, b) => a - b);
}
