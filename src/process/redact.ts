// Secrets must never reach the processlist (or a log line): a statement's text may carry the magic comment
// with the target password, an `inception set backup_password = …`, or an account statement of the target.
// What docs/security.md "Redaction" lists is masked here.

import { maskPasswordOptions } from '../options/magic-comment.js';

const MASK = '***';

const QUOTED = String.raw`(?:'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*")`;
const QUOTED_OR_BARE = String.raw`(?:${QUOTED}|(?:(?!\*\/)[^\s,;])+)`;
/** `backup_password = x`, `password = 'x'` (SET PASSWORD = 'x' too). */
const PASSWORD_ASSIGNMENT = new RegExp(String.raw`(\b[\w]*password\s*=\s*)${QUOTED_OR_BARE}`, 'gi');
/** `SET PASSWORD FOR u@h = 'x'`. */
const SET_PASSWORD_FOR = new RegExp(String.raw`(\bset\s+password\s+for\s+[^=;]*?=\s*)${QUOTED}`, 'gi');
/** `PASSWORD('x')`, `OLD_PASSWORD('x')`: the function form in SET PASSWORD and `IDENTIFIED VIA … USING PASSWORD('x')`. */
const PASSWORD_FUNCTION = new RegExp(String.raw`(\b(?:old_)?password\s*\(\s*)${QUOTED}`, 'gi');
/** `IDENTIFIED [WITH plugin] BY [PASSWORD] 'x'`, `IDENTIFIED WITH plugin AS 'hash'`. */
const IDENTIFIED_BY = new RegExp(String.raw`(\bidentified\s+(?:with\s+\S+\s+)?(?:by|as)\s+(?:password\s+)?)${QUOTED_OR_BARE}`, 'gi');
/** MariaDB: `IDENTIFIED VIA plugin USING 'x'` (and `OR plugin USING 'y'`). */
const USING_STRING = new RegExp(String.raw`(\b(?:via|with|or)\s+[\w\`'"]+\s+using\s+)${QUOTED}`, 'gi');

/** The statement text with every password value replaced by `***`. */
export function redactSecrets(text: string): string {
  if (!/pass|identified/i.test(text)) return text;
  return text
    .replace(/\/\*([\s\S]*?)(\*\/|$)/g, (_m, body: string, end: string) => `/*${maskPasswordOptions(body, MASK)}${end}`)
    .replace(SET_PASSWORD_FOR, `$1${MASK}`)
    .replace(PASSWORD_FUNCTION, `$1${MASK}`)
    .replace(PASSWORD_ASSIGNMENT, `$1${MASK}`)
    .replace(IDENTIFIED_BY, `$1${MASK}`)
    .replace(USING_STRING, `$1${MASK}`);
}

/** The first `max` characters (code points, so an emoji is never cut in half). */
export function truncateChars(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}
