// The statements after `inception_magic_start`, one at a time (docs/wire.md#what-happens-to-a-com_query,
// docs/options.md, docs/batch.md). A generator, so the check stage parses and audits in one walk as goInception
// does: a statement is parsed only when the ones before it have been audited, and what ends the walk (commit,
// missing commit, parse error, second start) is its return value.

import { parseLocalCommand } from '../commands/parse.js';
import type { LocalCommand } from '../commands/types.js';
import { ER, mysqlError } from '../protocol/result.js';
import { isSpaceCode, skipSpaceAndComments } from '../sql/lex.js';
import { parseStatement } from '../sql/parse.js';
import type { ParsedStatement } from '../sql/statement.js';
import type { SqlPiece } from './splitter.js';

export type BatchItem =
  | { kind: 'statement'; piece: SqlPiece; statement: ParsedStatement }
  /** `inception set …` inside the batch: applies to the batch's settings copy. */
  | { kind: 'set'; piece: SqlPiece; command: Extract<LocalCommand, { kind: 'set_variables' | 'set_level' }> };

export type BatchEnd =
  | { kind: 'commit' }
  | { kind: 'missing_commit' }
  | { kind: 'parse_error'; text: string; message: string }
  | { kind: 'begin_twice'; text: string };

/**
 * A local command other than `inception set` inside a batch fails the whole request
 * (docs/wire.md#what-happens-to-a-com_query).
 */
export const MIXED_OPERATIONS_MESSAGE = '无效操作!不支持本地操作和远程操作混用!';
export const BEGIN_TWICE_MESSAGE =
  "Have you begin twice? Or you didn't commit last time, if so, you can execute commit explicitly.";
export const MUST_START_MESSAGE = 'Must start as begin statement.';
export const MUST_END_MESSAGE = 'Must end with commit.';

const MARKER_START = 'inception_magic_start';
const MARKER_COMMIT = 'inception_magic_commit';

/** The start/commit markers, recognised after any leading comments (the magic comment precedes the start). */
export function markerOf(text: string): 'start' | 'commit' | null {
  // most pieces are statements: rule them out by length before copying and lower-casing the text
  const from = skipSpaceAndComments(text);
  let to = text.length;
  while (to > from && isSpaceCode(text.charCodeAt(to - 1))) to--;
  if (to - from !== MARKER_START.length && to - from !== MARKER_COMMIT.length) return null;
  const bare = stripLeadingComments(text).toLowerCase();
  if (bare === MARKER_START) return 'start';
  if (bare === MARKER_COMMIT) return 'commit';
  return null;
}

/** The text after its leading whitespace and comments (from an unterminated `/*` on, it is kept), trimmed. */
export function stripLeadingComments(text: string): string {
  return text.slice(skipSpaceAndComments(text)).trimEnd();
}

/**
 * Walks `pieces` (everything after the start statement). Throws the 1105 ERR when a local command other than
 * `inception set` appears: goInception fails the whole request then.
 */
export function* batchItems(pieces: readonly SqlPiece[]): Generator<BatchItem, BatchEnd, void> {
  for (const piece of pieces) {
    const marker = markerOf(piece.text);
    if (marker === 'commit') return { kind: 'commit' };
    if (marker === 'start') return { kind: 'begin_twice', text: piece.text };
    const local = parseLocalCommand(piece.text);
    if (local) {
      if (local.kind === 'set_variables' || local.kind === 'set_level') {
        yield { kind: 'set', piece, command: local };
        continue;
      }
      throw mysqlError(ER.UNKNOWN, MIXED_OPERATIONS_MESSAGE);
    }
    const parsed = parseStatement(piece.text);
    if (!parsed.ok) return { kind: 'parse_error', text: piece.text, message: parsed.message };
    yield { kind: 'statement', piece, statement: parsed.statement };
  }
  return { kind: 'missing_commit' };
}
