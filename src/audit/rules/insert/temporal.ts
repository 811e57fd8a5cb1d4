// Whether a literal is a valid value for a YEAR / DATE / TIME / DATETIME / TIMESTAMP column under the target's
// sql_mode (docs/audit.md "INSERT values"). Dates follow MySQL's literal forms: delimited (`2020-1-2`, `20/01/02`,
// with an optional time after a space or `T`) or packed digits (`20200102`, `200102`, `20200102030405`), as
// strings or numbers. Month 1–12 and hour/minute/second in range are always required; the day must exist in its
// month unless ALLOW_INVALID_DATES. An all-zero date is refused only under strict mode with NO_ZERO_DATE, a zero
// month or day only under strict mode with NO_ZERO_IN_DATE, as the server itself refuses them.

export type TemporalType = 'year' | 'date' | 'time' | 'datetime' | 'timestamp';

export const TEMPORAL_TYPES: ReadonlySet<string> = new Set<TemporalType>(['year', 'date', 'time', 'datetime', 'timestamp']);

export interface DateModes {
  strict: boolean;
  noZeroDate: boolean;
  noZeroInDate: boolean;
  allowInvalidDates: boolean;
}

/** The last sql_mode read and its modes: every statement of a batch asks for the same one. */
let lastSqlMode: string | null = null;
let lastModes: DateModes | null = null;

export function dateModesOf(sqlMode: string): DateModes {
  if (sqlMode !== lastSqlMode || !lastModes) {
    lastModes = Object.freeze(readDateModes(sqlMode));
    lastSqlMode = sqlMode;
  }
  return lastModes;
}

function readDateModes(sqlMode: string): DateModes {
  const modes = new Set(sqlMode.toUpperCase().split(',').map((m) => m.trim()));
  // TRADITIONAL, ANSI etc. come back expanded from the server; only the plain names need reading.
  return {
    strict: modes.has('STRICT_TRANS_TABLES') || modes.has('STRICT_ALL_TABLES'),
    noZeroDate: modes.has('NO_ZERO_DATE'),
    noZeroInDate: modes.has('NO_ZERO_IN_DATE'),
    allowInvalidDates: modes.has('ALLOW_INVALID_DATES'),
  };
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  twoDigitYear: boolean;
}

const DELIMITED = /^(\d{1,4})[^\d\s](\d{1,2})[^\d\s](\d{1,2})(?:(?:\s+|T)(\d{1,2})[^\d\s](\d{1,2})[^\d\s](\d{1,2})(?:\.\d{0,6})?)?\s*$/i;
const PACKED = /^(\d{6}|\d{8}|\d{12}|\d{14})(?:\.\d{0,6})?$/;

function dateParts(text: string): Parts | null {
  const t = text.trim();
  const d = DELIMITED.exec(t);
  if (d) {
    const n = d.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
    return { year: n[0]!, month: n[1]!, day: n[2]!, hour: n[3]!, minute: n[4]!, second: n[5]!, twoDigitYear: d[1]!.length <= 2 };
  }
  const p = PACKED.exec(t);
  if (!p) return null;
  const digits = p[1]!;
  const yearLen = digits.length === 8 || digits.length === 14 ? 4 : 2;
  const rest = digits.slice(yearLen).match(/\d\d/g)!.map(Number);
  return { year: Number(digits.slice(0, yearLen)), month: rest[0]!, day: rest[1]!, hour: rest[2] ?? 0, minute: rest[3] ?? 0, second: rest[4] ?? 0, twoDigitYear: yearLen === 2 };
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validDate(p: Parts, modes: DateModes, timestamp: boolean): boolean {
  if (p.hour > 23 || p.minute > 59 || p.second > 59) return false;
  const year = p.twoDigitYear ? (p.year < 70 ? 2000 + p.year : 1900 + p.year) : p.year;
  if (p.year === 0 && p.month === 0 && p.day === 0) return !(modes.strict && modes.noZeroDate);
  if (p.month > 12 || p.day > 31) return false;
  if (p.month === 0 || p.day === 0) return !(modes.strict && modes.noZeroInDate) && !timestamp;
  if (!modes.allowInvalidDates && p.day > daysIn(year, p.month)) return false;
  // TIMESTAMP holds 1970-01-01 00:00:01 .. 2038-01-19 03:14:07 UTC; the session time zone moves the ends by hours.
  if (timestamp && (year < 1970 || year > 2038)) return false;
  return true;
}

const TIME = /^(-)?(?:(\d+)\s+)?(\d{1,3})(?::(\d{1,2})(?::(\d{1,2}))?)?(?:\.\d{0,6})?\s*$/;
const PACKED_TIME = /^(-)?(\d{1,7})(?:\.\d{0,6})?$/;

function validTime(text: string): boolean {
  const t = text.trim();
  let hours: number;
  let minutes = 0;
  let seconds = 0;
  const m = TIME.exec(t);
  if (m && (m[4] !== undefined || m[2] !== undefined)) {
    hours = Number(m[3]) + Number(m[2] ?? 0) * 24;
    minutes = Number(m[4] ?? 0);
    seconds = Number(m[5] ?? 0);
  } else {
    const p = PACKED_TIME.exec(t);
    if (!p) return false;
    const digits = p[2]!.padStart(6, '0');
    hours = Number(digits.slice(0, -4));
    minutes = Number(digits.slice(-4, -2));
    seconds = Number(digits.slice(-2));
  }
  return minutes <= 59 && seconds <= 59 && hours <= 838;
}

function validYear(text: string, kind: 'string' | 'number'): boolean {
  const t = text.trim();
  if (!/^\d{1,4}$/.test(t)) return false;
  const n = Number(t);
  if (kind === 'number' && n === 0) return true;
  return n <= 99 || (n >= 1901 && n <= 2155) || (kind === 'string' && t === '0000');
}

/** Whether the literal (a string's raw text, or a number's decimal text) is a valid value for the type. */
export function validTemporal(type: TemporalType, literal: { kind: 'string' | 'number'; text: string }, modes: DateModes): boolean {
  switch (type) {
    case 'year':
      return validYear(literal.text, literal.kind);
    case 'time':
      return validTime(literal.text);
    default: {
      if (literal.kind === 'number' && Number(literal.text) === 0) return validDate({ year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, twoDigitYear: false }, modes, false);
      const parts = dateParts(literal.text);
      return parts !== null && validDate(parts, modes, type === 'timestamp');
    }
  }
}
