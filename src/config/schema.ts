// The config.toml key catalogue (docs/config.md) as data: every key with its kind and compiled default.
// One table drives defaults, file validation, `inception set` parsing and `inception show variables` order
// (object key order = declaration order = goInception's struct order).

export type FieldKind = 'bool' | 'int' | 'uint' | 'float' | 'string' | 'list';

interface FieldBase<K extends FieldKind, T> {
  readonly kind: K;
  readonly default: T;
  /** Allowed values (compared case-insensitively); only for strings. */
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
}

export type BoolField = FieldBase<'bool', boolean>;
export type NumberField = FieldBase<'int' | 'uint' | 'float', number>;
export type StringField = FieldBase<'string', string>;
export type ListField = FieldBase<'list', readonly string[]>;
export type FieldSpec = BoolField | NumberField | StringField | ListField;
export type SectionSpec = Readonly<Record<string, FieldSpec>>;

/** The TypeScript value type a field spec describes. */
export type FieldValue<F> = F extends BoolField
  ? boolean
  : F extends NumberField
    ? number
    : F extends StringField
      ? string
      : F extends ListField
        ? string[]
        : never;

/** `ssl-cert` → `ssl_cert` at the type level. */
export type PropertyName<K extends string> = K extends `${infer A}-${infer B}` ? `${A}_${PropertyName<B>}` : K;

/** A section's values, keyed by property name (toml key with `-` replaced by `_`). */
export type SectionValues<S extends SectionSpec> = { -readonly [K in keyof S as PropertyName<K & string>]: FieldValue<S[K]> };

const bool = (d: boolean): BoolField => ({ kind: 'bool', default: d });
/** Go `int`: any integer (file values outside the range are refused, `inception set` clamps). */
const int = (d: number, min?: number, max?: number): NumberField => ({ kind: 'int', default: d, min, max });
/** Go `uint`: non-negative integer. */
const uint = (d: number, max?: number): NumberField => ({ kind: 'uint', default: d, min: 0, max });
const float = (d: number, min?: number): NumberField => ({ kind: 'float', default: d, min });
const str = (d: string, values?: readonly string[]): StringField => ({ kind: 'string', default: d, values });
const list = (d: readonly string[]): ListField => ({ kind: 'list', default: d });

/** Top-level keys inceptor uses (toml spelling). */
export const TOP_SPEC = {
  host: str('0.0.0.0'),
  'advertise-address': str(''),
  port: uint(4000, 65535),
  socket: str(''),
  skip_grant_table: bool(true),
  ignore_sighup: bool(true),
  /** TiDB's key: client connections at once; more get 1040 (0 = only the file-descriptor bound, docs/security.md). */
  'max-server-connections': uint(1000),
  /**
   * goInception's (TiDB's) key, used with `[cluster] id_bits = 64`: a KILL of a truncated id (server id 0, the
   * handshake's 32 bits) acts on that local id of the receiving instance instead of being refused (docs/kill.md).
   */
  'compatible-kill-query': bool(false),
} as const satisfies SectionSpec;

export const LOG_SPEC = {
  level: str('info', ['trace', 'debug', 'info', 'warn', 'error', 'fatal']),
  format: str('text', ['text', 'json', 'console']),
  'disable-timestamp': bool(false),
  'slow-query-file': str(''),
  'slow-threshold': uint(300),
  'expensive-threshold': uint(10000),
  'query-log-max-len': uint(2048),
} as const satisfies SectionSpec;

export const LOG_FILE_SPEC = {
  filename: str(''),
  'max-size': uint(300),
  'max-days': uint(0),
  'max-backups': uint(0),
  'log-rotate': bool(true),
} as const satisfies SectionSpec;

export const SECURITY_SPEC = {
  skip_grant_table: bool(true),
  'ssl-ca': str(''),
  'ssl-cert': str(''),
  'ssl-key': str(''),
  'cluster-ssl-ca': str(''),
  'cluster-ssl-cert': str(''),
  'cluster-ssl-key': str(''),
} as const satisfies SectionSpec;

/** `[status]`: the HTTP status server (health, readiness, metrics, the cluster's internal endpoints; docs/kill.md). */
export const STATUS_SPEC = {
  'report-status': bool(false),
  'status-host': str('0.0.0.0'),
  'status-port': uint(10080, 65535),
} as const satisfies SectionSpec;

/** `[cluster]`: server-id leases on a shared store and KILL across instances (docs/kill.md). */
export const CLUSTER_SPEC = {
  enable: bool(false),
  store_host: str(''),
  store_port: uint(0, 65535),
  store_user: str(''),
  store_password: str(''),
  store_db: str('inceptor_cluster'),
  advertise_address: str(''),
  secret: str(''),
  lease_seconds: { kind: 'uint', default: 43200, min: 1 },
  heartbeat_seconds: { kind: 'uint', default: 30, min: 1 },
  fence_seconds: { kind: 'uint', default: 21600, min: 1 },
  max_server_id: { kind: 'uint', default: 1023, min: 1, max: 2047 },
  forward_timeout_ms: { kind: 'uint', default: 2000, min: 1 },
  /** Connection-id layout: 32 (default, fits the handshake) or 64 (server id in the high 32 bits; docs/kill.md). */
  id_bits: { kind: 'uint', default: 32, min: 32, max: 64 },
} as const satisfies SectionSpec;

export const PERFORMANCE_SPEC = {
  'max-procs': uint(0),
  'tcp-keep-alive': bool(false),
  'cross-join': bool(true),
  'stats-lease': str('0s'),
  'run-auto-analyze': bool(false),
  'stmt-count-limit': uint(5000),
  'feedback-probability': float(0, 0),
  'query-feedback-limit': uint(0),
  'pseudo-estimate-ratio': float(0.8, 0),
  'force-priority': str('NO_PRIORITY'),
} as const satisfies SectionSpec;

/** `[inc]`, in `inception show variables` order. */
export const INC_SPEC = {
  alter_auto_merge: bool(false),
  backup_host: str(''),
  backup_port: uint(0),
  backup_user: str(''),
  backup_password: str(''),
  backup_tls: str(''),
  check_autoincrement_datatype: bool(false),
  check_autoincrement_init_value: bool(false),
  check_autoincrement_name: bool(false),
  check_column_comment: bool(false),
  check_column_default_value: bool(false),
  check_column_position_change: bool(false),
  check_column_type_change: bool(true),
  check_dml_limit: bool(false),
  check_dml_orderby: bool(false),
  check_dml_where: bool(false),
  check_identifier: bool(false),
  check_implicit_type_conversion: bool(false),
  check_index_prefix: bool(false),
  check_index_column_repeat: bool(false),
  check_insert_field: bool(false),
  check_primary_key: bool(false),
  check_table_comment: bool(false),
  check_timestamp_default: bool(false),
  check_timestamp_count: bool(true),
  check_tool_based_unique_index: bool(false),
  enable_timestamp_type: bool(true),
  enable_zero_date: bool(true),
  check_datetime_default: bool(false),
  check_datetime_count: bool(false),
  check_float_double: bool(false),
  check_identifier_upper: bool(false),
  check_identifier_lower: bool(false),
  check_read_only: bool(true),
  default_charset: str('utf8mb4'),
  disable_types: str(''),
  enable_alter_database: bool(false),
  enable_any_statement: bool(false),
  enable_autoincrement_unsigned: bool(false),
  enable_blob_not_null: bool(false),
  enable_blob_type: bool(false),
  enable_change_column: bool(true),
  enable_column_charset: bool(false),
  enable_drop_database: bool(false),
  enable_drop_table: bool(false),
  enable_enum_set_bit: bool(false),
  enable_fingerprint: bool(false),
  enable_foreign_key: bool(false),
  enable_identifer_keyword: bool(false),
  enable_json_type: bool(false),
  enable_use_view: bool(false),
  enable_minimal_rollback: bool(false),
  enable_set_engine: bool(true),
  enable_nullable: bool(true),
  enable_null_index_name: bool(false),
  enable_orderby_rand: bool(false),
  enable_partition_table: bool(false),
  enable_pk_columns_only_int: bool(false),
  enable_select_star: bool(false),
  enable_set_charset: bool(false),
  enable_set_collation: bool(false),
  enable_sql_statistic: bool(false),
  enable_ddl_instant: bool(true),
  explain_rule: str('first', ['first', 'max']),
  sql_mode: str(''),
  general_log: bool(false),
  hex_blob: bool(false),
  index_prefix: str('idx_'),
  uniq_index_prefix: str('uniq_'),
  table_prefix: str(''),
  lang: str('en-US'),
  max_allowed_packet: uint(4194304),
  max_char_length: uint(0),
  max_column_count: uint(0),
  max_ddl_affect_rows: uint(0),
  max_insert_rows: uint(0),
  max_keys: uint(0),
  max_key_parts: uint(0),
  max_update_rows: uint(0),
  max_varchar_length: uint(0),
  max_primary_key_parts: uint(0),
  merge_alter_table: bool(false),
  must_have_columns: str(''),
  columns_must_have_index: str(''),
  skip_grant_table: bool(true),
  skip_sqls: str(''),
  ignore_osc_alter_stmt: str(''),
  sql_safe_updates: int(-1, -1, 1),
  lock_wait_timeout: int(-1),
  support_charset: str('utf8,utf8mb4'),
  support_collation: str(''),
  support_engine: str('innodb'),
  wait_timeout: int(0),
  max_execution_time: int(0),
  // inceptor's DML peer rules (docs/audit.md "Peer rules"): each off by default, each with its own [inc_level] key
  /** LIKE patterns starting with `%` or `_` in conditions. */
  check_dml_like_leading_wildcard: bool(false),
  /** `= NULL`, `<> NULL`, `IN (NULL)` comparisons. */
  check_dml_compare_null: bool(false),
  /** Functions or arithmetic wrapping an indexed column in a condition. */
  check_dml_function_on_index: bool(false),
  /** Always-true predicates: `id = id`, `1 = 1`, `… OR 1 = 1`. */
  check_dml_always_true: bool(false),
  /** Most tables one statement may join (0: no limit). */
  max_join_tables: uint(0),
  /** UPDATE that sets a primary-key column. */
  check_update_primary_key: bool(false),
  /** INSERT … SELECT (the rows read are locked while it runs). */
  check_insert_select_lock: bool(false),
  /** Most statements one batch may hold (0: no limit). */
  max_statements: uint(0),
  /** Tables no INSERT/REPLACE/UPDATE/DELETE may write: comma list of `db.table` or `table` (any database). */
  dml_blocklist: str(''),
  /** Plan warnings from the affected-rows EXPLAIN: a full scan (type ALL or index). */
  check_dml_full_scan: bool(false),
  /** … `Using filesort`. */
  check_dml_filesort: bool(false),
  /** … `Using temporary`. */
  check_dml_temporary: bool(false),
  version: str(''),
  custom_keywords: list([]),
  /** Directory the magic comment's --ssl-ca/--ssl-cert/--ssl-key must lie in; '' refuses them (docs/security.md). */
  tls_files_dir: str(''),
  /** Seconds the target may stay silent while a statement runs before the session is given up (docs/security.md). */
  target_read_timeout: uint(28800, 31536000),
  // inceptor's DDL peer rules (docs/audit.md "Peer rules"): each off by default, each with its own [inc_level] key
  peer_redundant_index: bool(false),
  peer_require_algorithm_lock: bool(false),
  peer_drop_indexed_column: bool(false),
  peer_max_text_blob_length: uint(0),
  peer_max_comment_length: uint(0),
  peer_ddl_blocklist: str(''),
  peer_charset_without_convert: bool(false),
  peer_index_name_template: str(''),
  peer_unique_name_template: str(''),
} as const satisfies SectionSpec;

/** `[osc]` (pt-online-schema-change; some thresholds are reused for gh-ost). */
export const OSC_SPEC = {
  osc_print_none: bool(false),
  osc_print_sql: bool(false),
  osc_on: bool(false),
  osc_min_table_size: uint(16),
  osc_alter_foreign_keys_method: str('none', ['auto', 'rebuild_constraints', 'drop_swap', 'none']),
  osc_recursion_method: str('processlist'),
  osc_max_lag: int(3),
  osc_max_flow_ctl: int(-1),
  osc_check_alter: bool(true),
  osc_sleep: float(0, 0),
  osc_lock_wait_timeout: int(60),
  osc_check_replication_filters: bool(true),
  osc_check_unique_key_change: bool(true),
  osc_drop_old_table: bool(true),
  osc_drop_new_table: bool(true),
  osc_max_thread_running: int(80),
  osc_max_thread_connected: int(1000),
  osc_critical_thread_running: int(80),
  osc_critical_thread_connected: int(1000),
  osc_chunk_time: float(1, 0),
  osc_chunk_size_limit: int(4),
  osc_chunk_size: int(1000),
  osc_check_interval: int(5),
  osc_bin_dir: str('/usr/local/bin'),
} as const satisfies SectionSpec;

/** `[ghost]` (gh-ost). */
export const GHOST_SPEC = {
  ghost_aliyun_rds: bool(false),
  ghost_allow_master_master: bool(false),
  ghost_allow_nullable_unique_key: bool(false),
  ghost_allow_on_master: bool(true),
  ghost_approve_renamed_columns: bool(true),
  ghost_assume_master_host: str(''),
  ghost_assume_rbr: bool(true),
  ghost_concurrent_rowcount: bool(true),
  ghost_critical_load_interval_millis: int(0),
  ghost_critical_load_hibernate_seconds: int(0),
  ghost_cut_over: str('atomic', ['atomic', 'two-step']),
  ghost_cut_over_exponential_backoff: bool(false),
  ghost_chunk_size: int(1000),
  ghost_cut_over_lock_timeout_seconds: int(3),
  ghost_discard_foreign_keys: bool(false),
  ghost_default_retries: int(60),
  ghost_dml_batch_size: int(10),
  ghost_exact_rowcount: bool(false),
  ghost_exponential_backoff_max_interval: int(64),
  ghost_force_table_names: str(''),
  ghost_force_named_cut_over: bool(false),
  ghost_gcp: bool(false),
  ghost_heartbeat_interval_millis: int(500),
  ghost_initially_drop_ghost_table: bool(false),
  ghost_initially_drop_old_table: bool(false),
  ghost_initially_drop_socket_file: bool(false),
  ghost_max_lag_millis: int(1500),
  ghost_nice_ratio: float(0, 0),
  ghost_on: bool(false),
  ghost_ok_to_drop_table: bool(true),
  ghost_postpone_cut_over_flag_file: str(''),
  ghost_skip_foreign_key_checks: bool(true),
  ghost_throttle_control_replicas: str(''),
  ghost_throttle_http: str(''),
  ghost_timestamp_old_table: bool(false),
  ghost_throttle_query: str(''),
  ghost_throttle_flag_file: str(''),
  ghost_throttle_additional_flag_file: str(''),
  ghost_tungsten: bool(false),
  ghost_replication_lag_query: str(''),
  ghost_bin_dir: str(''),
} as const satisfies SectionSpec;

/** `[inceptor]`: our own additions. */
export const INCEPTOR_SPEC = {
  /** This instance's id in the 32-bit connection-id layout (1..2047, process/connection-id.ts). */
  server_id: { kind: 'uint', default: 1, min: 1, max: 2047 },
  /** Seconds a client gets to finish the handshake before the socket is closed. */
  handshake_timeout: { kind: 'uint', default: 10, min: 1, max: 86400 },
  /** Width of the local part of connection ids (FIFO reuse); tests shrink it to reach exhaustion (1040). */
  local_id_bits: { kind: 'uint', default: 20, min: 2, max: 20 },
  /** MySQL's client timeouts in seconds (docs/security.md "Timeouts"): idle, idle for CLIENT_INTERACTIVE, partial packet. */
  wait_timeout: { kind: 'uint', default: 28800, min: 1, max: 31536000 },
  interactive_timeout: { kind: 'uint', default: 28800, min: 1, max: 31536000 },
  net_read_timeout: { kind: 'uint', default: 30, min: 1, max: 31536000 },
  /** MySQL connection_control (docs/security.md "Login delay"): failures per client host before delays start; 0 = off. */
  connection_control_failed_connections_threshold: { kind: 'uint', default: 3, max: 2147483647 },
  /** Milliseconds: the first delay and the largest one. */
  connection_control_min_connection_delay: { kind: 'uint', default: 1000, min: 1000, max: 2147483647 },
  connection_control_max_connection_delay: { kind: 'uint', default: 2147483647, min: 1000, max: 2147483647 },
} as const satisfies SectionSpec;

/** `[[users]]` entries. */
export const USER_SPEC = {
  name: str(''),
  password: str(''),
  admin: bool(false),
} as const satisfies SectionSpec;

/**
 * Keys of the TiDB engine goInception embeds: accepted so goInception's config.toml loads unchanged, but they
 * have no effect here. Top-level scalars and whole tables.
 */
export const TIDB_ONLY_KEYS: ReadonlySet<string> = new Set([
  'store',
  'path',
  'lease',
  'run-ddl',
  'split-table',
  'token-limit',
  'oom-action',
  'mem-quota-query',
  'enable-streaming',
  'lower-case-table-names',
  'treat-old-version-utf8-as-utf8mb4',
  'check-mb4-value-in-utf8',
  'enable-table-lock',
  'delay-clean-table-lock',
  'split-region-max-num',
  'enable-batch-dml',
  'repair-mode',
  'txn-local-latches',
  'prepared-plan-cache',
  'proxy-protocol',
  'tikv-client',
  'binlog',
  'opentracing',
  'plugin',
  'pessimistic-txn',
  'stmt-summary',
  'experimental',
]);

export function defaultsOf<S extends SectionSpec>(spec: S): SectionValues<S> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(spec)) {
    out[propertyName(key)] = field.kind === 'list' ? [...field.default] : field.default;
  }
  return out as SectionValues<S>;
}

/** toml key → property name (`ssl-cert` → `ssl_cert`). */
export function propertyName(tomlKey: string): string {
  return tomlKey.replace(/-/g, '_');
}
