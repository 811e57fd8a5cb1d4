// How many client connections this process can hold (docs/security.md "Connections"): the configured
// `max-server-connections`, and never more than the file descriptors allow, so that a client past the limit gets
// MySQL's 1040 instead of being dropped by a failing accept() (EMFILE).

import { readdirSync, readFileSync } from 'node:fs';

/** A client connection may hold its socket and the batch's target session (backup may add one more). */
const FDS_PER_CONNECTION = 3;
/** Descriptors kept free for the log, config reloads, DNS and the like. */
const FD_MARGIN = 32;

/** The soft RLIMIT_NOFILE and the descriptors open now, from /proc (null where /proc is not there). */
function fileDescriptorUse(): { limit: number; open: number } | null {
  try {
    const limits = readFileSync('/proc/self/limits', 'utf8');
    const m = /^Max open files\s+(\d+|unlimited)/m.exec(limits);
    if (!m || m[1] === 'unlimited') return null;
    return { limit: Number(m[1]), open: readdirSync('/proc/self/fd').length };
  } catch {
    return null;
  }
}

/** The connection cap: `configured` (0 = none) bounded by the descriptor budget; at least 1. */
export function connectionCap(configured: number): number {
  const use = fileDescriptorUse();
  const byDescriptors = use ? Math.floor((use.limit - use.open - FD_MARGIN) / FDS_PER_CONNECTION) : Number.POSITIVE_INFINITY;
  const cap = Math.min(configured > 0 ? configured : Number.POSITIVE_INFINITY, byDescriptors);
  return Number.isFinite(cap) ? Math.max(1, cap) : Number.MAX_SAFE_INTEGER;
}
