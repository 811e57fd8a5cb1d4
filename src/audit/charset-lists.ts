// The character sets, collations and engines a statement sets, wherever it sets them, for the allow-list rules
// (support_charset, support_collation, support_engine) and the CREATE DATABASE refusals (docs/audit.md
// "Charset and engine rules").
import type { ParsedStatement } from '../sql/statement.js';
import type { ColumnWrite } from './facts.js';

export interface NamedAt {
  /** Item for `ctx.reportAt`: -1 the statement (CREATE options), an ALTER spec, a column write's item. */
  at: number;
  value: string;
  /** Where it was written. */
  from: 'table' | 'convert' | 'database' | 'column';
}

/** CHARSET (or COLLATE / ENGINE) options of CREATE/ALTER TABLE and CREATE/ALTER DATABASE, and ALTER's CONVERT TO. */
export function optionsNamed(stmt: ParsedStatement, name: 'CHARSET' | 'COLLATE' | 'ENGINE'): NamedAt[] {
  const ddl = stmt.ddl;
  if (!ddl) return [];
  if (ddl.type === 'create_table') return ddl.options.filter((o) => o.name === name).map((o) => ({ at: -1, value: o.value, from: 'table' }));
  if (ddl.type === 'create_database' || ddl.type === 'alter_database') {
    return ddl.options.filter((o) => o.name === name).map((o) => ({ at: -1, value: o.value, from: 'database' }));
  }
  if (ddl.type !== 'alter_table') return [];
  return ddl.specs.flatMap((spec, at): NamedAt[] => {
    if (spec.op === 'options') return spec.options.filter((o) => o.name === name).map((o) => ({ at, value: o.value, from: 'table' }));
    if (spec.op === 'convert_charset' && name === 'CHARSET') return [{ at, value: spec.charset, from: 'convert' }];
    if (spec.op === 'convert_charset' && name === 'COLLATE' && spec.collation) return [{ at, value: spec.collation, from: 'convert' }];
    return [];
  });
}

/** Column CHARACTER SET / COLLATE of the statement's column definitions. */
export function columnCharsets(writes: readonly ColumnWrite[], what: 'charset' | 'collation'): NamedAt[] {
  return writes.flatMap((w) => {
    const value = w.column.model?.type[what] ?? null;
    return value === null ? [] : [{ at: w.at, value, from: 'column' as const }];
  });
}

/** An allow-list config value as a set of lower-case names; `utf8mb3` counts as `utf8`. */
export function allowList(config: string): Set<string> {
  return new Set(config.split(',').map((s) => normalise(s.trim())).filter((s) => s !== ''));
}

export function normalise(name: string): string {
  return name.toLowerCase().replace(/^utf8mb3(?=_|$)/, 'utf8');
}

/**
 * Character sets with a built-in default collation (MySQL's list), compared case-sensitively as goInception does
 * for ErrUnknownCharset, so `UTF8MB4` is unknown there.
 */
export const KNOWN_CHARSETS: ReadonlySet<string> = new Set([
  'armscii8', 'ascii', 'big5', 'binary', 'cp1250', 'cp1251', 'cp1256', 'cp1257', 'cp850', 'cp852', 'cp866', 'cp932',
  'dec8', 'eucjpms', 'euckr', 'gb18030', 'gb2312', 'gbk', 'geostd8', 'greek', 'hebrew', 'hp8', 'keybcs2', 'koi8r',
  'koi8u', 'latin1', 'latin2', 'latin5', 'latin7', 'macce', 'macroman', 'sjis', 'swe7', 'tis620', 'ucs2', 'ujis',
  'utf16', 'utf16le', 'utf32', 'utf8', 'utf8mb3', 'utf8mb4',
]);
