// Archery's traffic for the e2e tests: its exact check and execute envelopes (docs/batch.md#grammar),
// its exact mysqlclient usage (archery_client.py), and the mariadb CLI with XML output (NULL vs 'NULL' and
// embedded newlines stay unambiguous). Not a test file itself.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { TestDb } from '../../support/mariadb.js';
import { parseCliXml } from '../../support/cli-xml.js';

const HERE = import.meta.dirname;

/** Archery indents every line of its envelope template by 28 spaces. */
const INDENT = ' '.repeat(28);

/**
 * Archery's `{set_session_sql}`: one `inception set session k = 'v';\n` per variable (only the Aliyun RDS ghost
 * keys in practice), or empty — the template line and its indentation stay either way.
 */
export function setSessionSql(variables: Record<string, string>): string {
  return Object.entries(variables).map(([k, v]) => `inception set session ${k} = '${v}';\n`).join('');
}

/** Archery's SQL Check/Execute ships `sql.rstrip(';')` followed by one `;`. */
function rstripSemicolons(sql: string): string {
  return sql.replace(/;+$/, '');
}

function envelopeBody(database: string, sql: string, sessionVariables: Record<string, string>): string {
  return [
    `${INDENT}inception_magic_start;`,
    `${INDENT}${setSessionSql(sessionVariables)}`,
    `${INDENT}use \`${database}\`;`,
    `${INDENT}${rstripSemicolons(sql)};`,
    `${INDENT}inception_magic_commit;`,
  ].join('\n');
}

/**
 * Archery's check envelope (docs/batch.md#grammar): values single-quoted, `--check=1;` then an empty real_row_count
 * option.
 */
export function checkEnvelope(db: TestDb, database: string, sql: string, opts: CheckOptions = {}): string {
  const realRowCount = opts.realRowCount ? '--real_row_count=true;' : '';
  return `/*--user='${db.user}';--password='${db.password}';--host='${db.host}';--port=${db.port};--check=1;${realRowCount}*/\n${envelopeBody(database, sql, opts.sessionVariables ?? {})}`;
}

export interface CheckOptions {
  /** Archery's `real_row_count` setting. */
  realRowCount?: boolean;
  sessionVariables?: Record<string, string>;
}

export interface ExecuteOptions {
  sessionVariables?: Record<string, string>;
  backup?: boolean;
  sleep?: number;
  sleepRows?: number;
}

/**
 * Archery's execute envelope (docs/batch.md#grammar): the last option (`--sleep_rows=100`) has no `;` after it,
 * right before the closing comment mark.
 */
export function executeEnvelope(db: TestDb, database: string, sql: string, opts: ExecuteOptions = {}): string {
  const backup = opts.backup ? '--backup=1' : '--backup=0';
  const options = `--user='${db.user}';--password='${db.password}';--host='${db.host}';--port=${db.port};--execute=1;--ignore-warnings=1;${backup};--sleep=${opts.sleep ?? 200};--sleep_rows=${opts.sleepRows ?? 100}`;
  return `/*${options}*/\n${envelopeBody(database, sql, opts.sessionVariables ?? {})}`;
}

export type Cell = string | number | null;

export interface ResultSet {
  columns: string[];
  rows: Cell[][];
}

export type Outcome = ResultSet | { error: { code: number | null; message: string } };

export interface ArcheryResult extends ResultSet {
  /** Seconds spent in cursor.execute + fetchall (python's monotonic clock). */
  elapsed: number;
}

function runProgram(cmd: string, args: string[], input: string, timeoutMs = 30_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

/**
 * Who Archery connects as: its go_inception_user/password settings (workflows), or no user at all (a
 * registered goInception instance, used for parameter management).
 */
export type ArcheryLogin = { user: string; password: string } | 'instance';
export const ARCHERY_SETTINGS_LOGIN: ArcheryLogin = { user: 'archery', password: 'archerypw' };

export type ArcheryOutcome = ArcheryResult | { error: { code: number | null; message: string } };

/** Runs each query on its own connection the way Archery does. */
export async function archeryQueries(port: number, queries: string[], login: ArcheryLogin = ARCHERY_SETTINGS_LOGIN): Promise<ArcheryOutcome[]> {
  const who = login === 'instance' ? { user: null, password: null } : login;
  const input = JSON.stringify({ host: '127.0.0.1', port, ...who, queries });
  const r = await runProgram('/usr/bin/python3', [join(HERE, 'archery_client.py')], input);
  if (r.code !== 0) throw new Error(`archery_client.py failed (exit ${r.code}): ${r.stderr}`);
  return (JSON.parse(r.stdout) as { results: ArcheryOutcome[] }).results;
}

/** One query through Archery's client; fails the test when it is not a result set. */
export async function archeryResultSet(port: number, sql: string, login: ArcheryLogin = ARCHERY_SETTINGS_LOGIN): Promise<ArcheryResult> {
  const [result] = await archeryQueries(port, [sql], login);
  if (!result || 'error' in result) throw new Error(`expected a result set from mysqlclient, got ${JSON.stringify(result)}`);
  return result;
}

// ---- the mariadb CLI ------------------------------------------------------------------------------------

/** Never occurs in the batches of these tests (checked before sending). */
export const CLI_DELIMITER = '$$E2E$$';

/** One batch through the mariadb CLI: `--comments` keeps the magic comment, XML keeps NULL and newlines exact. */
export async function cliQuery(port: number, sql: string): Promise<Outcome> {
  if (sql.includes(CLI_DELIMITER)) throw new Error('the batch contains the CLI delimiter');
  const args = ['--no-defaults', '--comments', '--default-character-set=utf8mb4', '--connect-timeout=10', '--xml',
    `--delimiter=${CLI_DELIMITER}`, '--skip-ssl', '-h127.0.0.1', `-P${port}`, '-uarchery', '-parcherypw'];
  const r = await runProgram('mariadb', args, `${sql}${CLI_DELIMITER}\n`);
  const err = /^ERROR (\d+) \([0-9A-Z]+\)(?: at line \d+)?: (.*)$/m.exec(r.stderr);
  if (err) return { error: { code: Number(err[1]), message: err[2]! } };
  if (r.code !== 0) throw new Error(`mariadb CLI failed (exit ${r.code}): ${r.stderr}`);
  if (!r.stdout.includes('<resultset')) throw new Error(`mariadb CLI printed no result set: ${r.stdout}`);
  return parseCliXml(r.stdout);
}

export async function cliResultSet(port: number, sql: string): Promise<ResultSet> {
  const result = await cliQuery(port, sql);
  if ('error' in result) throw new Error(`expected a result set from the CLI, got ${JSON.stringify(result)}`);
  return result;
}
