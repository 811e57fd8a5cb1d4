// config.toml → one typed `Config` (docs/config.md). Property names are the toml keys with `-`
// replaced by `_`. goInception's own config.toml loads unchanged: keys of its embedded TiDB are accepted and
// reported once as ignored, unknown keys are warned one by one, and a bad value stops start-up with
// `file:line: [section] key: reason`.

import { readFileSync } from 'node:fs';
import toml from 'toml';
import { defaultLevels, findLevelKey, type Level } from './levels.js';
import { isNativePasswordHash } from './password-hash.js';
import {
  CLUSTER_SPEC,
  defaultsOf,
  GHOST_SPEC,
  INC_SPEC,
  INCEPTOR_SPEC,
  LOG_FILE_SPEC,
  LOG_SPEC,
  OSC_SPEC,
  PERFORMANCE_SPEC,
  propertyName,
  SECURITY_SPEC,
  STATUS_SPEC,
  TIDB_ONLY_KEYS,
  TOP_SPEC,
  USER_SPEC,
  type FieldSpec,
  type SectionSpec,
  type SectionValues,
} from './schema.js';
import { keyLines, lineOf } from './toml-lines.js';
import { checkFileValue, describe } from './values.js';
import { INCEPTOR_VERSION } from './version.js';

export type { Level } from './levels.js';
export type IncConfig = SectionValues<typeof INC_SPEC>;
export type OscConfig = SectionValues<typeof OSC_SPEC>;
export type GhostConfig = SectionValues<typeof GHOST_SPEC>;
export type LogConfig = SectionValues<typeof LOG_SPEC> & { file: SectionValues<typeof LOG_FILE_SPEC> };
export type SecurityConfig = SectionValues<typeof SECURITY_SPEC>;
export type StatusConfig = SectionValues<typeof STATUS_SPEC>;
export type PerformanceConfig = SectionValues<typeof PERFORMANCE_SPEC>;
export type InceptorConfig = SectionValues<typeof INCEPTOR_SPEC>;
export type ClusterConfig = SectionValues<typeof CLUSTER_SPEC>;

export interface UserConfig {
  name: string;
  /** Plain text, or `*` + 40 upper-hex digits of SHA1(SHA1(password)). */
  password: string;
  /** May see and kill every connection. */
  admin: boolean;
}

export type Config = SectionValues<typeof TOP_SPEC> & {
  log: LogConfig;
  security: SecurityConfig;
  status: StatusConfig;
  performance: PerformanceConfig;
  inc: IncConfig;
  osc: OscConfig;
  ghost: GhostConfig;
  /** Every level key of the audit catalogue → its level (compiled default unless configured). */
  inc_level: Record<string, Level>;
  users: UserConfig[];
  inceptor: InceptorConfig;
  cluster: ClusterConfig;
};

/** A config problem that must stop start-up; the message names file, line and key. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface LoadedConfig {
  config: Config;
  /** One line per unknown or ignored-with-reason key, each with `file:line`. */
  warnings: string[];
  /** TiDB-only keys present in the file (accepted, no effect), as `key` or `[table]`. */
  ignoredKeys: string[];
}

/** Grants are on (logins checked against [[users]]) unless all three skip_grant_table keys say otherwise. */
export function grantsEnabled(config: Config): boolean {
  return !(config.skip_grant_table && config.inc.skip_grant_table && config.security.skip_grant_table);
}

export function defaultConfig(): Config {
  const inc = defaultsOf(INC_SPEC);
  inc.version = INCEPTOR_VERSION;
  return {
    ...defaultsOf(TOP_SPEC),
    log: { ...defaultsOf(LOG_SPEC), file: defaultsOf(LOG_FILE_SPEC) },
    security: defaultsOf(SECURITY_SPEC),
    status: defaultsOf(STATUS_SPEC),
    performance: defaultsOf(PERFORMANCE_SPEC),
    inc,
    osc: defaultsOf(OSC_SPEC),
    ghost: defaultsOf(GHOST_SPEC),
    inc_level: defaultLevels(),
    users: [],
    inceptor: defaultsOf(INCEPTOR_SPEC),
    cluster: defaultsOf(CLUSTER_SPEC),
  };
}

/**
 * Reads and checks a config file. `warn` receives one line listing the TiDB-only keys (if any) and one line
 * per unknown key. Throws ConfigError for an unreadable file, a syntax error or a bad value.
 */
export function loadConfig(path: string, warn: (message: string) => void = () => {}): Config {
  const loaded = readConfigFile(path);
  for (const line of configNotices(loaded, path)) warn(line);
  return loaded.config;
}

export function readConfigFile(path: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`${path}: cannot read config file: ${(err as Error).message}`);
  }
  return parseConfig(text, path);
}

/** The log lines a load produces: the ignored TiDB keys as one line, then each warning. */
export function configNotices(loaded: LoadedConfig, file: string): string[] {
  const out: string[] = [];
  if (loaded.ignoredKeys.length > 0) {
    out.push(`${file}: ignoring TiDB-only keys (no effect in inceptor): ${loaded.ignoredKeys.join(', ')}`);
  }
  out.push(...loaded.warnings);
  return out;
}

/** Parses config text; `file` is only used in messages. */
export function parseConfig(text: string, file = 'config.toml'): LoadedConfig {
  let doc: Record<string, unknown>;
  try {
    doc = toml.parse(text) as Record<string, unknown>;
  } catch (err) {
    const e = err as Error & { location?: { start?: { line?: number } } };
    const line = e.location?.start?.line;
    throw new ConfigError(`${file}${line ? `:${line}` : ''}: ${e.message}`);
  }
  return new ConfigReader(text, file).read(doc);
}

/** Sections inceptor reads, by toml table name. */
const SECTIONS = {
  security: SECURITY_SPEC,
  status: STATUS_SPEC,
  performance: PERFORMANCE_SPEC,
  inc: INC_SPEC,
  osc: OSC_SPEC,
  ghost: GHOST_SPEC,
  inceptor: INCEPTOR_SPEC,
  cluster: CLUSTER_SPEC,
} as const;

/** Sections whose effect lives in the TiDB engine: typed and checked, but listed as having no effect. */
const TIDB_SECTIONS = new Set(['performance']);
/** Sections where TiDB has more keys than we read: those are accepted without a warning. */
const OPEN_SECTIONS = new Set(['status', 'performance']);

class ConfigReader {
  private readonly lines: Map<string, number>;
  private readonly warnings: string[] = [];
  private readonly ignored: string[] = [];

  constructor(
    text: string,
    private readonly file: string,
  ) {
    this.lines = keyLines(text);
  }

  read(doc: Record<string, unknown>): LoadedConfig {
    const config = defaultConfig();
    const top = config as unknown as Record<string, unknown>;
    for (const [key, raw] of Object.entries(doc)) {
      const lower = key.toLowerCase();
      if (lower === 'log') this.readLog(raw, config);
      else if (lower in SECTIONS) {
        const name = lower as keyof typeof SECTIONS;
        if (TIDB_SECTIONS.has(name)) this.ignored.push(`[${name}]`);
        this.readSection(name, raw, SECTIONS[name], top[name] as Record<string, unknown>);
      } else if (lower === 'inc_level') this.readLevels(raw, config.inc_level);
      else if (lower === 'users') config.users = this.readUsers(raw);
      else if (TIDB_ONLY_KEYS.has(lower)) this.ignored.push(isTable(raw) ? `[${key}]` : key);
      else {
        const specKey = findSpecKey(TOP_SPEC, key);
        if (specKey) top[propertyName(specKey)] = this.check(TOP_SPEC[specKey as keyof typeof TOP_SPEC], raw, '', key);
        else this.unknown('', key);
      }
    }
    this.checkCluster(config);
    return { config, warnings: this.warnings, ignoredKeys: this.ignored };
  }

  /** Combinations of `[cluster]` keys that cannot work (docs/kill.md, "Configuration"). */
  private checkCluster(config: Config): void {
    const c = config.cluster;
    if (c.advertise_address !== '' && !isHostPort(c.advertise_address)) {
      this.fail('cluster', 'advertise_address', `expected host:port, got ${JSON.stringify(c.advertise_address)}`);
    }
    if (c.id_bits !== 32 && c.id_bits !== 64) this.fail('cluster', 'id_bits', `expected 32 or 64, got ${c.id_bits}`);
    if (c.fence_seconds > c.lease_seconds / 2) {
      this.fail('cluster', this.present('cluster', 'fence_seconds', 'lease_seconds'), `must be at most lease_seconds / 2 (${c.lease_seconds / 2}), got ${c.fence_seconds}`);
    }
    if (!c.enable) return;
    if (c.secret === '') this.fail('cluster', this.present('cluster', 'secret', 'enable'), 'a shared secret is required when enable = true');
    if (!config.status.report_status) {
      this.fail('cluster', 'enable', 'enable = true needs [status] report-status = true (peers forward KILLs to the status port)');
    }
    if (c.store_host === '' && config.inc.backup_host === '') {
      this.fail('cluster', this.present('cluster', 'store_host', 'enable'), 'enable = true needs a coordination store: set store_host (or [inc] backup_host)');
    }
  }

  /** `key` when the file has it, else `fallback` (so the message points at a line that exists). */
  private present(section: string, key: string, fallback: string): string {
    return this.lines.has(`${section}.${key}`) ? key : fallback;
  }

  private readLog(raw: unknown, config: Config): void {
    const table = this.table(raw, 'log');
    for (const [key, value] of Object.entries(table)) {
      if (key.toLowerCase() === 'file') {
        this.readSection('log.file', value, LOG_FILE_SPEC, config.log.file as unknown as Record<string, unknown>);
        continue;
      }
      this.readKey('log', key, value, LOG_SPEC, config.log as unknown as Record<string, unknown>);
    }
  }

  private readSection(section: string, raw: unknown, spec: SectionSpec, target: Record<string, unknown>): void {
    const table = this.table(raw, section);
    for (const [key, value] of Object.entries(table)) this.readKey(section, key, value, spec, target);
  }

  private readKey(section: string, key: string, raw: unknown, spec: SectionSpec, target: Record<string, unknown>): void {
    const specKey = findSpecKey(spec, key);
    if (!specKey) {
      // TiDB has many more tuning keys in these tables; they were never ours to check.
      if (!OPEN_SECTIONS.has(section)) this.unknown(section, key);
      return;
    }
    if (section === 'inc' && specKey === 'version') {
      this.warnings.push(`${this.where('inc', key)}[inc] version is read-only (the build version); ignored`);
      return;
    }
    target[propertyName(specKey)] = this.check(spec[specKey]!, raw, section, key);
  }

  private readLevels(raw: unknown, levels: Record<string, Level>): void {
    const table = this.table(raw, 'inc_level');
    for (const [key, value] of Object.entries(table)) {
      const def = findLevelKey(key);
      if (!def) {
        this.unknown('inc_level', key);
        continue;
      }
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 2) {
        this.fail('inc_level', key, `expected 0, 1 or 2, got ${describe(value)}`);
      }
      levels[def.key] = value as Level;
    }
  }

  private readUsers(raw: unknown): UserConfig[] {
    if (!Array.isArray(raw) || !raw.every(isTable)) {
      this.fail('', 'users', 'expected an array of tables ([[users]] entries with name, password, admin)');
    }
    const users: UserConfig[] = [];
    const seen = new Set<string>();
    (raw as Record<string, unknown>[]).forEach((entry, index) => {
      const section = `users[${index}]`;
      const user = defaultsOf(USER_SPEC) as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(entry)) this.readKey(section, key, value, USER_SPEC, user);
      const name = user['name'] as string;
      const password = user['password'] as string;
      if (name === '') this.fail(section, '', 'a [[users]] entry needs a non-empty name');
      if (seen.has(name)) this.fail(section, 'name', `user ${JSON.stringify(name)} is defined twice`);
      seen.add(name);
      if (password.startsWith('*') && password.length === 41 && !isNativePasswordHash(password)) {
        this.fail(section, 'password', 'looks like a password hash but is not * followed by 40 hex digits');
      }
      users.push({
        name,
        password: isNativePasswordHash(password) ? password.toUpperCase() : password,
        admin: user['admin'] as boolean,
      });
    });
    return users;
  }

  private check(field: FieldSpec, raw: unknown, section: string, key: string): unknown {
    const result = checkFileValue(field, raw);
    if (!result.ok) this.fail(section, key, result.reason);
    return (result as { value: unknown }).value;
  }

  private table(raw: unknown, section: string): Record<string, unknown> {
    if (!isTable(raw)) this.fail('', section, `expected a table ([${section}]), got ${describe(raw)}`);
    return raw as Record<string, unknown>;
  }

  private unknown(section: string, key: string): void {
    this.warnings.push(`${this.where(section, key)}unknown key ${label(section, key)} ignored`);
  }

  private fail(section: string, key: string, reason: string): never {
    throw new ConfigError(`${this.where(section, key)}${label(section, key)}: ${reason}`);
  }

  /** `file:line: ` (or `file: ` when the line cannot be found). */
  private where(section: string, key: string): string {
    const path = section && key ? `${section}.${key}` : section || key;
    const line = lineOf(this.lines, path);
    return `${this.file}${line ? `:${line}` : ''}: `;
  }
}

/** `[inc] max_keys`, `[log.file] filename`, `[[users]] #2 password`, `port`. */
function label(section: string, key: string): string {
  const users = /^users\[(\d+)\]$/.exec(section);
  const head = users ? `[[users]] #${Number(users[1]) + 1}` : section ? `[${section}]` : '';
  return [head, key].filter((s) => s !== '').join(' ');
}

/** The spec key a file key means: exact, any case, `-` and `_` interchangeable. */
function findSpecKey(spec: SectionSpec, key: string): string | undefined {
  if (Object.hasOwn(spec, key)) return key;
  const wanted = key.toLowerCase().replace(/-/g, '_');
  return Object.keys(spec).find((k) => k.replace(/-/g, '_') === wanted);
}

/** `host:port` with a non-empty host (a name, IPv4, or a bracketed IPv6) and a port 1..65535. */
export function isHostPort(value: string): boolean {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:\s\[\]]+):(\d{1,5})$/.exec(value);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 65535;
}

function isTable(raw: unknown): raw is Record<string, unknown> {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) && !(raw instanceof Date);
}
