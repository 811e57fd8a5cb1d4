// Secrets must never reach the processlist (or a log line): a statement's text may carry the magic comment
// with the target password, or an `inception set backup_password = …`.

const MASK = '***';

/** Masks every `password` option inside `/* … *\/` comments, using the magic comment's key normalisation. */
function maskCommentOptions(body: string): string {
  return body
    .split(';')
    .map((piece) => {
      const eq = piece.indexOf('=');
      if (eq < 0) return piece;
      const key = piece.slice(0, eq).replace(/remote/gi, '').replace(/[-_\s]/g, '').toLowerCase();
      return key.endsWith('password') ? `${piece.slice(0, eq + 1)}${MASK}` : piece;
    })
    .join(';');
}

const QUOTED_OR_BARE = String.raw`(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|(?:(?!\*\/)[^\s,;])+)`;
const PASSWORD_ASSIGNMENT = new RegExp(String.raw`(\b[\w]*password\s*=\s*)${QUOTED_OR_BARE}`, 'gi');
const IDENTIFIED_BY = new RegExp(String.raw`(\bidentified\s+(?:with\s+\S+\s+)?(?:by|as)\s+(?:password\s+)?)${QUOTED_OR_BARE}`, 'gi');

/** The statement text with every password value replaced by `***`. */
export function redactSecrets(text: string): string {
  if (!/password|identified/i.test(text)) return text;
  return text
    .replace(/\/\*([\s\S]*?)(\*\/|$)/g, (_m, body: string, end: string) => `/*${maskCommentOptions(body)}${end}`)
    .replace(PASSWORD_ASSIGNMENT, `$1${MASK}`)
    .replace(IDENTIFIED_BY, `$1${MASK}`);
}

/** The first `max` characters (code points, so an emoji is never cut in half). */
export function truncateChars(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}
