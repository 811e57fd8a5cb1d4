// Splits one COM_QUERY text into statements with a small lexer (docs/batch.md).
// goInception splits line by line and only counts single quotes; we lex quotes, backticks, comments and DELIMITER
// properly, so `;` inside strings, identifiers and the magic comment never cuts a statement.
// Quotes and comments are skipped by the lexer's one rule for each (`quotedEnd`, `commentEnd` in sql/lex.ts).
// Pure and linear in the input: one pass over char codes, one slice per statement, line numbers counted by a
// cursor that only moves forward. `splitStatementsInTurns` lets other connections run during a long split.

import { COMMENT_START, commentEnd, quotedEnd } from '../sql/lex.js';
import { runAtOnce, runInTurns } from '../turns.js';

export interface SqlPiece {
  /** The statement's original text, trimmed of space, `;`, \t\n\v\f\r and U+00A0. */
  text: string;
  /** Offset of `text` in the input. */
  offset: number;
  /** 1-based line of the first character of `text`. */
  line: number;
}

const NL = 10;
const SQUOTE = 39;
const DQUOTE = 34;
const BACKTICK = 96;
const STAR = 42;
const BANG = 33;

/** Characters trimmed from both ends of a statement (docs/batch.md). */
function isTrimmed(code: number): boolean {
  return code === 32 || code === 59 || (code >= 9 && code <= 13) || code === 0xa0;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

export function trimStatement(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isTrimmed(text.charCodeAt(start))) start++;
  while (end > start && isTrimmed(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

export function splitStatements(input: string): SqlPiece[] {
  return runAtOnce(splitSteps(input));
}

/** The same split, yielding to the event loop every few milliseconds (docs/security.md "Event loop"). */
export function splitStatementsInTurns(input: string): Promise<SqlPiece[]> {
  return runInTurns(splitSteps(input));
}

/** Characters scanned between two pause points (a pause point is one cheap counter test). */
const STEP_CHARS = 1 << 15;

function* splitSteps(input: string): Generator<void, SqlPiece[], void> {
  const pieces: SqlPiece[] = [];
  const n = input.length;
  // A local alias: the hot loop reads the table per character, and reads of an imported binding here cost more.
  const commentStart = COMMENT_START;
  let delimiter = ';';
  let pieceStart = 0;
  /** True once the current piece holds anything but whitespace and plain comments. */
  let hasContent = false;
  let i = 0;
  let atLineStart = true;

  const lines: LineCursor = { line: 1, nextNewline: nextNewlineFrom(input, 0) };
  let pauseAt = STEP_CHARS;
  const closePiece = (end: number, next: number): void => {
    if (hasContent) pushPiece(pieces, input, pieceStart, end, lines);
    pieceStart = next;
    hasContent = false;
  };

  while (i < n) {
    if (i >= pauseAt) {
      yield;
      pauseAt = i + STEP_CHARS;
    }
    const c = input.charCodeAt(i);

    // DELIMITER xx: a client-side command on its own line, only between statements.
    if (atLineStart && !hasContent && (c === 68 || c === 100) && isDelimiterCommand(input, i)) {
      const lineEnd = endOfLine(input, i);
      const arg = input.slice(i + 9, lineEnd).trim();
      const token = arg.split(/\s+/)[0] ?? '';
      if (token !== '') delimiter = token;
      i = lineEnd;
      pieceStart = i;
      continue;
    }
    if (c === NL) {
      atLineStart = true;
      i++;
      continue;
    }
    if (atLineStart && !isSpace(c)) atLineStart = false;

    if (c === SQUOTE || c === DQUOTE || c === BACKTICK) {
      hasContent = true;
      const end = quotedEnd(input, i);
      i = end < 0 ? n : end;
      continue;
    }
    const afterComment = c < 128 && commentStart[c] === 1 ? commentEnd(input, i) : i;
    if (afterComment !== i) {
      // `/*! … */` is executable text in MySQL, so it counts as content.
      if (input.charCodeAt(i + 1) === STAR && input.charCodeAt(i + 2) === BANG) hasContent = true;
      i = afterComment < 0 ? n : afterComment;
      continue;
    }
    if (c === delimiter.charCodeAt(0) && input.startsWith(delimiter, i)) {
      closePiece(i, i + delimiter.length);
      i += delimiter.length;
      continue;
    }
    if (!isSpace(c) && c !== 0xa0) hasContent = true;
    i++;
  }
  closePiece(n, n);
  return pieces;
}

function pushPiece(pieces: SqlPiece[], input: string, start: number, end: number, lines: LineCursor): void {
  let s = start;
  let e = end;
  while (s < e && isTrimmed(input.charCodeAt(s))) s++;
  while (e > s && isTrimmed(input.charCodeAt(e - 1))) e--;
  if (s === e) return;
  pieces.push({ text: input.slice(s, e), offset: s, line: lineAt(input, s, lines) });
}

/**
 * Pieces arrive in order, so the cursor only moves forward: it remembers the next newline not yet counted, and
 * every newline of the input is looked for once (a one-line text of 100k statements costs one scan, not 100k).
 */
interface LineCursor {
  line: number;
  /** Index of the first newline not yet counted; the input length when there is none. */
  nextNewline: number;
}

function nextNewlineFrom(input: string, from: number): number {
  const nl = input.indexOf('\n', from);
  return nl < 0 ? input.length : nl;
}

function lineAt(input: string, offset: number, cursor: LineCursor): number {
  while (cursor.nextNewline < offset) {
    cursor.line++;
    cursor.nextNewline = nextNewlineFrom(input, cursor.nextNewline + 1);
  }
  return cursor.line;
}

function endOfLine(input: string, from: number): number {
  const nl = input.indexOf('\n', from);
  return nl < 0 ? input.length : nl;
}

function isDelimiterCommand(input: string, at: number): boolean {
  if (input.slice(at, at + 9).toLowerCase() !== 'delimiter') return false;
  const next = input.charCodeAt(at + 9);
  return next === 32 || next === 9;
}
