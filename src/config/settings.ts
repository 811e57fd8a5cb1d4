// Runtime settings: the `[inc]`, `[osc]`, `[ghost]` and `[inc_level]` values `inception set` changes
// (docs/commands.md). One global instance per server (in memory only, never written back to the
// file); every batch works on its own `forSession()` copy so an in-batch `inception set session` stays local.

import { ER, mysqlError } from '../protocol/result.js';
import type { Config, GhostConfig, IncConfig, Level, OscConfig } from './config.js';
import { findLevelKey } from './levels.js';
import { GHOST_SPEC, INC_SPEC, OSC_SPEC, type FieldSpec, type SectionSpec } from './schema.js';
import { literalText } from './sql-literal.js';
import { goString, splitList } from './values.js';

export type SettingsSection = 'inc' | 'osc' | 'ghost';

const SECTION_SPECS: Readonly<Record<SettingsSection, SectionSpec>> = { inc: INC_SPEC, osc: OSC_SPEC, ghost: GHOST_SPEC };

/** Variables `inception set` refuses to change (`enable_any_statement`, `tls_files_dir` are config-file only). */
const READ_ONLY = new Set(['version', 'enable_any_statement', 'tls_files_dir']);

/** Largest magnitude a number setting holds exactly (Go's int64/uint64 limits do not fit a JS number). */
const NUMBER_LIMIT = Number.MAX_SAFE_INTEGER;

export const INVALID_PARAMETER_MESSAGE = '无效参数';
/** What `inception show variables` shows for a password that is set. */
export const MASKED_PASSWORD = '***';

export interface SettingsSource {
  inc: IncConfig;
  osc: OscConfig;
  ghost: GhostConfig;
  inc_level: Record<string, Level>;
}

/** What a successful `set` reports: how many values were clamped into range (MySQL-style warnings). */
export interface SetOutcome {
  warnings: number;
}

interface ResolvedVariable {
  section: SettingsSection;
  key: string;
  field: FieldSpec;
}

export class Settings {
  inc: IncConfig;
  osc: OscConfig;
  ghost: GhostConfig;
  /** Level key → 0|1|2, every key of the catalogue. */
  levels: Record<string, Level>;

  constructor(source: SettingsSource) {
    this.inc = { ...source.inc, custom_keywords: [...source.inc.custom_keywords] };
    this.osc = { ...source.osc };
    this.ghost = { ...source.ghost };
    this.levels = { ...source.inc_level };
  }

  /**
   * An independent copy for one batch, with the connection's own `inception set session` assignments applied
   * (made outside a batch with grants on; docs/security.md "Settings and grants").
   */
  forSession(assignments: readonly { name: string; value: string }[] = []): Settings {
    const copy = new Settings({ inc: this.inc, osc: this.osc, ghost: this.ghost, inc_level: this.levels });
    if (assignments.length > 0) copy.setAll(assignments);
    return copy;
  }

  /** `inception set name = value`; `value` is the SQL literal as written (quoted, bare, or `-literal`). */
  set(name: string, value: string): SetOutcome {
    return this.setAll([{ name, value }]);
  }

  /** Several assignments of one statement: all are checked before any is applied. */
  setAll(assignments: readonly { name: string; value: string }[]): SetOutcome {
    const staged = assignments.map(({ name, value }) => {
      const variable = resolveVariable(name);
      return { variable, ...convert(variable, name, value) };
    });
    let warnings = 0;
    for (const { variable, value, clamped } of staged) {
      (this[variable.section] as Record<string, unknown>)[variable.key] = value;
      if (clamped) warnings++;
    }
    return { warnings };
  }

  /** `inception set level er_x = n`; values above 2 count as 2. */
  setLevel(name: string, value: string): void {
    this.setLevels([{ name, value }]);
  }

  setLevels(assignments: readonly { name: string; value: string }[]): void {
    const staged = assignments.map(({ name, value }) => {
      const def = findLevelKey(name);
      if (!def) throw mysqlError(ER.UNKNOWN, INVALID_PARAMETER_MESSAGE);
      const text = literalText(value);
      if (!/^[+-]?\d+$/.test(text)) throw wrongType(name);
      const n = Number(text);
      if (n < 0) throw wrongValue(name, text);
      return { key: def.key, level: Math.min(n, 2) as Level };
    });
    for (const { key, level } of staged) this.levels[key] = level;
  }

  /** `inception show variables`: `[inc]`, `[osc]`, `[ghost]` in declaration order, printed the Go way. */
  variables(): [string, string][] {
    const out: [string, string][] = [];
    for (const section of ['inc', 'osc', 'ghost'] as const) {
      const values = this[section] as Record<string, unknown>;
      for (const key of Object.keys(SECTION_SPECS[section])) {
        const value = values[key];
        // password-valued variables never show, not even hashed (docs/security.md)
        if (key.endsWith('password')) out.push([key, value ? MASKED_PASSWORD : '']);
        else out.push([key, goString(value)]);
      }
    }
    return out;
  }
}

/**
 * A variable by toml key or Go field name, case-insensitively: `osc_` → [osc], `ghost_` → [ghost], else
 * [inc]. A Go field name (`CheckDMLWhere`) is the toml key without underscores.
 */
function resolveVariable(name: string): ResolvedVariable {
  const lower = name.trim().toLowerCase();
  if (READ_ONLY.has(lower)) throw mysqlError(ER.UNKNOWN, `Variable '${lower}' is a read only variable`);
  const section: SettingsSection = lower.startsWith('osc_') ? 'osc' : lower.startsWith('ghost_') ? 'ghost' : 'inc';
  const found = findIn(section, lower) ?? findGoName(lower);
  if (!found) throw mysqlError(ER.UNKNOWN, INVALID_PARAMETER_MESSAGE);
  if (READ_ONLY.has(found.key)) throw mysqlError(ER.UNKNOWN, `Variable '${found.key}' is a read only variable`);
  return found;
}

function findIn(section: SettingsSection, lower: string): ResolvedVariable | undefined {
  const spec = SECTION_SPECS[section];
  const bare = lower.replace(/_/g, '');
  const key = Object.keys(spec).find((k) => k === lower || k.replace(/_/g, '') === bare);
  return key === undefined ? undefined : { section, key, field: spec[key]! };
}

/** Go names of [osc]/[ghost] fields (`OscOn`) carry no `osc_` prefix; look in every section. */
function findGoName(lower: string): ResolvedVariable | undefined {
  if (lower.includes('_')) return undefined;
  for (const section of ['inc', 'osc', 'ghost'] as const) {
    const found = findIn(section, lower);
    if (found) return found;
  }
  return undefined;
}

function convert(variable: ResolvedVariable, name: string, raw: string): { value: unknown; clamped: boolean } {
  const { field } = variable;
  const text = literalText(raw);
  const shown = name.trim().toLowerCase();
  switch (field.kind) {
    case 'bool': {
      const upper = text.toUpperCase();
      if (upper === 'ON' || upper === '1' || upper === 'TRUE') return { value: true, clamped: false };
      if (upper === 'OFF' || upper === '0' || upper === 'FALSE') return { value: false, clamped: false };
      throw wrongValue(shown, text);
    }
    case 'int':
    case 'uint': {
      if (!/^[+-]?\d+$/.test(text)) throw wrongType(shown);
      return clamp(Number(text), field.min ?? -NUMBER_LIMIT, field.max ?? NUMBER_LIMIT);
    }
    case 'float': {
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) throw wrongType(shown);
      return clamp(Number(text), field.min ?? -Number.MAX_VALUE, field.max ?? Number.MAX_VALUE);
    }
    case 'string': {
      if (!field.values) return { value: text, clamped: false };
      const canonical = field.values.find((v) => v.toLowerCase() === text.toLowerCase());
      if (canonical === undefined) throw wrongValue(shown, text);
      return { value: canonical, clamped: false };
    }
    case 'list':
      return { value: splitList(text).map((s) => s.toUpperCase()), clamped: false };
  }
}

function clamp(n: number, min: number, max: number): { value: number; clamped: boolean } {
  if (n < min) return { value: min, clamped: true };
  if (n > max) return { value: max, clamped: true };
  return { value: n, clamped: false };
}

function wrongValue(name: string, value: string) {
  return mysqlError(ER.WRONG_VALUE_FOR_VAR, `Variable '${name}' can't be set to the value of '${value}'`);
}

function wrongType(name: string) {
  return mysqlError(ER.WRONG_TYPE_FOR_VAR, `Incorrect argument type to variable '${name}'`);
}
