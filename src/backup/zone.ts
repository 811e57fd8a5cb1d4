// The execute session's time zone as the binlog side renders TIMESTAMPs in it (docs/binlog.md, "Values"). A fixed
// offset is used as it is. SYSTEM and named zones have daylight-saving transitions, so they are read from the
// server itself: its offsets over the whole TIMESTAMP range, found by asking it for FROM_UNIXTIME of each day and
// then narrowing every day whose offset changed down to the second. Rendering then agrees with the server's own
// conversion (also when its zone data differ from Node's), in every DST period, not only the current one.

import type { TargetSession } from '../target/session.js';
import type { ZoneRules } from './types.js';

/** The session's `time_zone` text and, unless it is a fixed offset, the server's rules for it. */
export interface SessionZone {
  name: string;
  rules: ZoneRules | null;
}

const DAY = 86_400;
/** The last day of the TIMESTAMP range (2038-01-19 03:14:07 UTC). */
const LAST_DAY = Math.floor(0x7fffffff / DAY);

const FIXED_OFFSET = /^[+-]\d{1,2}:\d{2}$/;

/** The server's offset from UTC, in the session's zone, at the UTC instant given by the SQL expression `t`. */
function offsetSql(t: string): string {
  return `TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', FROM_UNIXTIME(${t})) - ${t}`;
}

/** Rules read per server and zone, kept for an hour: a zone's rules change only with the server's zone data. */
const RULES_TTL_MS = 3_600_000;
const cache = new Map<string, { rules: ZoneRules; at: number }>();

/** The session's zone; `server` names the target (`host:port`) for the cache of rules. */
export async function sessionZone(target: Pick<TargetSession, 'query'>, server: string): Promise<SessionZone> {
  const rows = await target.query<{ tz: string; sys: string }>('SELECT @@session.time_zone AS tz, @@system_time_zone AS sys');
  const name = String(rows[0]?.tz ?? 'SYSTEM');
  if (FIXED_OFFSET.test(name.trim())) return { name, rules: null };
  const key = `${server}\u0000${name}\u0000${String(rows[0]?.sys ?? '')}`;
  const cached = cache.get(key);
  if (cached && Date.now() - cached.at < RULES_TTL_MS) return { name, rules: cached.rules };
  const rules = await serverZoneRules(target);
  if (cache.size > 100) cache.clear();
  cache.set(key, { rules, at: Date.now() });
  return { name, rules };
}

/** The session zone's offsets as the server computes them (one query per day scan, then ~17 to narrow). */
export async function serverZoneRules(target: Pick<TargetSession, 'query'>): Promise<ZoneRules> {
  const digits = '(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)';
  const days = await target.query<{ n: number | string; off: number | string }>(
    `SELECT n, ${offsetSql(`n * ${DAY}`)} AS off FROM (SELECT a.d + b.d * 10 + c.d * 100 + e.d * 1000 + f.d * 10000 AS n ` +
      `FROM ${digits} a, ${digits} b, ${digits} c, ${digits} e, ${digits} f) days WHERE n <= ${LAST_DAY} ORDER BY n`,
  );
  const offsets = days.map((r) => Number(r.off));
  // Each day whose offset differs from the next one holds a transition: [lo, hi] with off(lo) ≠ off(hi).
  const spans: { lo: number; hi: number; before: number; after: number }[] = [];
  for (let i = 0; i + 1 < offsets.length; i++) {
    if (offsets[i] !== offsets[i + 1]) spans.push({ lo: i * DAY, hi: (i + 1) * DAY, before: offsets[i]!, after: offsets[i + 1]! });
  }
  // Binary search of every span at once: the first second whose offset is no longer the day's starting one.
  while (spans.some((s) => s.hi - s.lo > 1)) {
    const open = spans.filter((s) => s.hi - s.lo > 1);
    const mids = open.map((s) => Math.floor((s.lo + s.hi) / 2));
    const [row] = await target.query<Record<string, number | string>>(`SELECT ${mids.map((m, i) => `${offsetSql(String(m))} AS o${i}`).join(', ')}`);
    open.forEach((s, i) => {
      if (Number(row![`o${i}`]) === s.before) s.lo = mids[i]!;
      else s.hi = mids[i]!;
    });
  }
  return { initial: offsets[0] ?? 0, transitions: spans.map((s) => s.hi), offsets: spans.map((s) => s.after) };
}
