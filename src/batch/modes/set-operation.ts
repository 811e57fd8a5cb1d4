// The member SELECTs of a set operation (UNION, INTERSECT, EXCEPT), as masking and query print both need them
// (docs/result-modes.md). node-sql-parser chains members through `_next` (the operator in `set_op` of the member
// before), but reads `SELECT … FROM t UNION (SELECT …)` as a FROM item joined by "union": such an item is the
// next member, not a table to read from. Members are flattened in source order, nested ones included.

type Node = Record<string, unknown>;

function obj(v: unknown): Node | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : null;
}

export interface SetMember {
  /** The member SELECT, with FROM items that were really set-operation members removed. */
  select: Node;
  /** The operator before this member as written (`union`, `union all`, `except` …); null for the first. */
  op: string | null;
}

function isSetOperation(join: unknown): join is string {
  return typeof join === 'string' && /^(union|except|intersect|minus)\b/i.test(join);
}

/** A lone SELECT is its own only member. */
export function setMembers(ast: Node): SetMember[] {
  const out: SetMember[] = [];
  let op: string | null = null;
  for (let member: Node | null = ast; member; member = obj(member._next)) {
    const from = Array.isArray(member.from) ? member.from : null;
    const misread = from?.filter((f) => isSetOperation(obj(f)?.join)) ?? [];
    out.push({ select: misread.length === 0 ? member : { ...member, from: from!.filter((f) => !misread.includes(f)) }, op });
    for (const f of misread) {
      const item = obj(f)!;
      const sub = obj(obj(item.expr)?.ast);
      if (!sub) continue;
      const [first, ...rest] = setMembers(sub);
      if (first) out.push({ select: first.select, op: item.join as string }, ...rest);
    }
    op = typeof member.set_op === 'string' ? member.set_op : null;
  }
  return out;
}
