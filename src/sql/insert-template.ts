// A fast path for the commonest statement of large batches: `INSERT INTO t (cols) VALUES (literals), …` repeated
// with different values. node-sql-parser costs ~70–140 µs per such INSERT; the audit itself ~10 µs.
//
// Equivalence argument: a statement is only built here when a statement with the *same text up to VALUES* and
// the *same row shape* was already parsed by node-sql-parser in this process (the "template"), and everything
// after VALUES is parentheses, commas, whitespace and literals of the few kinds below. The parser's grammar then
// sees the same token sequence except for literal tokens, so its tree differs only in the literal nodes, which
// we build exactly as it does (checked when learning a template and by test/unit/sql/insert-template.test.ts on
// a corpus). Anything else — comments, expressions, escapes, signs on zero, exponents, big integers — returns
// null and goes to the parser.

import type { ParsedStatement } from './statement.js';

type Node = Record<string, unknown>;

interface Template {
  /** The learned AST without `values` (shared read-only; copied per statement). */
  skeleton: Node;
}

interface Scan {
  /** Text up to and including the VALUES keyword: the template key's first part. */
  prefix: string;
  rows: Node[][];
}

const MAX_TEMPLATES = 256;
const templates = new Map<string, Template>();
const HEAD = /^\s*insert\s+into\s+[^;'"#]*?\)\s*values\s*/iy;

/** Scans `INSERT INTO … VALUES (lit, …), …`; null for any other shape. */
function scan(text: string): Scan | null {
  HEAD.lastIndex = 0;
  const head = HEAD.exec(text);
  if (!head) return null;
  const prefix = head[0];
  if (prefix.includes('--') || prefix.includes('/*')) return null;
  const rows: Node[][] = [];
  let i = prefix.length;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\t' || text[i] === '\r')) i++;
  };
  for (;;) {
    ws();
    if (text[i] !== '(') return null;
    i++;
    const row: Node[] = [];
    for (;;) {
      ws();
      const lit = literalAt(text, i);
      if (!lit) return null;
      row.push(lit.node);
      i = lit.end;
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ')') {
        i++;
        break;
      }
      return null;
    }
    rows.push(row);
    ws();
    if (i >= n) break;
    if (text[i] !== ',') return null;
    i++;
  }
  return { prefix, rows };
}

const NUMBER = /-?[0-9]+(\.[0-9]+)?/y;
const WORD = /[A-Za-z_]+/y;

/** One literal at `i` as node-sql-parser (MySQL) builds it; null when not one of the supported forms. */
export function literalAt(text: string, i: number): { node: Node; end: number } | null {
  const c = text[i];
  if (c === "'" || c === '"') {
    let j = i + 1;
    for (;;) {
      const k = text.indexOf(c, j);
      if (k < 0) return null;
      if (text[k + 1] === c) {
        j = k + 2; // doubled quote: kept verbatim by the parser
        continue;
      }
      const raw = text.slice(i + 1, k);
      if (raw.includes('\\')) return null; // escape handling differs by sequence: leave to the parser
      return { node: { type: c === "'" ? 'single_quote_string' : 'double_quote_string', value: raw }, end: k + 1 };
    }
  }
  NUMBER.lastIndex = i;
  const num = NUMBER.exec(text);
  if (num) {
    const end = i + num[0].length;
    if (/[A-Za-z0-9_.$]/.test(text[end] ?? '')) return null; // 1e3, 1.2.3, 12abc …
    const digits = num[0].replace(/^-/, '');
    // the parser drops the sign of a negative zero (-0, -0.0): leave those to it
    if (num[0].startsWith('-') && /^0+(\.0+)?$/.test(digits)) return null;
    if (num[1] !== undefined) return { node: { type: 'number', value: num[0] }, end };
    if (digits.length > 15) return null;
    return { node: { type: 'number', value: Number(num[0]) }, end };
  }
  WORD.lastIndex = i;
  const word = WORD.exec(text);
  if (word) {
    const end = i + word[0].length;
    if (/[A-Za-z0-9_$]/.test(text[end] ?? '')) return null;
    const w = word[0].toUpperCase();
    if (w === 'NULL') return { node: { type: 'null', value: null }, end };
    if (w === 'TRUE' || w === 'FALSE') return { node: { type: 'bool', value: w === 'TRUE' }, end };
  }
  return null;
}

function keyOf(s: Scan): string {
  return `${s.prefix}\u0000${s.rows.map((r) => r.length).join(',')}`;
}

function valuesOf(rows: Node[][]): Node {
  return { type: 'values', values: rows.map((value) => ({ type: 'expr_list', value, prefix: null })) };
}

/** The statement built from a learned template, or null (unknown template or unsupported text). */
export function insertFromTemplate(text: string): ParsedStatement | null {
  if (templates.size === 0) return null;
  const s = scan(text);
  if (!s) return null;
  const t = templates.get(keyOf(s));
  if (!t) return null;
  const sk = t.skeleton;
  const ast: Node = {
    ...sk,
    table: (sk.table as Node[]).map((x) => ({ ...x })),
    columns: [...(sk.columns as string[])],
    values: valuesOf(s.rows),
  };
  return { text, kind: 'insert', ast };
}

/**
 * After node-sql-parser parsed `text` into `ast`: remember it as a template when `text` has the fast-path shape
 * and our literal nodes equal the parser's.
 */
export function learnInsertTemplate(text: string, ast: unknown): void {
  const a = ast as Node | null;
  if (!a || a.type !== 'insert' || a.prefix !== 'into' || !Array.isArray(a.columns) || !Array.isArray(a.table)) return;
  if (a.on_duplicate_update !== null || a.partition !== null) return;
  if (!a.columns.every((c) => typeof c === 'string')) return;
  const s = scan(text);
  if (!s) return;
  const key = keyOf(s);
  if (templates.has(key)) return;
  if (!sameTree(a.values, valuesOf(s.rows))) return;
  if (templates.size >= MAX_TEMPLATES) templates.clear();
  const { values: _values, ...skeleton } = a;
  void _values;
  templates.set(key, { skeleton: structuredClone(skeleton) });
}

/** Exact structural equality (Object.is on leaves, same keys). */
export function sameTree(x: unknown, y: unknown): boolean {
  if (Object.is(x, y)) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  if (kx.length !== ky.length) return false;
  return kx.every((k) => Object.prototype.hasOwnProperty.call(y, k) && sameTree((x as Node)[k], (y as Node)[k]));
}

/** Forgets all templates (tests). */
export function clearInsertTemplates(): void {
  templates.clear();
}
