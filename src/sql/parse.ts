// parseStatement: node-sql-parser first, our recognisers for what it lacks, and a MySQL/TiDB-style syntax
// error otherwise (docs/batch.md).

import { astify, type NodeParserFailure } from './node-parser.js';
import { insertFromTemplate, learnInsertTemplate } from './insert-template.js';
import { kindOfAst } from './kind.js';
import { tokenLengthAt } from './lex.js';
import { recognise, recogniseInsertCountMismatch, recogniseUpdateAndAssignment } from './recognise.js';
import type { ParseResult } from './statement.js';

export const NEAR_TEXT_MAX = 2048;
/** goInception's message for text that parses to no statement (and is not a comment). */
export const EMPTY_PARSE_MESSAGE = '解析失败! 可能是解析器bug,请联系作者.';

export function parseStatement(text: string): ParseResult {
  const fast = insertFromTemplate(text);
  if (fast) return { ok: true, statement: fast };
  const parsed = astify(text);
  if (parsed.ok) {
    if (parsed.asts.length === 1) {
      const ast = parsed.asts[0];
      const kind = kindOfAst(ast);
      if (kind === 'insert') learnInsertTemplate(text, ast);
      return { ok: true, statement: { text, kind, ast } };
    }
    if (parsed.asts.length === 0) return { ok: false, message: EMPTY_PARSE_MESSAGE };
    // Several statements in one piece: the splitter should not produce this; report it at the second one.
    return { ok: false, message: syntaxErrorMessage(text, { message: '', offset: null, line: null, column: null }) };
  }
  if (/column count doesn't match value count/i.test(parsed.failure.message)) {
    const fixed = recogniseInsertCountMismatch(text);
    if (fixed) return { ok: true, statement: { text, ...fixed } };
  }
  const andAssignment = recogniseUpdateAndAssignment(text);
  if (andAssignment) return { ok: true, statement: { text, ...andAssignment } };
  const own = recognise(text);
  if (own) return { ok: true, statement: { text, ...own } };
  return { ok: false, message: syntaxErrorMessage(text, parsed.failure) };
}

/**
 * `line L column C near "<rest>" `, TiDB-style: `rest` is the text from the offending token (max 2048 chars),
 * `C` the 0-based column just after that token (where TiDB's scanner stands when it gives up).
 */
export function syntaxErrorMessage(text: string, failure: NodeParserFailure): string {
  if (failure.offset === null || failure.line === null || failure.column === null) {
    return `line 1 column 0 near "${text.slice(0, NEAR_TEXT_MAX)}" `;
  }
  const column = failure.column - 1 + tokenLengthAt(text, failure.offset);
  return `line ${failure.line} column ${column} near "${text.slice(failure.offset, failure.offset + NEAR_TEXT_MAX)}" `;
}
