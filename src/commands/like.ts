// LIKE for `inception show|get variables|levels like …`: the matching itself lives in src/sql/like.ts (shared
// with the server's SHOW VARIABLES LIKE); this adds the `[NOT] LIKE` filter of a parsed command.

import { likeMatcher } from '../sql/like.js';
import type { LikeFilter } from './types.js';

export { likeToRegExp, matchesLike } from '../sql/like.js';

/** A `[NOT] LIKE` filter as a predicate; null passes everything. */
export function likePredicate(filter: LikeFilter): (value: string) => boolean {
  if (!filter) return () => true;
  const matches = likeMatcher(filter.pattern);
  return (value) => matches(value) !== filter.negate;
}
