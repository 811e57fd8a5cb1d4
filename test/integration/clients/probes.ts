// One "probe" per real client: connect (optionally with TLS), run queries one by one, report every result
// set / OK / error in one common shape so each client's test file asserts the same things.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { HERE, asText, requirePythonModule, requireTool, run, type TlsFiles } from './support.js';
import { parseCliXml } from '../../support/cli-xml.js';

export interface ProbeRequest {
  port: number;
  /** null = send no user name (only mysqlclient does this: Archery's registered goInception instance). */
  user: string | null;
  /** null = send no password at all. */
  password: string | null;
  /** Ask the driver for TLS (the relay proves whether it happened). */
  tls?: TlsFiles;
  queries: string[];
}

export interface DriverError {
  code: number | null;
  message: string;
}

export type QueryOutcome = { columns: string[]; rows: (string | null)[][] } | { ok: true } | { error: DriverError };
export type ProbeOutcome = { connectError: DriverError } | { results: QueryOutcome[] };
export type Probe = (req: ProbeRequest) => Promise<ProbeOutcome>;

// ---- mysql2 (in-process) ---------------------------------------------------------------------------------

export const mysql2Probe: Probe = async (req) => {
  let conn: mysql.Connection;
  try {
    conn = await mysql.createConnection({
      host: '127.0.0.1',
      port: req.port,
      user: req.user ?? '',
      ...(req.password === null ? {} : { password: req.password }),
      charset: 'utf8mb4',
      connectTimeout: 10_000,
      ...(req.tls ? { ssl: { ca: [await import('node:fs').then((fs) => fs.readFileSync(req.tls!.cert, 'utf8'))] } } : {}),
    });
  } catch (e) {
    return { connectError: driverError(e) };
  }
  const results: QueryOutcome[] = [];
  for (const sql of req.queries) {
    try {
      const [rows, fields] = await conn.query({ sql, rowsAsArray: true });
      if (Array.isArray(rows)) results.push({ columns: (fields ?? []).map((f) => f.name), rows: asText(rows as unknown[][]) });
      else results.push({ ok: true });
    } catch (e) {
      results.push({ error: driverError(e) });
    }
  }
  await conn.end().catch(() => undefined);
  return { results };
};

function driverError(e: unknown): DriverError {
  const err = e as { errno?: number; message?: string };
  return { code: typeof err.errno === 'number' ? err.errno : null, message: String(err.message ?? e) };
}

// ---- PyMySQL / mysqlclient (probe.py) -----------------------------------------------------------------------

function pythonProbe(driver: 'pymysql' | 'mysqldb'): Probe {
  return async (req) => {
    if (driver === 'pymysql') requirePythonModule('pymysql', 'python3-pymysql');
    else requirePythonModule('MySQLdb', 'python3-mysqldb');
    const input = JSON.stringify({
      host: '127.0.0.1',
      port: req.port,
      user: req.user,
      password: req.password,
      ssl: req.tls ? { ca: req.tls.cert } : null,
      queries: req.queries,
    });
    const r = await run('/usr/bin/python3', [join(HERE, 'probe.py'), driver], { input });
    if (r.code !== 0) throw new Error(`probe.py ${driver} failed (exit ${r.code}): ${r.stderr}`);
    const out = JSON.parse(r.stdout) as { connectError?: DriverError; results?: Record<string, unknown>[] };
    if (out.connectError) return { connectError: out.connectError };
    return { results: out.results!.map(normaliseJsonOutcome) };
  };
}

function normaliseJsonOutcome(r: Record<string, unknown>): QueryOutcome {
  if (r.error) return { error: r.error as DriverError };
  if (r.columns) return { columns: r.columns as string[], rows: asText(r.rows as unknown[][]).map((row, i) => row.map((v, j) => {
    const raw = (r.rows as unknown[][])[i]![j];
    // bytes from a Python driver mean a wrong column charset: keep them visibly different from text
    return raw !== null && typeof raw === 'object' ? JSON.stringify(raw) : v;
  })) };
  return { ok: true };
}

export const pymysqlProbe = pythonProbe('pymysql');
export const mysqldbProbe = pythonProbe('mysqldb');

// ---- the mariadb CLI -------------------------------------------------------------------------------------

export const cliProbe: Probe = async (req) => {
  const cli = requireTool('mariadb', 'apt-get install -y mariadb-client');
  const args = ['--no-defaults', '--comments', '--default-character-set=utf8mb4', '--connect-timeout=10', '--xml', '--delimiter=//',
    '-h127.0.0.1', `-P${req.port}`, `-u${req.user ?? ''}`];
  if (req.password !== null) args.push(`-p${req.password}`);
  if (req.tls) args.push('--ssl', `--ssl-ca=${req.tls.cert}`, '--ssl-verify-server-cert');
  else args.push('--skip-ssl');
  const results: QueryOutcome[] = [];
  for (const sql of req.queries.length ? req.queries : ['']) {
    const r = await run(cli, args, { input: sql === '' ? '' : `${sql}//\n` });
    const connectErr = /^ERROR (\d+) \([0-9A-Z]+\): (.*)$/m.exec(r.stderr);
    if (connectErr) return { connectError: { code: Number(connectErr[1]), message: connectErr[2]! } };
    const queryErr = /^ERROR (\d+) \([0-9A-Z]+\) at line \d+: (.*)$/m.exec(r.stderr);
    if (queryErr) results.push({ error: { code: Number(queryErr[1]), message: queryErr[2]! } });
    else if (r.code !== 0) throw new Error(`mariadb CLI failed (exit ${r.code}): ${r.stderr}`);
    else if (sql !== '') results.push(r.stdout.includes('<resultset') ? parseCliXml(r.stdout) : { ok: true });
  }
  return { results };
};

// ---- MariaDB Connector/J (Probe.java) ---------------------------------------------------------------------

export const JDBC_JAR = '/usr/share/java/mariadb-java-client.jar';
let javaClasses: string | null = null;

async function compiledProbe(): Promise<string> {
  if (javaClasses) return javaClasses;
  requireTool(JDBC_JAR, 'apt-get install -y libmariadb-java');
  const javac = requireTool('javac', 'apt-get install -y default-jdk-headless');
  const dir = mkdtempSync(join(tmpdir(), 'inceptor-jdbc-'));
  const r = await run(javac, ['-encoding', 'UTF-8', '-cp', JDBC_JAR, '-d', dir, join(HERE, 'Probe.java')], { timeoutMs: 120_000 });
  if (r.code !== 0) throw new Error(`javac Probe.java failed: ${r.stderr}`);
  javaClasses = dir;
  return dir;
}

export const jdbcProbe: Probe = async (req) => {
  const classes = await compiledProbe();
  const java = requireTool('java', 'apt-get install -y default-jre-headless');
  const params = ['connectTimeout=10000', ...(req.tls ? ['useSsl=true', 'trustServerCertificate=true'] : [])];
  const url = `jdbc:mariadb://127.0.0.1:${req.port}/?${params.join('&')}`;
  const r = await run(java, ['-Dfile.encoding=UTF-8', '-Dsun.stdout.encoding=UTF-8', '-cp', `${classes}:${JDBC_JAR}`, 'Probe', url, req.user ?? '-', req.password ?? '-'],
    { input: req.queries.join('\n--8<--\n'), timeoutMs: 60_000 });
  if (r.code !== 0) throw new Error(`Probe.java failed (exit ${r.code}): ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { connectError?: DriverError & { sqlState: string }; results?: Record<string, unknown>[] };
  if (out.connectError) return { connectError: out.connectError };
  return { results: out.results!.map(normaliseJsonOutcome) };
};

// ---- ODBC (odbc-mariadb through unixODBC's isql) -----------------------------------------------------------

/** isql runs one line per statement, `-q` quotes text so '' and NULL differ, tab-separated with a header. */
function parseIsql(stdout: string): QueryOutcome {
  const diag = /^\[([0-9A-Z]{5})\]\[ma-[^\]]*\](?:\[[^\]]*\])?(.*)$/m.exec(stdout);
  if (diag) return { error: { code: null, message: `[${diag[1]}] ${diag[2]}` } };
  const lines = stdout.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) return { ok: true };
  const [header, ...rest] = lines;
  return {
    columns: header!.split('\t'),
    rows: rest.map((line) => line.split('\t').map((v) => (v === '' ? null : v.startsWith('"') && v.endsWith('"') && v.length >= 2 ? v.slice(1, -1) : v))),
  };
}

/** More than one statement in the text (a `;` followed by more SQL, outside quotes is close enough here). */
function isMultiStatement(sql: string): boolean {
  return /;\s*\S/.test(sql.replace(/'(?:[^'\\]|\\.)*'|\/\*[\s\S]*?\*\//g, ''));
}

export const odbcProbe: Probe = async (req) => {
  const isql = requireTool('isql', 'apt-get install -y unixodbc odbc-mariadb');
  requireTool('/usr/lib/x86_64-linux-gnu/odbc/libmaodbc.so', 'apt-get install -y odbc-mariadb');
  const parts = ['DRIVER={MariaDB Unicode}', 'SERVER=127.0.0.1', `PORT=${req.port}`, `UID=${req.user ?? ''}`, 'CHARSET=utf8mb4'];
  if (req.password !== null) parts.push(`PWD=${req.password}`);
  if (req.tls) parts.push('SSLVERIFY=0', `SSLCA=${req.tls.cert}`, 'FORCETLS=1');
  const dsn = parts.join(';') + ';';
  const results: QueryOutcome[] = [];
  for (const sql of req.queries.length ? req.queries : ['']) {
    if (sql.includes('\n')) throw new Error('isql sends one line per statement: put the batch on one line');
    // -e: SQLExecDirect, what applications use for ad-hoc SQL
    const r = await run(isql, ['-k', dsn, '-b', '-q', '-c', '-x0x09', '-v', '-e'], { input: sql === '' ? '' : `${sql}\n`, timeoutMs: 30_000 });
    if (r.stdout.includes('Could not SQLDriverConnect') || r.stderr.includes('Could not SQLDriverConnect')) {
      const diag = /^\[([0-9A-Z]{5})\]\[ma-[^\]]*\](.*)$/m.exec(r.stdout);
      return { connectError: { code: null, message: diag ? `[${diag[1]}] ${diag[2]}` : r.stdout + r.stderr } };
    }
    // Connector/ODBC 3.1.15 counts the statements of a multi-statement text but prepares it as one; after the
    // result has been read, isql's SQLMoreResults makes the driver dereference the statement handles it never
    // created (SIGSEGV in mysql_stmt_field_count, whatever the server answered). Only that crash is tolerated.
    if (r.signal !== null && !(r.signal === 'SIGSEGV' && isMultiStatement(sql))) {
      throw new Error(`isql died with ${r.signal}: ${r.stderr}\n${r.stdout}`);
    }
    if (sql !== '') results.push(parseIsql(r.stdout));
  }
  return { results };
};
