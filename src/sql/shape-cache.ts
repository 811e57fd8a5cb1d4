// Parses by statement shape (docs/parsing.md "Shape cache"): a batch of 10k UPDATEs that differ only in their
// literals is parsed by node-sql-parser about twice, not 10k times (~200 µs each).
//
// A statement's shape is its text with each literal (integer, decimal, quoted string) replaced by a mark of its
// class; everything else — words, identifiers, operators, whitespace — stays as written. Two statements of one
// shape give node-sql-parser the same token sequence except for the literal tokens, so their trees differ only in
// the literal nodes. Learning a shape (on its second sighting: a shape seen once costs only the scan) parses the
// shape once more with a distinct sentinel literal in each slot, finds each sentinel's node (its path), and keeps
// that tree as the skeleton only when every slot was found exactly once and the skeleton filled with the real
// literals equals the parser's tree of the real statement. A later statement of the shape gets the skeleton with
// its own literal nodes put at the paths (the containers along each path are copied, the rest is shared and
// read-only). Anything the scanner does not know — comments, escapes, exponents, hex, introducers, big integers —
// leaves the statement to the parser. test/unit/sql/shape-cache.test.ts checks the result against the parser on a
// corpus and a fuzz.

import type { ParsedStatement, StatementKind } from './statement.js';

type Node = Record<string, unknown>;
type Path = readonly (string | number)[];

/** The literal classes a slot may hold (the mark in the shape key). */
type LiteralClass = 'i' | 'f' | 's' | 'd';

interface Literal {
  cls: LiteralClass;
  /** Offset of the literal's first character in the statement text. */
  at: number;
  end: number;
}

interface Slot {
  path: Path;
  /** The parser folded a leading minus into the literal's node. */
  negated: boolean;
}

interface Shape {
  kind: StatementKind;
  skeleton: Node;
  slots: readonly Slot[];
  /**
   * The slots in the walk's depth-first order, each with the number of leading path steps it shares with the one
   * before it: instantiate copies the containers along each path once, reusing the previous path's copies for the
   * shared steps (no map of copies per statement).
   */
  order: readonly { slot: number; shared: number }[];
}

export interface ShapeScan {
  key: string;
  literals: readonly Literal[];
}

/** Statement kinds worth caching (DML, the bulk of large batches). DDL has its own parser. */
const CACHED_KINDS: ReadonlySet<StatementKind> = new Set<StatementKind>(['insert', 'replace', 'update', 'delete', 'select']);
const MAX_SHAPES = 256;
const shapes = new Map<string, Shape | null>();
/** Keys seen once (not learned yet); cleared with `shapes`. */
const seen = new Set<string>();
let frozen = false;

const DIGIT_0 = 48;
const DIGIT_9 = 57;

function isDigit(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_9;
}

/** Characters of unquoted identifiers and keywords (any non-ASCII character counts as one, as in MySQL). */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95 || c === 36 || c > 127;
}

/** The shape of `text` and its literals; null when the text has anything the scanner leaves to the parser. */
export function scanShape(text: string): ShapeScan | null {
  const literals: Literal[] = [];
  let key = '';
  let from = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 39 || c === 34) {
      // ' or ": a string literal without backslashes (escape handling differs by sequence: left to the parser)
      const end = quotedEnd(text, i, c);
      if (end < 0) return null;
      key += text.slice(from, i) + (c === 39 ? '\u0000s' : '\u0000d');
      literals.push({ cls: c === 39 ? 's' : 'd', at: i, end });
      i = from = end;
      continue;
    }
    if (c === 96) {
      // `identifier` (a doubled backtick stays inside)
      let j = i + 1;
      for (;;) {
        const k = text.indexOf('`', j);
        if (k < 0) return null;
        if (text.charCodeAt(k + 1) === 96) {
          j = k + 2;
          continue;
        }
        i = k + 1;
        break;
      }
      continue;
    }
    if (c === 35 || (c === 45 && text.charCodeAt(i + 1) === 45) || (c === 47 && text.charCodeAt(i + 1) === 42)) return null; // comments
    if (isDigit(c)) {
      const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
      if (prev === 46) return null; // .5, t.1x
      let j = i;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      let cls: LiteralClass = 'i';
      if (text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
        cls = 'f';
        j++;
        while (j < n && isDigit(text.charCodeAt(j))) j++;
      }
      const next = j < n ? text.charCodeAt(j) : 32;
      if (isWordCode(next) || next === 46 || next === 39 || next === 34) return null; // 1e3, 0x1f, 12abc, 1.2.3, 1.
      if (cls === 'i' && j - i > 15) return null; // beyond a double's exact integers: the parser keeps a string
      key += text.slice(from, i) + (cls === 'i' ? '\u0000i' : '\u0000f');
      literals.push({ cls, at: i, end: j });
      i = from = j;
      continue;
    }
    if (isWordCode(c)) {
      let j = i + 1;
      while (j < n && isWordCode(text.charCodeAt(j))) j++;
      const next = text.charCodeAt(j);
      if (next === 39 || next === 34) return null; // x'1f', N'..', _utf8'..'
      i = j;
      continue;
    }
    if (c === 0) return null; // would collide with the marks
    i++;
  }
  return { key: key + text.slice(from), literals };
}

/**
 * The end (after the closing quote) of the string literal opened by `quote` at `i`; -1 when it is unterminated or
 * holds a backslash. A doubled quote stays inside (the parser keeps it verbatim in the value).
 */
function quotedEnd(text: string, i: number, quote: number): number {
  let j = i + 1;
  for (;;) {
    const k = text.indexOf(quote === 39 ? "'" : '"', j);
    if (k < 0) return -1;
    if (text.charCodeAt(k + 1) === quote) {
      j = k + 2;
      continue;
    }
    for (let b = i + 1; b < k; b++) if (text.charCodeAt(b) === 92) return -1;
    return k + 1;
  }
}

/**
 * The node node-sql-parser (MySQL) builds for literal `lit` of `text`, for the forms scanShape accepts: an integer
 * of at most 15 digits is a number, a decimal keeps its text, a string its raw text between the quotes.
 */
function literalNode(text: string, lit: Literal): Node {
  switch (lit.cls) {
    case 'i':
      return { type: 'number', value: Number(text.slice(lit.at, lit.end)) };
    case 'f':
      return { type: 'number', value: text.slice(lit.at, lit.end) };
    case 's':
      return { type: 'single_quote_string', value: text.slice(lit.at + 1, lit.end - 1) };
    case 'd':
      return { type: 'double_quote_string', value: text.slice(lit.at + 1, lit.end - 1) };
  }
}

/** Exact structural equality (Object.is on leaves, same keys). */
function sameTree(x: unknown, y: unknown): boolean {
  if (Object.is(x, y)) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  if (kx.length !== ky.length) return false;
  return kx.every((k) => Object.prototype.hasOwnProperty.call(y, k) && sameTree((x as Node)[k], (y as Node)[k]));
}

function negatedNode(node: Node): Node | null {
  const v = node.value;
  if (typeof v === 'number') return v === 0 ? null : { ...node, value: -v };
  if (typeof v === 'string' && node.type === 'number') return /^0+(\.0+)?$/.test(v) ? null : { ...node, value: `-${v}` };
  return null;
}

/** The statement of a learned shape, or null (shape unknown, not learnable, or a literal the slot cannot take). */
export function statementFromShape(text: string, scan: ShapeScan): ParsedStatement | null {
  const shape = shapes.get(scan.key);
  if (!shape) return null;
  const ast = instantiate(shape, text, scan.literals);
  return ast ? { text, kind: shape.kind, ast } : null;
}

/**
 * After node-sql-parser parsed `text` (of shape `scan`) into `ast` of `kind`: learn the shape on its second
 * sighting. Costs one more parse per shape; a shape that cannot be learned is remembered as such.
 */
export function learnShape(text: string, scan: ShapeScan, kind: StatementKind, ast: unknown, parse: (sql: string) => unknown | null): void {
  if (!CACHED_KINDS.has(kind) || shapes.has(scan.key)) return;
  if (!seen.has(scan.key)) {
    if (seen.size >= MAX_SHAPES * 4) seen.clear();
    seen.add(scan.key);
    return;
  }
  if (shapes.size >= MAX_SHAPES) {
    shapes.clear();
    seen.clear();
  }
  shapes.set(scan.key, learn(text, scan, kind, ast, parse));
}

/** Sentinels: distinct values no real statement is likely to hold, of each literal class. */
function sentinelText(cls: LiteralClass, k: number): string {
  const n = 913_570_000 + k;
  switch (cls) {
    case 'i':
      return String(n);
    case 'f':
      return `${n}.25`;
    case 's':
      return `'~slot${k}~'`;
    case 'd':
      return `"~slot${k}~"`;
  }
}

function learn(text: string, scan: ShapeScan, kind: StatementKind, ast: unknown, parse: (sql: string) => unknown | null): Shape | null {
  let marked = '';
  let from = 0;
  scan.literals.forEach((lit, k) => {
    marked += text.slice(from, lit.at) + sentinelText(lit.cls, k);
    from = lit.end;
  });
  marked += text.slice(from);
  const skeleton = parse(marked) as Node | null;
  if (!skeleton || typeof skeleton !== 'object') return null;
  const markedScan = scanShape(marked);
  if (!markedScan || markedScan.key !== scan.key) return null;
  const wanted = markedScan.literals.map((lit) => literalNode(marked, lit));
  const found: (Slot | null)[] = wanted.map(() => null);
  const discovered: number[] = [];
  let duplicate = false;
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (node === null || typeof node !== 'object') return;
    const n = node as Node;
    for (let k = 0; k < wanted.length; k++) {
      const w = wanted[k]!;
      const negated = negatedNode(w);
      const hit = sameTree(n, w) ? false : negated && sameTree(n, negated) ? true : null;
      if (hit === null) continue;
      if (found[k]) duplicate = true;
      found[k] = { path: [...path], negated: hit };
      discovered.push(k);
      return;
    }
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
    else for (const key of Object.keys(n)) walk(n[key], [...path, key]);
  };
  walk(skeleton, []);
  if (duplicate || found.some((f) => f === null)) return null;
  const slots = found as Slot[];
  const order = discovered.map((slot, i) => ({ slot, shared: i === 0 ? 0 : sharedSteps(slots[discovered[i - 1]!]!.path, slots[slot]!.path) }));
  const shape: Shape = { kind, skeleton, slots, order };
  // The skeleton filled with this statement's literals must be the parser's own tree of it.
  const rebuilt = instantiate(shape, text, scan.literals);
  if (!rebuilt || !sameTree(rebuilt, ast)) return null;
  if (frozen) deepFreeze(skeleton);
  return shape;
}

function sharedSteps(a: Path, b: Path): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function shallowCopy(v: unknown): Node | unknown[] {
  return Array.isArray(v) ? [...(v as unknown[])] : { ...(v as Node) };
}

/**
 * The skeleton with `literals` at its slots: containers along each slot's path copied, the rest shared. The slots
 * come in depth-first order, so the copies along the previous path are still on the stack for the steps it shares.
 * (A container the parser reached by two paths would be copied twice: the check at learning time, the rebuilt tree
 * against the parser's, refuses such a shape.)
 */
function instantiate(shape: Shape, text: string, literals: readonly Literal[]): Node | null {
  if (literals.length !== shape.slots.length) return null;
  const root = shallowCopy(shape.skeleton) as Node;
  const origs: unknown[] = [shape.skeleton];
  const copies: (Node | unknown[])[] = [root];
  for (const { slot: k, shared } of shape.order) {
    const slot = shape.slots[k]!;
    let node: Node | null = literalNode(text, literals[k]!);
    if (slot.negated) node = negatedNode(node);
    if (!node) return null;
    const path = slot.path;
    const last = path.length - 1;
    for (let d = shared; d < last; d++) {
      const step = path[d]!;
      const origChild = (origs[d] as Record<string | number, unknown>)[step];
      const child = shallowCopy(origChild);
      (copies[d] as Record<string | number, unknown>)[step] = child;
      origs[d + 1] = origChild;
      copies[d + 1] = child;
    }
    (copies[last] as Record<string | number, unknown>)[path[last]!] = node;
  }
  return root;
}

function deepFreeze(v: unknown): void {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return;
  Object.freeze(v);
  for (const child of Object.values(v)) deepFreeze(child);
}

/** Forgets every shape (tests). */
export function clearShapes(): void {
  shapes.clear();
  seen.clear();
}

/** Tests: freeze learned skeletons, so a reader that writes into a shared tree throws instead of corrupting it. */
export function freezeShapes(on: boolean): void {
  frozen = on;
}
