// The magic comment in front of `inception_magic_start` (docs/options.md).
// Pure: text in, options or a message out. goInception feeds the normalised lines to a YAML reader, which makes a
// space after `;` lose the whole comment; we parse the same spellings ourselves and trim values instead.

export interface BatchOptions {
  host: string;
  port: number;
  user: string;
  password: string;
  db: string;
  check: boolean;
  execute: boolean;
  backup: boolean;
  ignoreWarnings: boolean;
  /** Milliseconds to pause after statements (capped at 100000). */
  sleep: number;
  /** Pause every N statements; 0 when sleep is off. */
  sleepRows: number;
  trans: number;
  fingerprint: boolean;
  queryPrint: boolean;
  masking: boolean;
  split: boolean;
  realRowCount: boolean;
  /** '' (off), preferred/true, required, verify_ca, verify_identity. */
  ssl: string;
  sslCa: string;
  sslCert: string;
  sslKey: string;
  middlewareExtend: string;
  middlewareDb: string;
  parseHost: string;
  parsePort: number;
}

export type MagicCommentResult = { ok: true; options: BatchOptions } | { ok: false; message: string };

export const SLEEP_CAP_MS = 100000;

/** The argument of ER_SQL_INVALID_SOURCE when the comment is missing or unreadable. */
export const SYNTAX_ERROR_ARG = 'inception语法格式错误';

export function invalidSourceMessage(arg: string): string {
  return `Invalid source infomation(${arg}).`;
}

export function defaultOptions(): BatchOptions {
  return {
    host: '',
    port: 0,
    user: '',
    password: '',
    db: '',
    check: false,
    execute: false,
    backup: false,
    ignoreWarnings: false,
    sleep: 0,
    sleepRows: 1,
    trans: 0,
    fingerprint: false,
    queryPrint: false,
    masking: false,
    split: false,
    realRowCount: false,
    ssl: '',
    sslCa: '',
    sslCert: '',
    sslKey: '',
    middlewareExtend: '',
    middlewareDb: '',
    parseHost: '',
    parsePort: 0,
  };
}

type FieldKind = 'string' | 'int' | 'bool';
type OptionField = keyof BatchOptions;

/** Normalised key (no `-`/`_`, lower case) → option field. */
const KEYS: Record<string, [OptionField, FieldKind]> = {
  host: ['host', 'string'],
  port: ['port', 'int'],
  user: ['user', 'string'],
  password: ['password', 'string'],
  db: ['db', 'string'],
  check: ['check', 'bool'],
  execute: ['execute', 'bool'],
  backup: ['backup', 'bool'],
  ignorewarnings: ['ignoreWarnings', 'bool'],
  sleep: ['sleep', 'int'],
  sleeprows: ['sleepRows', 'int'],
  trans: ['trans', 'int'],
  fingerprint: ['fingerprint', 'bool'],
  queryprint: ['queryPrint', 'bool'],
  masking: ['masking', 'bool'],
  split: ['split', 'bool'],
  realrowcount: ['realRowCount', 'bool'],
  ssl: ['ssl', 'string'],
  sslca: ['sslCa', 'string'],
  sslcert: ['sslCert', 'string'],
  sslkey: ['sslKey', 'string'],
  middlewareextend: ['middlewareExtend', 'string'],
  middlewaredb: ['middlewareDb', 'string'],
  parsehost: ['parseHost', 'string'],
  parseport: ['parsePort', 'int'],
};

const TRUE_WORDS = new Set(['1', 'true', 'on', 'yes', 'y', 't']);
const FALSE_WORDS = new Set(['0', 'false', 'off', 'no', 'n', 'f', '']);

/**
 * Reads the options from the start statement's text (`/*--user=…;…*\/ inception_magic_start`).
 * The comment must open the text and close on its first line, as goInception's `^/\*(.*?)\*\/` requires.
 */
export function parseMagicComment(text: string): MagicCommentResult {
  const match = /^\/\*(.*?)\*\//.exec(text.trimStart());
  if (!match) return { ok: false, message: invalidSourceMessage(SYNTAX_ERROR_ARG) };
  const body = match[1]!;
  const options = defaultOptions();
  for (const piece of splitOptionPieces(body)) {
    const error = applyPiece(options, piece);
    if (error) return { ok: false, message: error };
  }
  return { ok: true, options: postProcess(options) };
}

/**
 * Splits on `;`, except that a value opened with a quote runs to its matching quote when that quote is followed by
 * `;` or the end: `--password='p;w'` keeps its semicolon (goInception would cut it; nothing relies on that).
 */
export function splitOptionPieces(body: string): string[] {
  return pieceSpans(body)
    .map(([start, end]) => body.slice(start, end).trim())
    .filter((p) => p !== '');
}

/** Where each `;`-separated piece of a comment body starts and ends (the one cutting rule; see splitOptionPieces). */
function pieceSpans(body: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  let i = 0;
  while (i <= body.length) {
    if (i === body.length || body[i] === ';') {
      spans.push([start, i]);
      start = i + 1;
      i++;
      continue;
    }
    if (body[i] === '=' && body.slice(start, i).indexOf('=') < 0) {
      let j = i + 1;
      while (j < body.length && (body[j] === ' ' || body[j] === '\t')) j++;
      const quote = body[j];
      if (quote === "'" || quote === '"') {
        const close = findQuotedValueEnd(body, j + 1, quote);
        if (close > 0) {
          i = close + 1;
          continue;
        }
      }
    }
    i++;
  }
  return spans;
}

/**
 * The comment body with the value of every piece this reader would take as the password replaced by `mask`.
 * Redaction (process/redact.ts) uses this, so what is masked and what is read as the password cannot disagree.
 */
export function maskPasswordOptions(body: string, mask: string): string {
  let out = '';
  let copied = 0;
  for (const [start, end] of pieceSpans(body)) {
    const piece = body.slice(start, end);
    const eq = piece.indexOf('=');
    if (eq < 0 || KEYS[normaliseKey(piece.slice(0, eq))]?.[0] !== 'password') continue;
    out += body.slice(copied, start + eq + 1) + mask;
    copied = end;
  }
  return out + body.slice(copied);
}

function findQuotedValueEnd(body: string, from: number, quote: string): number {
  for (let k = body.indexOf(quote, from); k >= 0; k = body.indexOf(quote, k + 1)) {
    const rest = body.slice(k + 1);
    if (/^\s*(;|$)/.test(rest)) return k;
  }
  return -1;
}

function applyPiece(options: BatchOptions, piece: string): string | null {
  const eq = piece.indexOf('=');
  let key: string;
  let raw: string;
  if (eq >= 0) {
    key = normaliseKey(piece.slice(0, eq));
    raw = unquote(piece.slice(eq + 1).trim());
  } else {
    const flag = normaliseKey(piece);
    if (flag.startsWith('enable')) {
      key = flag.slice('enable'.length);
      raw = 'true';
    } else if (flag.startsWith('disable')) {
      key = flag.slice('disable'.length);
      raw = 'false';
    } else {
      return null; // a bare word: goInception ignores it
    }
  }
  const spec = KEYS[key];
  if (!spec) return null; // unknown keys are ignored
  const [field, kind] = spec;
  const target = options as unknown as Record<string, string | number | boolean>;
  if (kind === 'string') {
    target[field] = raw;
  } else if (kind === 'int') {
    if (raw === '') {
      target[field] = 0;
    } else if (/^[+-]?\d+$/.test(raw)) {
      target[field] = Number.parseInt(raw, 10);
    } else {
      return `Invalid source infomation(${key}: invalid integer '${raw}').`;
    }
  } else {
    const word = raw.toLowerCase();
    if (TRUE_WORDS.has(word)) target[field] = true;
    else if (FALSE_WORDS.has(word)) target[field] = false;
    else return `Invalid source infomation(${key}: invalid boolean '${raw}').`;
  }
  return null;
}

/**
 * goInception deletes the substring `remote` from the whole comment, so `--enable-remote-backup` means
 * `--enable-backup` — and a password or file path containing "remote" is silently mangled. We delete it from
 * keys only: every spelling keeps its meaning and values arrive as written.
 */
function normaliseKey(key: string): string {
  return key.replace(/[-_\s]/g, '').toLowerCase().replaceAll('remote', '');
}

function unquote(value: string): string {
  if (value.length >= 2) {
    const q = value[0];
    if ((q === "'" || q === '"') && value[value.length - 1] === q) return value.slice(1, -1);
  }
  return value;
}

/** The mode rules of docs/options.md: audit-only modes never execute; sleep bounds. */
function postProcess(o: BatchOptions): BatchOptions {
  if (o.split || o.check || o.queryPrint || o.masking) {
    o.execute = false;
    o.backup = false;
    o.ignoreWarnings = true;
  }
  if (o.split || o.queryPrint) o.check = false;
  if (o.sleep > SLEEP_CAP_MS) o.sleep = SLEEP_CAP_MS;
  if (o.sleep <= 0) {
    o.sleep = 0;
    o.sleepRows = 0;
  } else if (o.sleepRows < 1) {
    o.sleepRows = 1;
  }
  o.ssl = o.ssl.toLowerCase();
  return o;
}

/**
 * The checks goInception makes before connecting. Returns the message for the start row, or null.
 * The TLS files are not looked at here: the target session reads them under the policy of docs/security.md
 * (an existence check here would tell any client which paths exist on this host).
 */
export function validateOptions(o: BatchOptions): string | null {
  const missing: string[] = [];
  if (o.host === '') missing.push('主机名为空');
  if (o.port === 0) missing.push('端口为0');
  if (o.user === '') missing.push('用户名为空');
  if (missing.length > 0) return invalidSourceMessage(missing.join(','));
  if (o.port < 0 || o.port > 65535) return invalidSourceMessage(`端口${o.port}无效`);
  if (o.ssl === 'verify_ca' || o.ssl === 'verify_identity') {
    if (!o.sslCa || !o.sslCert || !o.sslKey) {
      return `--ssl=${o.ssl} needs --ssl-ca, --ssl-cert and --ssl-key.`;
    }
  } else if (!['', 'false', 'disabled', 'preferred', 'true', 'required'].includes(o.ssl)) {
    return `Unknown --ssl mode '${o.ssl}' (use preferred, required, verify_ca or verify_identity).`;
  }
  return null;
}

/** The options as they may appear in a log line: everything but the password. */
export function redactOptions(o: BatchOptions): Omit<BatchOptions, 'password'> & { password: string } {
  return { ...o, password: o.password === '' ? '' : '***' };
}

/** What the batch does with its statements (the process-list Command and the log line use it). */
export type BatchMode = 'check' | 'execute' | 'split' | 'query-print' | 'masking';

export function batchMode(o: BatchOptions): BatchMode {
  if (o.split) return 'split';
  if (o.queryPrint) return 'query-print';
  if (o.masking) return 'masking';
  if (o.execute) return 'execute';
  return 'check';
}
