// MySQL LIKE, the one implementation: `%` any run (also empty), `_` exactly one character, `\` makes the next
// character literal (a trailing lone `\` is itself literal), case-insensitive as on the default *_ci
// collations. Matches whole strings, counts characters not UTF-16 units, and `%`/`_` match newlines too.

/** The pattern as an anchored RegExp. */
export function likeToRegExp(pattern: string): RegExp {
  let source = '';
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\\' && i + 1 < chars.length) source += escapeRegExp(chars[++i]!);
    else if (c === '%') source += '.*';
    else if (c === '_') source += '.';
    else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`, 'isu');
}

/** A predicate for one pattern, compiled once (use this when testing many values). */
export function likeMatcher(pattern: string): (value: string) => boolean {
  const re = likeToRegExp(pattern);
  return (value) => re.test(value);
}

/** `value LIKE pattern`. */
export function matchesLike(value: string, pattern: string): boolean {
  return likeToRegExp(pattern).test(value);
}

function escapeRegExp(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
