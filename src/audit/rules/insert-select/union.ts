// A SELECT's trailing ORDER BY / LIMIT sit on its last UNION member in node-sql-parser's tree.
type Node = Record<string, unknown>;

export function lastMember(select: unknown): Node | null {
  let m = select !== null && typeof select === 'object' ? (select as Node) : null;
  while (m && m._next && typeof m._next === 'object') m = m._next as Node;
  return m;
}
