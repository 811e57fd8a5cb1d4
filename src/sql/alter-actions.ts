// ALTER TABLE specs as one normalised list, whether node-sql-parser parsed the statement or only our recogniser
// did (then each spec text is read on its own: first by the parser as `ALTER TABLE t <spec>`, else by the small
// readers here for RENAME INDEX, ALTER COLUMN … DEFAULT, ADD COLUMN (…), CHANGE/MODIFY with types the parser
// lacks). Rules and the snapshot read these instead of parser shapes.

import { alterSpecsOf, columnDefinitionOf, columnRefOf, createIndexOf, dropIndexOf, identText, indexDefinitionOf, type ColumnDefinition, type IndexDefinition, type TableName } from './ast.js';
import { identOf, isWord, readQualifiedName, splitTopLevel, tokenize, type Token } from './lex.js';
import { astify } from './node-parser.js';
import type { ParsedStatement } from './statement.js';

export type AlterAction =
  | { op: 'add_column'; columns: ColumnDefinition[]; after: string | null }
  | { op: 'drop_column'; column: string }
  | { op: 'modify_column'; column: ColumnDefinition; after: string | null }
  | { op: 'change_column'; old: string; column: ColumnDefinition; after: string | null }
  | { op: 'rename_column'; old: string; to: string }
  /** ALTER COLUMN c SET DEFAULT v (`drop` false) / DROP DEFAULT (`drop` true). */
  | { op: 'column_default'; column: string; value: string | null; drop: boolean }
  | { op: 'add_index'; index: IndexDefinition }
  | { op: 'drop_index'; name: string }
  | { op: 'drop_primary_key' }
  | { op: 'drop_foreign_key'; name: string }
  | { op: 'rename_index'; from: string; to: string }
  | { op: 'rename_table'; to: TableName }
  /** Table options, partitions, ALGORITHM/LOCK … and anything not read: no column/index effect. */
  | { op: 'other'; text: string };

type Node = Record<string, unknown>;

const cache = new WeakMap<ParsedStatement, AlterAction[]>();

/** The statement's ALTER TABLE actions in order (empty for other kinds). Cached per statement. */
export function alterActionsOf(stmt: ParsedStatement): AlterAction[] {
  if (stmt.kind !== 'alter_table') return [];
  const known = cache.get(stmt);
  if (known) return known;
  const rec = stmt.recognised;
  const actions = rec?.form === 'alter_table' ? rec.specs.flatMap(actionsOfText) : alterSpecsOf(stmt).map(actionOfSpec);
  cache.set(stmt, actions);
  return actions;
}

function afterOf(spec: Node): string | null {
  const suffix = spec.suffix as Node | undefined;
  if (!suffix || typeof suffix !== 'object' || Array.isArray(suffix)) return null;
  return String(suffix.keyword ?? '').toLowerCase() === 'after' ? (columnRefOf(suffix.expr)?.column ?? null) : null;
}

/** One parser spec node → action. */
export function actionOfSpec(spec: Node): AlterAction {
  const action = String(spec.action ?? '').toLowerCase();
  const resource = String(spec.resource ?? '').toLowerCase();
  const keyword = String(spec.keyword ?? '').toLowerCase();
  const other: AlterAction = { op: 'other', text: '' };
  if (resource === 'column') {
    const def = columnDefinitionOf(spec);
    if (action === 'add' && def) return { op: 'add_column', columns: [def], after: afterOf(spec) };
    if (action === 'modify' && def) return { op: 'modify_column', column: def, after: afterOf(spec) };
    const old = columnRefOf(spec.old_column)?.column;
    if (action === 'change' && def && old) return { op: 'change_column', old, column: def, after: afterOf(spec) };
    const name = columnRefOf(spec.column)?.column;
    if (action === 'drop' && name) return { op: 'drop_column', column: name };
    if (action === 'rename' && old && name) return { op: 'rename_column', old, to: name };
    return other;
  }
  if ((resource === 'index' || resource === 'constraint') && action === 'add') {
    const index = indexDefinitionOf(spec);
    return index ? { op: 'add_index', index } : other;
  }
  if (resource === 'index' && action === 'drop') {
    const name = identText(spec.index);
    return name ? { op: 'drop_index', name } : other;
  }
  if (resource === 'key' && action === 'drop') {
    if (keyword.startsWith('primary')) return { op: 'drop_primary_key' };
    const name = identText(spec.key);
    if (!name) return other;
    return keyword.startsWith('foreign') ? { op: 'drop_foreign_key', name } : { op: 'drop_index', name };
  }
  if (resource === 'table' && action === 'rename') {
    const target = spec.table;
    if (typeof target === 'string') return { op: 'rename_table', to: { db: null, name: target, alias: null } };
    const o = target as { db?: string | null; table?: string } | null;
    if (o && typeof o === 'object' && o.table) return { op: 'rename_table', to: { db: o.db ?? null, name: o.table, alias: null } };
  }
  return other;
}

/** A recognised spec's text → actions (several for `ADD COLUMN (a …, b …)`). */
export function actionsOfText(text: string): AlterAction[] {
  const toks = tokenize(text);
  const own = readOwnSpec(toks, text);
  if (own) return own;
  const parsed = astify(`ALTER TABLE _t ${text}`);
  if (parsed.ok && parsed.asts.length === 1) {
    const specs = (parsed.asts[0] as Node).expr;
    if (Array.isArray(specs) && specs.length > 0) {
      return specs.map((s) => {
        const a = actionOfSpec(s as Node);
        return a.op === 'other' ? { op: 'other', text } : a;
      });
    }
  }
  return [readColumnSpec(toks) ?? { op: 'other', text }];
}

/** Forms node-sql-parser never reads: RENAME INDEX/KEY, ALTER COLUMN … DEFAULT, RENAME [TO|AS] db.t. */
function readOwnSpec(toks: Token[], text: string): AlterAction[] | null {
  if (isWord(toks[0], 'RENAME') && isWord(toks[1], 'INDEX', 'KEY')) {
    const from = identOf(toks[2]);
    const to = identOf(toks[4]);
    if (from !== null && isWord(toks[3], 'TO') && to !== null && toks.length === 5) return [{ op: 'rename_index', from, to }];
    return [{ op: 'other', text }];
  }
  if (isWord(toks[0], 'RENAME') && !isWord(toks[1], 'COLUMN')) {
    const i = isWord(toks[1], 'TO', 'AS') ? 2 : 1;
    const name = readQualifiedName(toks, i);
    if (name && name.next === toks.length) return [{ op: 'rename_table', to: { db: name.db, name: name.name, alias: null } }];
    return null;
  }
  if (isWord(toks[0], 'ALTER')) {
    const i = isWord(toks[1], 'COLUMN') ? 2 : 1;
    const column = identOf(toks[i]);
    if (column === null) return [{ op: 'other', text }];
    if (isWord(toks[i + 1], 'DROP') && isWord(toks[i + 2], 'DEFAULT')) return [{ op: 'column_default', column, value: null, drop: true }];
    if (isWord(toks[i + 1], 'SET') && isWord(toks[i + 2], 'DEFAULT')) {
      const v = toks[i + 3];
      let value: string | null = v ? (v.type === 'string' ? v.value : v.text) : null;
      if (v?.type === 'punct' && v.text === '-' && toks[i + 4]) value = '-' + toks[i + 4]!.text;
      if (v?.type === 'word' && v.value === 'NULL') value = null;
      return [{ op: 'column_default', column, value, drop: false }];
    }
    return [{ op: 'other', text }];
  }
  if (isWord(toks[0], 'ADD') && (toks[1]?.text === '(' || (isWord(toks[1], 'COLUMN') && toks[2]?.text === '('))) {
    const open = toks[1]?.text === '(' ? 1 : 2;
    if (toks[toks.length - 1]?.text !== ')') return null;
    const parts = splitTopLevel(toks, open + 1, toks.length - 1);
    if (!parts || parts.some((p) => p.length === 0)) return null;
    const columns: ColumnDefinition[] = [];
    for (const p of parts) {
      const defText = text.slice(p[0]!.start, p[p.length - 1]!.end);
      const one = actionsOfText(`ADD COLUMN ${defText}`)[0];
      if (one?.op !== 'add_column') return null; // index definitions inside the list: not a column list
      columns.push(...one.columns);
    }
    return [{ op: 'add_column', columns, after: null }];
  }
  return null;
}

/** CHANGE/MODIFY/ADD COLUMN whose type the parser lacks: names from the tokens, a minimal definition. */
function readColumnSpec(toks: Token[]): AlterAction | null {
  const verb = toks[0]?.type === 'word' ? toks[0].value : '';
  if (!['CHANGE', 'MODIFY', 'ADD'].includes(verb)) return null;
  let i = isWord(toks[1], 'COLUMN') ? 2 : 1;
  if (verb === 'ADD' && isWord(toks[i], 'INDEX', 'KEY', 'PRIMARY', 'UNIQUE', 'FULLTEXT', 'SPATIAL', 'CONSTRAINT', 'FOREIGN', 'PARTITION', 'CHECK')) {
    return null;
  }
  let old: string | null = null;
  if (verb === 'CHANGE') {
    old = identOf(toks[i]);
    if (old === null) return null;
    i++;
  }
  const column = definitionFromTokens(toks, i);
  if (!column) return null;
  const afterAt = toks.findIndex((t) => isWord(t, 'AFTER'));
  const after = afterAt > 0 ? identOf(toks[afterAt + 1]) : null;
  if (verb === 'CHANGE') return { op: 'change_column', old: old!, column, after };
  if (verb === 'MODIFY') return { op: 'modify_column', column, after };
  return { op: 'add_column', columns: [column], after };
}

function definitionFromTokens(toks: Token[], i: number): ColumnDefinition | null {
  const name = identOf(toks[i]);
  const type = toks[i + 1];
  if (name === null || type?.type !== 'word') return null;
  let j = i + 2;
  let length: number | null = null;
  let scale: number | null = null;
  if (toks[j]?.text === '(') {
    const close = toks.findIndex((t, k) => k > j && t.text === ')');
    if (close < 0) return null;
    const nums = toks.slice(j + 1, close).filter((t) => t.type === 'number');
    if (nums.length > 0 && /^\d+$/.test(nums[0]!.text)) length = Number(nums[0]!.text);
    if (nums.length > 1 && /^\d+$/.test(nums[1]!.text)) scale = Number(nums[1]!.text);
    j = close + 1;
  }
  const rest = toks.slice(j);
  const has = (w: string) => rest.some((t) => isWord(t, w));
  let nullable: boolean | null = null;
  for (let k = 0; k < rest.length; k++) {
    if (isWord(rest[k], 'NULL') && !isWord(rest[k - 1], 'DEFAULT')) nullable = !isWord(rest[k - 1], 'NOT');
  }
  const at = (w: string) => rest.findIndex((t) => isWord(t, w));
  const defaultAt = at('DEFAULT');
  const commentAt = at('COMMENT');
  const defaultTok = defaultAt >= 0 ? rest[defaultAt + 1] : undefined;
  return {
    name,
    dataType: type.value,
    length,
    scale,
    unsigned: has('UNSIGNED'),
    nullable,
    hasDefault: defaultAt >= 0,
    defaultValue:
      defaultTok === undefined
        ? null
        : defaultTok.type === 'string'
          ? { type: 'single_quote_string', value: defaultTok.value }
          : isWord(defaultTok, 'NULL')
            ? { type: 'null', value: null }
            : { type: 'default', value: defaultTok.text },
    comment: commentAt >= 0 && rest[commentAt + 1]?.type === 'string' ? rest[commentAt + 1]!.value : null,
    primaryKey: has('PRIMARY'),
    unique: has('UNIQUE'),
    autoIncrement: has('AUTO_INCREMENT'),
  };
}

/**
 * The table changes of ALTER TABLE, CREATE INDEX (one `add_index`) and DROP INDEX (one `drop_index`), so index
 * statements share the ALTER checks and snapshot effects.
 */
export function tableChangesOf(stmt: ParsedStatement): AlterAction[] {
  if (stmt.kind === 'alter_table') return alterActionsOf(stmt);
  if (stmt.kind === 'create_index') {
    const ci = createIndexOf(stmt);
    return ci ? [{ op: 'add_index', index: ci.index }] : [];
  }
  if (stmt.kind === 'drop_index') {
    const di = dropIndexOf(stmt);
    return di ? [{ op: 'drop_index', name: di.name }] : [];
  }
  return [];
}
