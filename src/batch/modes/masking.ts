// `--masking=1` (docs/result-modes.md, "Masking"): for each select-list position of a SELECT, the base-table
// columns that feed it, so a client can mask result columns by rule. `*` expands with the table layout; derived
// tables and CTEs are followed down to their base tables; a function over two columns yields two entries at one
// index. A set operation (UNION, INTERSECT, EXCEPT) answers one block of entries per branch, each block carrying
// every branch's sources for each position, so that a client which keeps only one block (Archery) still masks
// every column that any branch feeds. The table lookup is injected (the batch's schema snapshot in production),
// so the walk itself does no I/O.

import type { ColumnInfo } from '../../audit/snapshot.js';
import { fromItems } from './query-tree.js';
import { selectListTexts } from './select-list.js';
import { setMembers } from './set-operation.js';

type Node = Record<string, unknown>;

function obj(v: unknown): Node | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : null;
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function ident(v: unknown): string | null {
  if (typeof v === 'string') return v;
  const n = obj(v);
  return n && typeof n.value === 'string' ? n.value : null;
}

/** One entry of the masking result's JSON array; key order is the wire order. */
export interface MaskingColumn {
  /** 0-based position in the result row (after `*` expansion). */
  index: number;
  field: string;
  type: string;
  table: string;
  schema: string;
  /** The result column's name in its branch: the alias, else the column name, else the expression as written. */
  alias: string;
}

/** Looks a base table up as the batch sees it; null when it does not exist. */
export type ColumnLookup = (db: string, table: string) => Promise<readonly ColumnInfo[] | null>;

/** A statement the walk cannot describe (missing table, unknown column): becomes the row's errmsg. */
export class MaskingError extends Error {}

interface BaseColumn {
  field: string;
  type: string;
  table: string;
  schema: string;
}

/** One result column of a query: its name and the base columns feeding it. */
interface Output {
  name: string;
  sources: BaseColumn[];
}

/** A FROM item as the columns it offers. */
interface FromSource {
  /** Lower-cased alias, else table name. */
  key: string;
  /** Lower-cased database of a base table (null for derived tables and CTEs). */
  db: string | null;
  columns: Output[];
}

interface Scope {
  sources: FromSource[];
  parent: Scope | null;
}

/** Visible CTEs by lower-cased name → their result columns. */
type Ctes = ReadonlyMap<string, Output[]>;

/**
 * The masking entries of a SELECT or set operation. `text` is the statement as written and `ast` its parse with
 * source locations (node-parser `astify(text, true)`); without them unaliased expressions are named after their
 * first source column.
 */
export async function maskingColumnsOf(
  ast: unknown,
  currentDb: string | null,
  lookup: ColumnLookup,
  text: string | null = null,
): Promise<MaskingColumn[]> {
  const walker = new Walker(currentDb, lookup, text);
  const branches = await walker.branches(obj(ast) ?? {}, new Map(), null);
  const out: MaskingColumn[] = [];
  for (const branch of branches) {
    branch.forEach((o, index) => {
      // The branch's own sources first, then what the other branches feed into the same position.
      const sources = [o.sources, ...branches.filter((b) => b !== branch).map((b) => b[index]?.sources ?? [])].flat();
      const seen = new Set<string>();
      for (const s of sources) {
        const key = `${s.schema}\u0000${s.table}\u0000${s.field}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ index, field: s.field, type: s.type, table: s.table, schema: s.schema, alias: o.name });
      }
    });
  }
  return out;
}

class Walker {
  constructor(
    private readonly currentDb: string | null,
    private readonly lookup: ColumnLookup,
    private readonly text: string | null,
  ) {}

  /** Each member SELECT's outputs, in source order. */
  async branches(ast: Node, outerCtes: Ctes, parent: Scope | null): Promise<Output[][]> {
    const ctes = await this.withCtes(ast, outerCtes, parent);
    const out: Output[][] = [];
    for (const [i, { select }] of setMembers(ast).entries()) {
      // node-sql-parser hangs a set operation's WITH on its first member; a parenthesised member may have its own.
      const memberCtes = i === 0 ? ctes : await this.withCtes(select, ctes, parent);
      out.push(await this.select(select, memberCtes, parent));
    }
    return out;
  }

  /** A query as the result columns it offers: member outputs merged by position, named by the first member. */
  async resultSet(ast: Node, outerCtes: Ctes, parent: Scope | null): Promise<Output[]> {
    const [first, ...rest] = await this.branches(ast, outerCtes, parent);
    return (first ?? []).map((o, i) => ({ name: o.name, sources: [o.sources, ...rest.map((b) => b[i]?.sources ?? [])].flat() }));
  }

  private async withCtes(ast: Node, outer: Ctes, parent: Scope | null): Promise<Ctes> {
    const list = arr(ast.with).map(obj).filter((c): c is Node => c !== null);
    if (list.length === 0) return outer;
    const ctes = new Map(outer);
    for (const c of list) {
      const name = (ident(c.name) ?? '').toLowerCase();
      const query = obj(obj(c.stmt)?.ast) ?? obj(c.stmt) ?? {};
      const renames = arr(c.columns).map((col) => ident(obj(col)?.column) ?? ident(col) ?? '');
      const rename = (outs: Output[]): Output[] => outs.map((o, i) => ({ name: renames[i] || o.name, sources: o.sources }));
      const inner = (await this.withCtes(query, ctes, parent)) as Map<string, Output[]>;
      // A recursive CTE reads itself: its anchor member's columns stand for it while the rest is walked.
      const [anchorMember, ...others] = setMembers(query).map((m) => m.select);
      const anchor = rename(await this.select(anchorMember ?? {}, inner, parent));
      ctes.set(name, anchor);
      inner.set(name, anchor);
      for (const member of others) {
        const more = await this.select(member, await this.withCtes(member, inner, parent), parent);
        anchor.forEach((a, i) => a.sources.push(...(more[i]?.sources ?? [])));
      }
    }
    return ctes;
  }

  /** One SELECT (its WITH already in `ctes`). */
  private async select(ast: Node, ctes: Ctes, parent: Scope | null): Promise<Output[]> {
    const scope: Scope = { sources: [], parent };
    for (const f of fromItems(ast.from)) scope.sources.push(...(await this.fromSources(obj(f) ?? {}, ctes)));
    const items = arr(ast.columns);
    const texts = this.itemTexts(ast, items.length);
    const outputs: Output[] = [];
    for (const [i, c] of items.entries()) {
      const item = obj(c) ?? {};
      const e = obj(item.expr);
      if (e && e.type === 'column_ref' && e.column === '*') {
        outputs.push(...this.star(scope, ident(e.table)));
        continue;
      }
      const sources = await this.sourcesOf(item.expr, scope, ctes);
      const column = e && e.type === 'column_ref' ? (ident(e.column) ?? ident(obj(e.column)?.expr)) : null;
      const name = ident(item.as) ?? column ?? texts?.[i] ?? sources[0]?.field ?? '';
      outputs.push({ name, sources });
    }
    return outputs;
  }

  /** The select-list items as written, when the AST carries source locations and the text agrees with it. */
  private itemTexts(ast: Node, count: number): string[] | null {
    const offset = obj(obj(ast.loc)?.start)?.offset;
    if (this.text === null || typeof offset !== 'number') return null;
    const texts = selectListTexts(this.text, offset);
    return texts?.length === count ? texts : null;
  }

  /** One FROM item; a parenthesised join `(a JOIN b)` offers each of its tables. */
  private async fromSources(item: Node, ctes: Ctes): Promise<FromSource[]> {
    if (!Array.isArray(item.expr)) return [await this.fromSource(item, ctes)];
    const out: FromSource[] = [];
    for (const inner of item.expr) out.push(...(await this.fromSources(obj(inner) ?? {}, ctes)));
    return out;
  }

  private async fromSource(item: Node, ctes: Ctes): Promise<FromSource> {
    const alias = ident(item.as);
    const derived = obj(obj(item.expr)?.ast);
    if (derived) {
      // Derived tables see only CTEs (and, for LATERAL, more; not needed for lineage).
      const columns = await this.resultSet(derived, ctes, null);
      return { key: (alias ?? '').toLowerCase(), db: null, columns };
    }
    const name = ident(item.table) ?? '';
    const db = ident(item.db);
    const cte = db === null ? ctes.get(name.toLowerCase()) : undefined;
    if (cte) return { key: (alias ?? name).toLowerCase(), db: null, columns: cte.map((o) => ({ name: o.name, sources: [...o.sources] })) };
    const schema = db ?? this.currentDb;
    if (schema === null) throw new MaskingError('No database selected');
    const info = await this.lookup(schema, name);
    if (info === null) throw new MaskingError(`Table '${schema}.${name}' doesn't exist`);
    return {
      key: (alias ?? name).toLowerCase(),
      db: schema.toLowerCase(),
      columns: info.map((col) => ({ name: col.field, sources: [{ field: col.field, type: col.type, table: name, schema }] })),
    };
  }

  private star(scope: Scope, qualifier: string | null): Output[] {
    const picked = qualifier === null ? scope.sources : scope.sources.filter((s) => s.key === qualifier.toLowerCase());
    if (qualifier !== null && picked.length === 0) throw new MaskingError(`Unknown table '${qualifier}'`);
    return picked.flatMap((s) => s.columns.map((c) => ({ name: c.name, sources: [...c.sources] })));
  }

  /** Base columns an expression reads; a subquery contributes its own result columns. */
  private async sourcesOf(expr: unknown, scope: Scope, ctes: Ctes): Promise<BaseColumn[]> {
    const out: BaseColumn[] = [];
    const walk = async (v: unknown): Promise<void> => {
      if (Array.isArray(v)) {
        for (const x of v) await walk(x);
        return;
      }
      const n = obj(v);
      if (!n) return;
      const sub = obj(n.ast);
      if (sub) {
        for (const o of await this.resultSet(sub, ctes, scope)) out.push(...o.sources);
        return;
      }
      if (n.type === 'column_ref') {
        if (n.column === '*') return; // COUNT(t.*)-like forms read no column's value
        out.push(...this.column(n, scope));
        return;
      }
      for (const [k, child] of Object.entries(n)) if (k !== 'tableList' && k !== 'columnList') await walk(child);
    };
    await walk(expr);
    return out;
  }

  private column(ref: Node, scope: Scope): BaseColumn[] {
    const column = ident(ref.column) ?? ident(obj(ref.column)?.expr) ?? '';
    const table = ident(ref.table)?.toLowerCase() ?? null;
    const db = ident(ref.db)?.toLowerCase() ?? null;
    const want = column.toLowerCase();
    for (let s: Scope | null = scope; s; s = s.parent) {
      for (const src of s.sources) {
        if (table !== null && src.key !== table) continue;
        if (db !== null && src.db !== db) continue;
        const hit = src.columns.find((c) => c.name.toLowerCase() === want);
        if (hit) return [...hit.sources];
      }
    }
    const shown = table === null ? column : `${ident(ref.table)}.${column}`;
    throw new MaskingError(`Unknown column '${shown}' in 'field list'`);
  }
}
