// SQL literals for rollback statements (docs/binlog.md, "Values"). Every value is rendered so that applying the
// statement restores the exact stored value, and so that no data can end a literal early: quotes are doubled
// (which also holds under NO_BACKSLASH_ESCAPES), and only NUL, LF, CR, ^Z and backslash use backslash escapes.
// Pure.

import { isUtf8 } from 'node:buffer';
import type { ZoneRules } from '../types.js';

export function quoteIdentifier(name: string): string {
  return '`' + name.replace(/`/g, '``') + '`';
}

const NEEDS_ESCAPE = /['\\\0\n\r\x1a]/;
const ESCAPES = /['\\\0\n\r\x1a]/g;
const ESCAPE_OF: Record<string, string> = { "'": "''", '\\': '\\\\', '\0': '\\0', '\n': '\\n', '\r': '\\r', '\x1a': '\\Z' };

export function stringLiteral(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return `'${text}'`;
  return `'${text.replace(ESCAPES, (ch) => ESCAPE_OF[ch])}'`;
}

export function hexLiteral(bytes: Buffer): string {
  return `X'${bytes.toString('hex')}'`;
}

/** Character sets whose bytes below 0x80 are ASCII, so an ASCII-only value can be written as a plain string. */
const ASCII_COMPATIBLE = /^(latin\d|ascii|cp\d+|koi8[ru]|greek|hebrew|armscii8|geostd8|keybcs2|macce|macroman|dec8|hp8|swe7|tis620|big5|gbk|gb2312|gb18030|ujis|eucjpms|sjis|cp932|euckr)$/;

function isAscii(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

/**
 * A character or binary string. UTF-8 text is written as a quoted string. Binary values are quoted when they are
 * valid UTF-8 (unless `hexBlob`), else `X'…'`. Text in another character set is quoted when it is ASCII, else
 * written as `_charset X'…'` (exact bytes, no conversion through the rollback table's utf8mb4).
 */
export function bytesLiteral(bytes: Buffer, charset: string | null, hexBlob: boolean): string {
  if (charset === null) {
    if (bytes.length === 0) return "''";
    if (hexBlob || !isUtf8(bytes)) return hexLiteral(bytes);
    return stringLiteral(bytes.toString('utf8'));
  }
  if (charset.startsWith('utf8')) {
    return isUtf8(bytes) ? stringLiteral(bytes.toString('utf8')) : `_utf8mb4 ${hexLiteral(bytes)}`;
  }
  if (ASCII_COMPATIBLE.test(charset) && isAscii(bytes)) return stringLiteral(bytes.toString('latin1'));
  return `_${charset} ${hexLiteral(bytes)}`;
}

/**
 * FLOAT and DOUBLE as double literals (an exponent makes it one, not DECIMAL): the shortest text that reads back
 * as the same double. A FLOAT is written as its exact value widened to double, which converts back to the same
 * float and also compares equal to the column in a WHERE clause.
 */
export function floatLiteral(value: number): string {
  if (Object.is(value, -0)) return '-0e0';
  const text = String(value);
  return text.includes('e') ? text : `${text}e0`;
}

/** '00'…'99': two-digit fields without allocating per value. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

function pad(n: number, width: number): string {
  if (width === 2 && n < 100) return TWO_DIGITS[n];
  return String(n).padStart(width, '0');
}

/** `.ffffff` cut to `fsp` digits, or '' for fsp 0. */
function fraction(micros: number, fsp: number): string {
  return fsp > 0 ? '.' + pad(micros, 6).slice(0, fsp) : '';
}

export function dateText(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function dateTimeText(y: number, mo: number, d: number, h: number, mi: number, s: number, micros: number, fsp: number): string {
  return `${dateText(y, mo, d)} ${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${fraction(micros, fsp)}`;
}

export function timeText(negative: boolean, hours: number, minutes: number, seconds: number, micros: number, fsp: number): string {
  return `${negative ? '-' : ''}${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}${fraction(micros, fsp)}`;
}

/**
 * A session time zone: a fixed offset (`+08:00`, `UTC`), the server's own rules for a zone (`ZoneRules`), or an
 * IANA name resolved by Intl. TIMESTAMP values are stored as UTC instants and written back as local time in this
 * zone, so applying the rollback with the same session time_zone restores the instant — except in the hour a DST
 * fall-back repeats, where one local time names two instants: `localTimeIsAmbiguous` finds those (their statements
 * are written in UTC, docs/binlog.md).
 */
export class TimeZone {
  private readonly fixedOffsetSeconds: number | null;
  private readonly format: Intl.DateTimeFormat | null;
  private readonly rules: ZoneRules | null;
  /** Offset cache per 15-minute UTC slot: zone transitions fall on those boundaries. */
  private readonly offsets = new Map<number, number>();

  constructor(
    readonly name: string,
    rules: ZoneRules | null = null,
    /** Appended to every TIMESTAMP literal (MySQL 8.0.19+ reads `'… +00:00'` as an exact instant). */
    private readonly literalSuffix = '',
  ) {
    const m = /^([+-])(\d{1,2}):(\d{2})$/.exec(name.trim());
    this.rules = null;
    this.format = null;
    if (m) {
      const minutes = Number(m[2]) * 60 + Number(m[3]);
      this.fixedOffsetSeconds = (m[1] === '-' ? -1 : 1) * minutes * 60;
    } else if (/^(utc|gmt|z)$/i.test(name.trim())) {
      this.fixedOffsetSeconds = 0;
    } else if (rules) {
      this.fixedOffsetSeconds = rules.transitions.length === 0 ? rules.initial : null;
      this.rules = rules;
    } else {
      this.fixedOffsetSeconds = null;
      // Throws RangeError for a zone Intl does not know: the caller reports it.
      this.format = new Intl.DateTimeFormat('en-US', {
        timeZone: name.trim(),
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    }
  }

  /** UTC, with literals that carry their offset (`'2024-11-03 06:30:00+00:00'`) when `suffixed`. */
  static utc(suffixed: boolean): TimeZone {
    return new TimeZone('+00:00', null, suffixed ? '+00:00' : '');
  }

  /** Seconds east of UTC at the UTC instant `epochSeconds`. */
  offsetAt(epochSeconds: number): number {
    if (this.fixedOffsetSeconds !== null) return this.fixedOffsetSeconds;
    if (this.rules) return ruleOffsetAt(this.rules, epochSeconds);
    const slot = Math.floor(epochSeconds / 900);
    let offset = this.offsets.get(slot);
    if (offset === undefined) {
      const parts: Record<string, number> = {};
      for (const p of this.format!.formatToParts(new Date(slot * 900_000))) {
        if (p.type !== 'literal') parts[p.type] = Number(p.value);
      }
      const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) / 1000;
      offset = local - slot * 900;
      if (this.offsets.size > 10_000) this.offsets.clear();
      this.offsets.set(slot, offset);
    }
    return offset;
  }

  /**
   * Whether the local time of `epochSeconds` is also the local time of another instant (either pass through the
   * hour a DST fall-back repeats). Which of the two the server reads such a local time as depends on the zone's
   * kind (tz tables: the earlier; SYSTEM: the C library's choice), so neither pass can be written as local time.
   * Transitions less than a day apart are not looked for.
   */
  localTimeIsAmbiguous(epochSeconds: number): boolean {
    if (this.fixedOffsetSeconds !== null) return false;
    const now = this.offsetAt(epochSeconds);
    const dayBefore = this.offsetAt(epochSeconds - 86_400);
    if (dayBefore > now && this.offsetAt(epochSeconds - (dayBefore - now)) === dayBefore) return true;
    const dayAfter = this.offsetAt(epochSeconds + 86_400);
    return dayAfter < now && this.offsetAt(epochSeconds + (now - dayAfter)) === dayAfter;
  }

  /** The last second converted (rows of one statement often share a timestamp). */
  private lastSeconds = -1;
  private lastText = '';
  private lastAmbiguous = false;
  /** Values rendered so far whose local time is ambiguous (see localTimeIsAmbiguous). */
  ambiguousValues = 0;

  /** `YYYY-MM-DD hh:mm:ss[.f]` local time of a UTC instant. */
  localText(epochSeconds: number, micros: number, fsp: number): string {
    if (epochSeconds !== this.lastSeconds) {
      this.lastText = this.secondsText(epochSeconds);
      this.lastAmbiguous = this.localTimeIsAmbiguous(epochSeconds);
      this.lastSeconds = epochSeconds;
    }
    if (this.lastAmbiguous) this.ambiguousValues++;
    return this.lastText + fraction(micros, fsp) + this.literalSuffix;
  }

  private secondsText(epochSeconds: number): string {
    const local = new Date((epochSeconds + this.offsetAt(epochSeconds)) * 1000);
    return dateTimeText(
      local.getUTCFullYear(),
      local.getUTCMonth() + 1,
      local.getUTCDate(),
      local.getUTCHours(),
      local.getUTCMinutes(),
      local.getUTCSeconds(),
      0,
      0,
    );
  }
}

function ruleOffsetAt(rules: ZoneRules, epochSeconds: number): number {
  const t = rules.transitions;
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid] <= epochSeconds) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? rules.initial : rules.offsets[lo - 1];
}
