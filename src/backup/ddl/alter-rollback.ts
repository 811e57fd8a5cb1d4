// The rollback of a statement that changes one table's definition (ALTER TABLE, CREATE INDEX, DROP INDEX), built
// from the table's `SHOW CREATE TABLE` before and after it ran (docs/backup.md "DDL rollback"). Comparing the two
// real definitions restores exactly what changed — old column definitions with their defaults, charsets and
// generated expressions, column order, indexes with prefix lengths and FULLTEXT/SPATIAL, visibility, constraints,
// table options and partitioning — where a rollback built from the statement's text alone cannot.

import { parseCreateTable, quoteName, readQuoted, type CreateTableText, type KeyLine } from './show-create.js';

export interface AlterRollbackInput {
  /** The table before the statement, and after it (a RENAME inside the ALTER changes db/name). */
  before: { db: string; name: string; createSql: string };
  after: { db: string; name: string; createSql: string };
  /** Column renames the statement made (CHANGE a b, RENAME COLUMN a TO b): old name → new name. */
  columnRenames: ReadonlyMap<string, string>;
  /** Index renames (RENAME INDEX a TO b): old name → new name. */
  indexRenames: ReadonlyMap<string, string>;
}

/** Rollback statements (each ending in `;`); empty when the definition did not change. */
export function alterRollback(input: AlterRollbackInput): string[] {
  const before = parseCreateTable(input.before.createSql);
  const after = parseCreateTable(input.after.createSql);
  const columnOld = invert(input.columnRenames);
  const indexOld = invert(input.indexRenames);
  const fragments = [
    ...columnDrops(before, after, columnOld),
    ...keyChanges(before, after, indexOld, columnOld, 'drop'),
    ...columnRestores(before, after, columnOld, tableCharsetChange(before, after)),
    ...keyChanges(before, after, indexOld, columnOld, 'add'),
    ...optionRestores(before, after),
  ];
  const renamed = input.before.db !== input.after.db || input.before.name !== input.after.name;
  if (renamed) fragments.push(`RENAME TO ${quoteName(input.before.db)}.${quoteName(input.before.name)}`);
  const statements: string[] = [];
  const current = `${quoteName(input.after.db)}.${quoteName(input.after.name)}`;
  if (fragments.length > 0) statements.push(`ALTER TABLE ${current} ${fragments.join(', ')};`);
  if (before.partitioning !== after.partitioning) {
    const table = `${quoteName(input.before.db)}.${quoteName(input.before.name)}`;
    statements.push(before.partitioning === '' ? `ALTER TABLE ${table} REMOVE PARTITIONING;` : `ALTER TABLE ${table} ${before.partitioning};`);
  }
  return statements;
}

const lc = (s: string) => s.toLowerCase();

function invert(renames: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [from, to] of renames) out.set(lc(to), from);
  return out;
}

/** The after-table's columns, each with the name it had before the statement (null when the statement added it). */
function afterColumnsWithOldNames(before: CreateTableText, after: CreateTableText, columnOld: Map<string, string>) {
  const beforeNames = new Set(before.columns.map((c) => lc(c.name)));
  return after.columns.map((c) => {
    const old = columnOld.get(lc(c.name)) ?? c.name;
    return { column: c, oldName: beforeNames.has(lc(old)) ? old : null };
  });
}

function columnDrops(before: CreateTableText, after: CreateTableText, columnOld: Map<string, string>): string[] {
  return afterColumnsWithOldNames(before, after, columnOld)
    .filter((c) => c.oldName === null)
    .map((c) => `DROP COLUMN ${quoteName(c.column.name)}`);
}

/** Replaces the leading name of a definition line. */
function renameLine(text: string, name: string): string {
  const q = readQuoted(text, 0);
  return q ? quoteName(name) + text.slice(q.end) : text;
}

/**
 * When the table's default charset changes (CONVERT TO, DEFAULT CHARSET=), columns that only inherited the old one
 * must name it explicitly on the way back: the clause to insert after their type, or null when it did not change.
 */
function tableCharsetChange(before: CreateTableText, after: CreateTableText): string | null {
  const value = (t: CreateTableText, key: string) => t.options.find((o) => o.key === key)?.value;
  const charset = value(before, 'DEFAULT CHARSET');
  const collate = value(before, 'COLLATE');
  if (!charset || (charset === value(after, 'DEFAULT CHARSET') && collate === value(after, 'COLLATE'))) return null;
  return `CHARACTER SET ${charset}${collate ? ` COLLATE ${collate}` : ''}`;
}

const CHARACTER_TYPE = /^(char|varchar|tinytext|text|mediumtext|longtext|enum|set)\b/i;

/** `` `e` enum('x','y') NOT NULL `` + clause → `` `e` enum('x','y') <clause> NOT NULL `` for character columns. */
function withCharset(text: string, clause: string): string | null {
  const q = readQuoted(text, 0);
  if (!q) return null;
  let i = q.end + 1;
  if (!CHARACTER_TYPE.test(text.slice(i)) || /\bCHARACTER SET\b|\bCOLLATE\b/.test(text.slice(i))) return null;
  while (i < text.length && /[A-Za-z]/.test(text[i]!)) i++;
  if (text[i] === '(') {
    let quoted = false;
    for (i++; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === "'" && text[i + 1] === "'") i++;
        else if (ch === '\\') i++;
        else if (ch === "'") quoted = false;
      } else if (ch === "'") quoted = true;
      else if (ch === ')') break;
    }
    i++;
  }
  return `${text.slice(0, i)} ${clause}${text.slice(i)}`;
}

function columnRestores(before: CreateTableText, after: CreateTableText, columnOld: Map<string, string>, charsetClause: string | null): string[] {
  const mapped = afterColumnsWithOldNames(before, after, columnOld).filter((c) => c.oldName !== null);
  const current = new Map(mapped.map((c) => [lc(c.oldName!), c.column]));
  const survivingOrder = before.columns.filter((c) => current.has(lc(c.name))).map((c) => lc(c.name));
  const afterOrder = mapped.map((c) => lc(c.oldName!));
  const orderChanged = survivingOrder.join('\u0000') !== afterOrder.join('\u0000');
  const fragments: string[] = [];
  before.columns.forEach((old, i) => {
    const position = i === 0 ? 'FIRST' : `AFTER ${quoteName(before.columns[i - 1]!.name)}`;
    const now = current.get(lc(old.name));
    const inherited = charsetClause === null ? null : withCharset(old.text, charsetClause);
    if (!now) {
      fragments.push(`ADD COLUMN ${inherited ?? old.text} ${position}`);
      return;
    }
    const renamed = now.name !== old.name;
    const changed = inherited !== null || renameLine(now.text, old.name) !== old.text;
    const definition = inherited ?? old.text;
    if (renamed) fragments.push(`CHANGE COLUMN ${quoteName(now.name)} ${definition} ${position}`);
    else if (changed || orderChanged) fragments.push(`MODIFY COLUMN ${definition} ${position}`);
  });
  return fragments;
}

/** An index line as it would read with the old index and column names. */
function keyTextInOldNames(key: KeyLine, oldName: string, columnOld: Map<string, string>): string {
  let text = key.text;
  if (key.kind === 'index' || key.kind === 'foreign' || key.kind === 'check') {
    const prefix = /^(UNIQUE KEY|KEY|FULLTEXT KEY|SPATIAL KEY|VECTOR KEY|CONSTRAINT) /.exec(text)?.[0];
    if (prefix) {
      const q = readQuoted(text, prefix.length);
      if (q) text = prefix + quoteName(oldName) + text.slice(q.end);
    }
  }
  return text.replace(/`((?:[^`]|``)*)`/g, (whole, name: string) => {
    const old = columnOld.get(lc(name.replace(/``/g, '`')));
    return old === undefined ? whole : quoteName(old);
  });
}

const VISIBILITY = / (IGNORED|\/\*!80000 INVISIBLE \*\/)$/;

function dropKey(key: KeyLine, currentName: string): string {
  switch (key.kind) {
    case 'primary':
      return 'DROP PRIMARY KEY';
    case 'index':
      return `DROP INDEX ${quoteName(currentName)}`;
    case 'foreign':
      return `DROP FOREIGN KEY ${quoteName(currentName)}`;
    case 'check':
      return `DROP CONSTRAINT ${quoteName(currentName)}`;
  }
}

/** Index and constraint differences: the drops (phase 'drop') or the re-adds, renames and visibility (phase 'add'). */
function keyChanges(
  before: CreateTableText,
  after: CreateTableText,
  indexOld: Map<string, string>,
  columnOld: Map<string, string>,
  phase: 'drop' | 'add',
): string[] {
  const keyId = (k: KeyLine, name: string) => `${k.kind === 'primary' || k.kind === 'index' ? 'index' : k.kind}:${lc(name)}`;
  const beforeKeys = new Map(before.keys.filter((k) => k.name !== '').map((k) => [keyId(k, k.name), k]));
  const out: string[] = [];
  const kept = new Set<string>();
  for (const key of after.keys) {
    if (key.name === '') continue;
    const oldName = key.kind === 'index' ? (indexOld.get(lc(key.name)) ?? key.name) : key.name;
    const old = beforeKeys.get(keyId(key, oldName));
    if (!old) {
      if (phase === 'drop') out.push(dropKey(key, key.name));
      continue;
    }
    kept.add(keyId(old, old.name));
    const nowText = keyTextInOldNames(key, old.name, columnOld);
    if (nowText === old.text) {
      if (phase === 'add' && key.name !== old.name) out.push(`RENAME INDEX ${quoteName(key.name)} TO ${quoteName(old.name)}`);
      continue;
    }
    const sameApartFromVisibility = nowText.replace(VISIBILITY, '') === old.text.replace(VISIBILITY, '');
    if (sameApartFromVisibility && key.kind === 'index') {
      if (phase === 'add') {
        if (key.name !== old.name) out.push(`RENAME INDEX ${quoteName(key.name)} TO ${quoteName(old.name)}`);
        out.push(`ALTER INDEX ${quoteName(old.name)} ${visibilityClause(old.text, key.text)}`);
      }
      continue;
    }
    if (phase === 'drop') out.push(dropKey(key, key.name));
    else out.push(`ADD ${old.text}`);
  }
  if (phase === 'add') {
    for (const old of before.keys) if (old.name === '' || !kept.has(keyId(old, old.name))) out.push(`ADD ${old.text}`);
  }
  return out;
}

/** The clause that gives an index back its old visibility, in the dialect the server printed. */
function visibilityClause(oldText: string, newText: string): string {
  const mysql = newText.includes('INVISIBLE') || oldText.includes('INVISIBLE');
  const wasHidden = VISIBILITY.test(oldText);
  if (mysql) return wasHidden ? 'INVISIBLE' : 'VISIBLE';
  return wasHidden ? 'IGNORED' : 'NOT IGNORED';
}

/** What an option not printed before means when it has to be put back. */
const OPTION_RESET: Record<string, string> = {
  COMMENT: "''",
  ROW_FORMAT: 'DEFAULT',
  KEY_BLOCK_SIZE: '0',
  CONNECTION: "''",
  PACK_KEYS: 'DEFAULT',
  CHECKSUM: '0',
  DELAY_KEY_WRITE: '0',
};

function optionRestores(before: CreateTableText, after: CreateTableText): string[] {
  const value = (t: CreateTableText, key: string) => t.options.find((o) => o.key === key)?.value;
  const keys = new Set([...before.options, ...after.options].map((o) => o.key).filter((k) => k !== 'AUTO_INCREMENT'));
  const out: string[] = [];
  const charsetChanged = ['DEFAULT CHARSET', 'COLLATE'].some((k) => value(before, k) !== value(after, k));
  for (const key of keys) {
    if (key === 'DEFAULT CHARSET' || key === 'COLLATE') continue;
    const old = value(before, key);
    if (old === value(after, key)) continue;
    out.push(`${key}=${old ?? OPTION_RESET[key] ?? 'DEFAULT'}`);
  }
  if (charsetChanged) {
    const charset = value(before, 'DEFAULT CHARSET');
    const collate = value(before, 'COLLATE');
    if (charset) out.push(`DEFAULT CHARSET=${charset}${collate ? ` COLLATE=${collate}` : ''}`);
  }
  return out;
}
