// The one name resolver for SELECT/UNION, UPDATE, DELETE, INSERT … SELECT and CREATE VIEW (docs/audit.md): it walks
// the statement once, with a scope per SELECT (FROM tables by alias, derived tables by their select-list names,
// CTEs), and collects the structural findings the query rules report. Subqueries in expressions see their own scope
// plus the enclosing ones; derived tables see only CTEs. A table that does not exist (reported once as missing) or
// whose columns cannot be known makes column checks against it silent, so one mistake gives one message.

import {
  columnDbOf,
  columnRefOf,
  identText,
  insertRowsOf,
  querySelectOf,
  starOf,
  tablesOf,
  updateSetOf,
} from '../sql/ast.js';
import type { ParsedStatement } from '../sql/statement.js';
import { columnMap } from './column-lookup.js';
import type { TableInfo } from './snapshot.js';

export interface TableLookup {
  /** The table as the batch sees it (null: missing). */
  table(ref: { db: string | null; name: string }): Promise<TableInfo | null>;
  /** The table's database: its qualifier, else the current database (null when neither). */
  dbOf(ref: { db: string | null }): string | null;
}

export interface QueryAnalysis {
  /** `db.t` of tables referenced but missing (incl. DELETE targets not in FROM), in statement order. */
  missingTables: string[];
  /** A table reference had no schema and no database is current. */
  noDatabase: boolean;
  /** `t.col` (qualified as written) or `col`. */
  unknownColumns: string[];
  ambiguousColumns: string[];
  /** Duplicate table names/aliases within one FROM clause. */
  duplicateAliases: string[];
  /** `*` or `t.*` in the select list of the statement's own SELECT (any UNION member). */
  topLevelStar: boolean;
  /** `LIMIT` / `ORDER BY` on a non-last, unparenthesised UNION member. */
  unionMisuse: string[];
  /** Column names the statement's SELECT produces; null when not knowable (e.g. `*` over a missing table). */
  outputNames: string[] | null;
  /** How many columns the statement's (first) SELECT produces; null when a `*` cannot be expanded. */
  outputWidth: number | null;
  /** The same for each member of the statement's own SELECT / UNION, in written order (CREATE VIEW's column list). */
  memberWidths: (number | null)[];
  /** Some table read was created or changed in this batch (the target cannot EXPLAIN it). */
  usesNewTables: boolean;
}

type Node = Record<string, unknown>;
type Clause = 'field' | 'on' | 'where' | 'group' | 'having' | 'order' | 'set' | 'values';

function obj(v: unknown): Node | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : null;
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

interface Source {
  /** Lower-cased name the columns are qualified with: alias, else table name. */
  key: string;
  /** Lower-cased database for `db.t.col` (null for derived tables / CTEs). */
  db: string | null;
  /** Lower-cased column lookup; null when unknowable. */
  columns: { has(name: string): boolean } | null;
  /** Ordered column names (star expansion); null when unknowable. */
  names: readonly string[] | null;
  /** Has columns we could not name (unnamed expressions of a derived table). */
  open: boolean;
  /** How messages name the source: its alias as written, else the table's name in the snapshot. */
  label?: string;
}

class Scope {
  readonly sources: Source[] = [];
  /** Select-list aliases (lower-cased), usable in GROUP BY / HAVING / ORDER BY. */
  readonly aliases = new Set<string>();
  /** Columns joined with USING: not ambiguous. */
  readonly using = new Set<string>();
  readonly ctes = new Map<string, string[] | null>();
  constructor(readonly parent: Scope | null) {}

  cte(name: string): string[] | null | undefined {
    for (let s: Scope | null = this; s; s = s.parent) if (s.ctes.has(name)) return s.ctes.get(name);
    return undefined;
  }

  /** A scope for a derived table: no outer columns, but the CTEs stay visible. */
  derived(): Scope {
    const d = new Scope(null);
    const chain: Scope[] = [];
    for (let s: Scope | null = this; s; s = s.parent) chain.push(s);
    for (const s of chain.reverse()) for (const [k, v] of s.ctes) d.ctes.set(k, v);
    return d;
  }
}

const UNKNOWN = { columns: null, names: null, open: true } as const;
const LITERAL_TYPES = new Set(['number', 'single_quote_string', 'double_quote_string', 'null', 'bool', 'boolean', 'hex_string', 'full_hex_string', 'bit_string', 'natural_string', 'default']);

class Resolver {
  readonly result: QueryAnalysis = {
    missingTables: [],
    noDatabase: false,
    unknownColumns: [],
    ambiguousColumns: [],
    duplicateAliases: [],
    topLevelStar: false,
    unionMisuse: [],
    outputNames: null,
    outputWidth: null,
    memberWidths: [],
    usesNewTables: false,
  };
  /** Set until the statement's own first SELECT member has been measured. */
  private firstMember = true;
  constructor(private readonly lookup: TableLookup) {}

  private add(list: string[], item: string): void {
    if (!list.some((x) => x.toLowerCase() === item.toLowerCase())) list.push(item);
  }

  async statement(stmt: ParsedStatement): Promise<void> {
    const ast = obj(stmt.ast);
    switch (stmt.kind) {
      case 'update':
        if (ast) await this.update(ast);
        return;
      case 'delete':
        if (ast) await this.delete(ast);
        return;
      case 'insert':
      case 'replace':
        await this.insert(stmt);
        return;
      default: {
        const select = querySelectOf(stmt);
        if (select) this.result.outputNames = await this.select(select, null, true);
      }
    }
  }

  private async update(ast: Node): Promise<void> {
    const scope = new Scope(null);
    await this.from(ast.table, scope);
    const sets = updateSetOf({ text: '', kind: 'update', ast });
    // The UPDATE's target is the table of its first SET column; when no table has it, goInception reports that
    // column alone (qualifier lower-cased) and checks nothing else of the statement.
    const first = sets[0];
    if (first && !this.attributable(first, scope)) {
      this.add(this.result.unknownColumns, first.table !== null ? `${first.table.toLowerCase()}.${first.column}` : first.column);
      return;
    }
    // With one table, an unqualified SET column is reported qualified by that table's alias or name (`t1.c9`).
    const only = scope.sources.length === 1 ? scope.sources[0]!.label : undefined;
    for (const a of sets) {
      this.column({ type: 'column_ref', table: a.table ?? only ?? null, column: a.column }, scope, 'set');
      await this.expr(a.value, scope, 'field');
    }
    await this.expr(ast.where, scope, 'where');
    for (const o of arr(ast.orderby)) await this.expr(obj(o)?.expr, scope, 'order');
  }

  /** Whether some table of the UPDATE may have the SET column (unknowable tables count as having it). */
  private attributable(a: { table: string | null; column: string }, scope: Scope): boolean {
    const col = a.column.toLowerCase();
    const q = a.table?.toLowerCase() ?? null;
    return scope.sources.some((s) => (q === null || s.key === q) && (s.columns === null || s.open || s.columns.has(col)));
  }

  private async delete(ast: Node): Promise<void> {
    const scope = new Scope(null);
    await this.from(ast.from, scope);
    for (const t of arr(ast.table)) {
      const target = obj(t);
      const name = identText(target?.table);
      if (!target || name === null || target.addition) continue;
      const dbq = identText(target.db);
      const key = name.toLowerCase();
      const found = scope.sources.some((s) => s.key === key && (dbq === null || s.db === dbq.toLowerCase()));
      if (!found) this.add(this.result.missingTables, `${this.lookup.dbOf({ db: dbq })}.${name}`);
    }
    await this.expr(ast.where, scope, 'where');
    for (const o of arr(ast.orderby)) await this.expr(obj(o)?.expr, scope, 'order');
  }

  private async insert(stmt: ParsedStatement): Promise<void> {
    const select = querySelectOf(stmt);
    if (select) {
      this.result.outputNames = await this.select(select, null, true);
      return;
    }
    const rows = insertRowsOf(stmt);
    if (!rows || rows.every((r) => r.every(isLiteral))) return;
    // Column references inside VALUES name the target table's columns.
    const [target] = tablesOf(stmt);
    const scope = new Scope(null);
    if (target) await this.addTable(scope, identText(target.db), target.name, null, new Set());
    for (const r of rows) for (const v of r) if (!isLiteral(v)) await this.expr(v, scope, 'values');
  }

  /** A SELECT with its UNION members; returns the first member's output names. */
  private async select(ast: Node, parent: Scope | null, topLevel: boolean): Promise<string[] | null> {
    const members: Node[] = [];
    for (let m: Node | null = ast; m; m = obj(m._next)) members.push(m);
    let names: string[] | null = null;
    for (let i = 0; i < members.length; i++) {
      const m = members[i]!;
      const last = i === members.length - 1;
      if (!last && !m.parentheses_symbol) {
        if (obj(m.limit) && arr(obj(m.limit)!.value).length > 0) this.add(this.result.unionMisuse, 'LIMIT');
        if (arr(m.orderby).length > 0) this.add(this.result.unionMisuse, 'ORDER BY');
      }
      const out = await this.member(m, parent, topLevel, last && i > 0 ? names : null);
      if (i === 0) names = out;
    }
    return names;
  }

  private async member(m: Node, parent: Scope | null, topLevel: boolean, unionNames: string[] | null): Promise<string[] | null> {
    const scope = new Scope(parent);
    for (const w of arr(m.with)) {
      const cte = obj(w);
      const name = identText(obj(cte?.name)?.value ?? cte?.name);
      if (!cte || name === null) continue;
      const inner = obj(obj(cte.stmt)?.ast) ?? obj(cte.stmt);
      const names = inner ? await this.select(inner, scope.derived(), false) : null;
      const declared = arr(cte.columns).map((c) => columnRefOf(c)?.column ?? identText(c) ?? '');
      scope.ctes.set(name.toLowerCase(), declared.length > 0 ? declared : names);
    }
    await this.from(m.from, scope);
    const out: string[] = [];
    let outKnown = true;
    let width: number | null = 0;
    for (const c of arr(m.columns)) {
      const item = obj(c);
      if (!item) continue;
      const star = starOf(item.expr);
      if (star !== null) {
        if (topLevel) this.result.topLevelStar = true;
        const expanded = this.expandStar(scope, star);
        if (expanded) out.push(...expanded);
        else outKnown = false;
        width = expanded && width !== null ? width + expanded.length : null;
        continue;
      }
      if (width !== null) width++;
      await this.expr(item.expr, scope, 'field');
      const alias = identText(item.as);
      if (alias !== null) scope.aliases.add(alias.toLowerCase());
      const name = alias ?? columnRefOf(item.expr)?.column ?? null;
      if (name === null) outKnown = false;
      else out.push(name);
    }
    await this.expr(m.where, scope, 'where');
    for (const g of arr(obj(m.groupby)?.columns ?? m.groupby)) await this.expr(g, scope, 'group');
    await this.expr(m.having, scope, 'having');
    if (unionNames) for (const n of unionNames) scope.aliases.add(n.toLowerCase());
    for (const o of arr(m.orderby)) await this.expr(obj(o)?.expr, scope, 'order');
    if (topLevel) this.result.memberWidths.push(width);
    if (topLevel && this.result.outputWidth === null && this.firstMember) {
      this.firstMember = false;
      this.result.outputWidth = width;
    }
    return outKnown ? out : null;
  }

  private expandStar(scope: Scope, qualifier: string): string[] | null {
    const q = qualifier.toLowerCase();
    const sources = q === '' ? scope.sources : scope.sources.filter((s) => s.key === q);
    if (q !== '' && sources.length === 0) return null;
    const out: string[] = [];
    for (const s of sources) {
      if (!s.names || s.open) return null;
      out.push(...s.names);
    }
    return out;
  }

  /** Registers the FROM items of one query level. */
  private async from(from: unknown, scope: Scope): Promise<void> {
    const seen = new Set<string>();
    const ons: unknown[] = [];
    const items = arr(from);
    for (let i = 0; i < items.length; i++) {
      const it = obj(items[i]);
      if (!it) continue;
      const alias = identText(it.as);
      const name = identText(it.table);
      if (name !== null) {
        await this.addTable(scope, identText(it.db), name, alias, seen);
      } else {
        const sub = obj(obj(it.expr)?.ast);
        const names = sub ? await this.select(sub, scope.derived(), false) : null;
        const key = (alias ?? '').toLowerCase();
        if (alias !== null) this.checkDuplicate(seen, `#${key}`, alias);
        scope.sources.push(names ? { key, db: null, columns: lowerSet(names), names, open: false } : { key, db: null, ...UNKNOWN });
      }
      for (const u of arr(it.using)) {
        const col = identText(u) ?? identText(obj(u)?.value) ?? columnRefOf(u)?.column;
        if (col) scope.using.add(col.toLowerCase());
      }
      if (it.on) ons.push(it.on);
    }
    for (const on of ons) await this.expr(on, scope, 'on');
  }

  private checkDuplicate(seen: Set<string>, key: string, shown: string): void {
    if (seen.has(key)) this.add(this.result.duplicateAliases, shown);
    seen.add(key);
  }

  private async addTable(scope: Scope, dbq: string | null, name: string, alias: string | null, seen: Set<string>): Promise<void> {
    const key = (alias ?? name).toLowerCase();
    const cte = dbq === null ? scope.cte(name.toLowerCase()) : undefined;
    if (cte !== undefined) {
      this.checkDuplicate(seen, alias !== null ? `#${key}` : `.${key}`, alias ?? name);
      scope.sources.push(cte ? { key, db: null, columns: lowerSet(cte), names: cte, open: false } : { key, db: null, ...UNKNOWN });
      return;
    }
    const db = this.lookup.dbOf({ db: dbq });
    this.checkDuplicate(seen, alias !== null ? `#${key}` : `${(db ?? '').toLowerCase()}.${key}`, alias ?? name);
    if (db === null) {
      this.result.noDatabase = true;
      scope.sources.push({ key, db: null, ...UNKNOWN });
      return;
    }
    const info = await this.lookup.table({ db, name });
    if (!info) {
      this.add(this.result.missingTables, `${db}.${name}`);
      scope.sources.push({ key, db: db.toLowerCase(), ...UNKNOWN });
      return;
    }
    if (info.isNew || info.hasNewColumns) this.result.usesNewTables = true;
    scope.sources.push({ key, db: db.toLowerCase(), columns: columnMap(info), names: info.columns.map((c) => c.field), open: false, label: alias ?? info.name });
  }

  private async expr(node: unknown, scope: Scope, clause: Clause): Promise<void> {
    if (Array.isArray(node)) {
      for (const n of node) await this.expr(n, scope, clause);
      return;
    }
    const n = obj(node);
    if (!n) return;
    if (n.type === 'column_ref') {
      this.column(n, scope, clause);
      return;
    }
    const sub = obj(n.ast);
    if (sub) {
      await this.select(sub, scope, false);
      return;
    }
    if (n.type === 'select') {
      await this.select(n, scope, false);
      return;
    }
    for (const v of Object.values(n)) if (v !== null && typeof v === 'object') await this.expr(v, scope, clause);
  }

  private column(n: Node, scope: Scope, clause: Clause): void {
    const ref = columnRefOf(n);
    if (!ref) return;
    const col = ref.column.toLowerCase();
    if (ref.table !== null) {
      const t = ref.table.toLowerCase();
      const dbq = columnDbOf(n)?.toLowerCase() ?? null;
      for (let s: Scope | null = scope; s; s = s.parent) {
        const src = s.sources.find((x) => x.key === t && (dbq === null || x.db === dbq));
        if (src) {
          if (src.columns === null || src.open || src.columns.has(col)) return;
          break;
        }
      }
      this.add(this.result.unknownColumns, `${ref.table}.${ref.column}`);
      return;
    }
    const aliasClause = clause === 'group' || clause === 'having' || clause === 'order';
    let uncertain = false;
    for (let s: Scope | null = scope, level = 0; s; s = s.parent, level++) {
      let matches = 0;
      for (const src of s.sources) {
        if (src.columns === null) uncertain = true;
        else if (src.columns.has(col)) matches++;
        else if (src.open) uncertain = true;
      }
      if (matches > 0) {
        if (matches > 1 && !s.using.has(col) && clause !== 'group' && clause !== 'order') {
          // An ORDER BY/HAVING alias takes precedence over same-named columns.
          if (!(aliasClause && level === 0 && s.aliases.has(col))) this.add(this.result.ambiguousColumns, ref.column);
        }
        return;
      }
      if (level === 0 && aliasClause && s.aliases.has(col)) return;
    }
    if (!uncertain) this.add(this.result.unknownColumns, ref.column);
  }
}

function lowerSet(names: readonly string[]): Set<string> {
  return new Set(names.map((n) => n.toLowerCase()));
}

/** A literal value (no names to resolve). */
export function isLiteral(v: unknown): boolean {
  const n = obj(v);
  return n !== null && typeof n.type === 'string' && LITERAL_TYPES.has(n.type);
}

/** Resolves the statement's names against the batch's schema. */
export async function analyseQuery(stmt: ParsedStatement, lookup: TableLookup): Promise<QueryAnalysis> {
  const r = new Resolver(lookup);
  await r.statement(stmt);
  return r.result;
}
