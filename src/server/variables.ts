// System variables a client can read and set on its connection (what drivers ask for on connect).
// Values are kept as text; booleans as '1'/'0' (SELECT shows 1/0, SHOW VARIABLES shows ON/OFF).

import { hostname } from 'node:os';
import { ER, mysqlError } from '../protocol/result.js';

export type VariableKind = 'bool' | 'int' | 'string';

export interface VariableDefaults {
  serverVersion: string;
  versionComment: string;
  maxAllowedPacket: number;
  tlsEnabled: boolean;
  port?: number;
  /** Client timeouts and connection cap as configured (docs/security.md); MySQL's defaults when absent. */
  waitTimeout?: number;
  interactiveTimeout?: number;
  netReadTimeout?: number;
  maxConnections?: number;
}

/** Variables that are one setting under two names. */
const ALIASES: Record<string, string> = {
  tx_isolation: 'transaction_isolation',
  transaction_isolation: 'tx_isolation',
  tx_read_only: 'transaction_read_only',
  transaction_read_only: 'tx_read_only',
};

/** Read-only variables: SET answers 1238 like MySQL. */
const READ_ONLY = new Set([
  'version', 'version_comment', 'version_compile_os', 'version_compile_machine', 'protocol_version', 'license',
  'have_ssl', 'have_openssl', 'hostname', 'port', 'lower_case_table_names', 'system_time_zone', 'performance_schema',
  'character_set_system', 'max_connections', 'server_id', 'datadir', 'basedir', 'socket', 'tmpdir', 'warning_count',
  'error_count', 'query_cache_size', 'log_bin', 'innodb_version',
]);

/** The host's zone abbreviation (e.g. CET), read once per process as MySQL does at start-up. */
let systemTimeZoneCache: string | null = null;
function systemTimeZone(): string {
  if (systemTimeZoneCache !== null) return systemTimeZoneCache;
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName');
    systemTimeZoneCache = part?.value ?? 'UTC';
  } catch {
    systemTimeZoneCache = 'UTC';
  }
  return systemTimeZoneCache;
}

let hostnameCache: string | null = null;
function hostName(): string {
  return (hostnameCache ??= hostname());
}

function defaultTable(d: VariableDefaults): [string, VariableKind, string | null][] {
  const ssl = d.tlsEnabled ? 'YES' : 'DISABLED';
  return [
    ['auto_increment_increment', 'int', '1'],
    ['auto_increment_offset', 'int', '1'],
    ['autocommit', 'bool', '1'],
    ['big_tables', 'bool', '0'],
    ['character_set_client', 'string', 'utf8mb4'],
    ['character_set_connection', 'string', 'utf8mb4'],
    ['character_set_database', 'string', 'utf8mb4'],
    ['character_set_filesystem', 'string', 'binary'],
    ['character_set_results', 'string', 'utf8mb4'],
    ['character_set_server', 'string', 'utf8mb4'],
    ['character_set_system', 'string', 'utf8'],
    ['collation_connection', 'string', 'utf8mb4_general_ci'],
    ['collation_database', 'string', 'utf8mb4_general_ci'],
    ['collation_server', 'string', 'utf8mb4_general_ci'],
    ['connect_timeout', 'int', '10'],
    ['default_storage_engine', 'string', 'InnoDB'],
    ['default_week_format', 'int', '0'],
    ['div_precision_increment', 'int', '4'],
    ['error_count', 'int', '0'],
    ['explicit_defaults_for_timestamp', 'bool', '0'],
    ['foreign_key_checks', 'bool', '1'],
    ['group_concat_max_len', 'int', '1024'],
    ['have_openssl', 'string', ssl],
    ['have_ssl', 'string', ssl],
    ['hostname', 'string', hostName()],
    ['identity', 'int', '0'],
    ['init_connect', 'string', ''],
    ['innodb_lock_wait_timeout', 'int', '50'],
    ['interactive_timeout', 'int', String(d.interactiveTimeout ?? 28800)],
    ['last_insert_id', 'int', '0'],
    ['lc_messages', 'string', 'en_US'],
    ['lc_time_names', 'string', 'en_US'],
    ['license', 'string', 'MIT'],
    ['lock_wait_timeout', 'int', '31536000'],
    ['log_bin', 'bool', '0'],
    ['lower_case_table_names', 'int', '0'],
    ['max_allowed_packet', 'int', String(d.maxAllowedPacket)],
    ['max_connections', 'int', String(d.maxConnections ?? 151)],
    ['max_execution_time', 'int', '0'],
    ['max_statement_time', 'string', '0.000000'],
    ['net_buffer_length', 'int', '16384'],
    ['net_read_timeout', 'int', String(d.netReadTimeout ?? 30)],
    ['net_write_timeout', 'int', '60'],
    ['performance_schema', 'bool', '0'],
    ['port', 'int', String(d.port ?? 4000)],
    ['protocol_version', 'int', '10'],
    ['query_cache_size', 'int', '0'],
    ['query_cache_type', 'string', 'OFF'],
    ['read_only', 'bool', '0'],
    ['server_id', 'int', '0'],
    ['session_track_gtids', 'string', 'OFF'],
    ['session_track_schema', 'bool', '1'],
    ['session_track_state_change', 'bool', '0'],
    ['session_track_system_variables', 'string', 'time_zone,autocommit,character_set_client,character_set_results,character_set_connection'],
    ['session_track_transaction_info', 'string', 'OFF'],
    ['sql_auto_is_null', 'bool', '0'],
    ['sql_big_selects', 'bool', '1'],
    ['sql_log_bin', 'bool', '1'],
    ['sql_mode', 'string', 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION'],
    ['sql_notes', 'bool', '1'],
    ['sql_quote_show_create', 'bool', '1'],
    ['sql_safe_updates', 'bool', '0'],
    ['sql_select_limit', 'int', '18446744073709551615'],
    ['sql_warnings', 'bool', '0'],
    ['storage_engine', 'string', 'InnoDB'],
    ['system_time_zone', 'string', systemTimeZone()],
    ['time_zone', 'string', 'SYSTEM'],
    ['transaction_isolation', 'string', 'REPEATABLE-READ'],
    ['transaction_read_only', 'bool', '0'],
    ['tx_isolation', 'string', 'REPEATABLE-READ'],
    ['tx_read_only', 'bool', '0'],
    ['unique_checks', 'bool', '1'],
    ['version', 'string', d.serverVersion],
    ['version_comment', 'string', d.versionComment],
    ['version_compile_machine', 'string', process.arch === 'x64' ? 'x86_64' : process.arch],
    ['version_compile_os', 'string', process.platform === 'linux' ? 'Linux' : process.platform],
    ['wait_timeout', 'int', String(d.waitTimeout ?? 28800)],
    ['warning_count', 'int', '0'],
  ];
}

export interface VariableValue {
  name: string;
  kind: VariableKind;
  value: string | null;
}

/** The default values for one set of VariableDefaults: built once, shared read-only by every session. */
interface VariableTable {
  readonly kinds: ReadonlyMap<string, VariableKind>;
  readonly defaults: ReadonlyMap<string, string | null>;
  readonly sortedNames: readonly string[];
}

/** Tables by their defaults; a process runs one server (tests a few), so this stays tiny. */
const tables = new Map<string, VariableTable>();
const MAX_TABLES = 32;

function tableFor(d: VariableDefaults): VariableTable {
  const key = [d.serverVersion, d.versionComment, d.maxAllowedPacket, d.tlsEnabled, d.port, d.waitTimeout, d.interactiveTimeout, d.netReadTimeout, d.maxConnections].join('\0');
  let table = tables.get(key);
  if (!table) {
    const kinds = new Map<string, VariableKind>();
    const defaults = new Map<string, string | null>();
    for (const [name, kind, value] of defaultTable(d)) {
      kinds.set(name, kind);
      defaults.set(name, value);
    }
    table = { kinds, defaults, sortedNames: [...kinds.keys()].sort() };
    if (tables.size >= MAX_TABLES) tables.clear();
    tables.set(key, table);
  }
  return table;
}

/**
 * Session (and read-only global) variables of one connection. Names are case-insensitive. The defaults are
 * shared process-wide; a session only stores what it changed (a connection that sets nothing costs nothing).
 */
export class SessionVariables {
  private readonly table: VariableTable;
  private readonly changed = new Map<string, string | null>();

  constructor(private readonly defaults: VariableDefaults) {
    this.table = tableFor(defaults);
  }

  /** An independent copy (a scratch session to try statements on). */
  clone(): SessionVariables {
    const copy = new SessionVariables(this.defaults);
    for (const [k, v] of this.changed) copy.changed.set(k, v);
    return copy;
  }

  /** Back to the defaults (COM_RESET_CONNECTION, COM_CHANGE_USER). */
  reset(): void {
    this.changed.clear();
  }

  has(name: string): boolean {
    return this.table.kinds.has(name.toLowerCase());
  }

  /** Session value (or the default for `global`); throws 1193 for an unknown variable. */
  get(name: string, scope: 'session' | 'global' = 'session'): VariableValue {
    const key = name.toLowerCase();
    const kind = this.table.kinds.get(key);
    if (!kind) throw mysqlError(ER.UNKNOWN_SYSTEM_VARIABLE, `Unknown system variable '${name}'`);
    return { name: key, kind, value: this.valueOf(key, scope) };
  }

  /** The session's autocommit flag (read for every status word, so without building a VariableValue). */
  get autocommit(): boolean {
    return this.valueOf('autocommit', 'session') === '1';
  }

  private valueOf(key: string, scope: 'session' | 'global'): string | null {
    if (scope === 'session' && this.changed.has(key)) return this.changed.get(key)!;
    return this.table.defaults.get(key)!;
  }

  /**
   * Sets a session variable. `value` null means SQL NULL, undefined means DEFAULT. Checks the value the way
   * MySQL does for the kinds we model (1193 unknown, 1238 read-only, 1231 bad value, 1232 wrong type).
   */
  set(name: string, value: string | null | undefined): void {
    const key = name.toLowerCase();
    const kind = this.table.kinds.get(key);
    if (!kind) throw mysqlError(ER.UNKNOWN_SYSTEM_VARIABLE, `Unknown system variable '${name}'`);
    if (READ_ONLY.has(key)) throw mysqlError(ER_READ_ONLY_VARIABLE, `Variable '${key}' is a read only variable`);
    const normalized = value === undefined ? this.table.defaults.get(key)! : normalize(key, kind, value);
    this.changed.set(key, normalized);
    const alias = ALIASES[key];
    if (alias) this.changed.set(alias, normalized);
  }

  /** All variables sorted by name, with the session or global values. */
  list(scope: 'session' | 'global' = 'session'): VariableValue[] {
    return this.table.sortedNames.map((name) => this.get(name, scope));
  }
}

const ER_READ_ONLY_VARIABLE = { code: 1238, sqlState: 'HY000' } as const;

function normalize(name: string, kind: VariableKind, value: string | null): string | null {
  if (kind === 'bool') {
    const v = value === null ? '' : value.trim().toUpperCase();
    if (v === '1' || v === 'ON' || v === 'TRUE') return '1';
    if (v === '0' || v === 'OFF' || v === 'FALSE') return '0';
    throw mysqlError(ER.WRONG_VALUE_FOR_VAR, `Variable '${name}' can't be set to the value of '${value ?? 'NULL'}'`);
  }
  if (kind === 'int') {
    if (value === null || !/^\s*-?\d+(\.0*)?\s*$/.test(value)) {
      throw mysqlError(ER.WRONG_TYPE_FOR_VAR, `Incorrect argument type to variable '${name}'`);
    }
    return String(BigInt(value.trim().replace(/\.0*$/, '')));
  }
  if (value === null && name !== 'character_set_results') {
    throw mysqlError(ER.WRONG_VALUE_FOR_VAR, `Variable '${name}' can't be set to the value of 'NULL'`);
  }
  return value;
}

/** How SHOW VARIABLES prints a value. */
export function displayValue(v: VariableValue): string {
  if (v.kind === 'bool') return v.value === '1' ? 'ON' : 'OFF';
  return v.value ?? '';
}
