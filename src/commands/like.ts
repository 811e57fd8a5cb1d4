// MySQL LIKE: `%` any run, `_` one character, `\` escapes the next character; case-insensitive (the
// default collations are). Used by `inception show variables|levels like …`.

import type { LikeFilter } from './types.js';

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

export function matchesLike(value: string, pattern: string): boolean {
  return likeToRegExp(pattern).test(value);
}

/** A `[NOT] LIKE` filter as a predicate; null passes everything. */
export function likePredicate(filter: LikeFilter): (value: string) => boolean {
  if (!filter) return () => true;
  const re = likeToRegExp(filter.pattern);
  return (value) => re.test(value) !== filter.negate;
}

function escapeRegExp(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
