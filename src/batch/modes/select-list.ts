// The select list of one SELECT as written. An unaliased expression column is named by its text exactly as the
// client wrote it (docs/result-modes.md, "Masking"), so the text is sliced from the statement, never re-printed
// from the AST (which would change spacing, case and quoting).

import { Lexer } from '../../sql/lex.js';

/** Words that end a select list at parenthesis depth 0. */
const LIST_END = new Set([
  'FROM', 'INTO', 'WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'UNION', 'EXCEPT', 'INTERSECT', 'FOR', 'LOCK', 'PROCEDURE',
]);
/** Modifiers between SELECT and the first item. */
const SELECT_OPTIONS = new Set([
  'ALL', 'DISTINCT', 'DISTINCTROW', 'HIGH_PRIORITY', 'STRAIGHT_JOIN', 'SQL_SMALL_RESULT', 'SQL_BIG_RESULT', 'SQL_BUFFER_RESULT',
  'SQL_CACHE', 'SQL_NO_CACHE', 'SQL_CALC_FOUND_ROWS',
]);

/**
 * The text of each select-list item of the SELECT that starts at `offset` of `sql` (the offset may point at a
 * leading `(` or a WITH clause; the SELECT of the same depth is used). Null when the text does not look like a
 * select list there.
 */
export function selectListTexts(sql: string, offset: number): string[] | null {
  const lexer = new Lexer(sql, offset);
  let t = lexer.next();
  let lead = 0;
  while (t?.type === 'punct' && t.text === '(') {
    lead++;
    t = lexer.next();
  }
  let depth = lead;
  while (t && !(depth === lead && t.type === 'word' && t.value === 'SELECT')) {
    if (t.type === 'punct' && t.text === '(') depth++;
    if (t.type === 'punct' && t.text === ')' && --depth < lead) return null;
    t = lexer.next();
  }
  if (!t) return null;
  t = lexer.next();
  while (t?.type === 'word' && SELECT_OPTIONS.has(t.value)) t = lexer.next();
  const items: string[] = [];
  let first: number | null = null;
  let last = 0;
  depth = 0;
  for (; t; t = lexer.next()) {
    if (t.type === 'punct') {
      if (t.text === ')' && depth === 0) break;
      if (depth === 0 && t.text === ';') break;
      if (depth === 0 && t.text === ',') {
        if (first === null) return null;
        items.push(sql.slice(first, last));
        first = null;
        continue;
      }
      if (t.text === '(') depth++;
      if (t.text === ')') depth--;
    } else if (depth === 0 && t.type === 'word' && LIST_END.has(t.value)) {
      break;
    }
    first ??= t.start;
    last = t.end;
  }
  if (first === null) return null;
  items.push(sql.slice(first, last));
  return items;
}
