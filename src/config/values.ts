// Turning raw values into typed config values and back into text: the config-file check (strict, names the
// problem) and Go-style printing for `inception show variables` (goInception prints with Go's `%v`).

import type { FieldSpec } from './schema.js';

export type FieldCheck = { ok: true; value: unknown } | { ok: false; reason: string };

/** Checks one value read from config.toml against its field spec. */
export function checkFileValue(field: FieldSpec, raw: unknown): FieldCheck {
  switch (field.kind) {
    case 'bool':
      return typeof raw === 'boolean' ? { ok: true, value: raw } : fail(`expected a boolean (true or false), got ${describe(raw)}`);
    case 'int':
    case 'uint':
    case 'float':
      return checkNumber(field, raw);
    case 'string': {
      if (typeof raw !== 'string') return fail(`expected a string, got ${describe(raw)}`);
      if (!field.values) return { ok: true, value: raw };
      const canonical = field.values.find((v) => v.toLowerCase() === raw.toLowerCase());
      return canonical !== undefined
        ? { ok: true, value: canonical }
        : fail(`expected one of ${field.values.join(', ')}, got ${describe(raw)}`);
    }
    case 'list':
      // The one list, custom_keywords, is matched against upper-cased identifiers.
      if (typeof raw === 'string') return { ok: true, value: splitList(raw).map((s) => s.toUpperCase()) };
      if (Array.isArray(raw) && raw.every((v) => typeof v === 'string')) {
        return { ok: true, value: raw.map((s: string) => s.trim().toUpperCase()).filter((s) => s !== '') };
      }
      return fail(`expected an array of strings, got ${describe(raw)}`);
  }
}

function checkNumber(field: FieldSpec & { kind: 'int' | 'uint' | 'float' }, raw: unknown): FieldCheck {
  const noun = field.kind === 'float' ? 'a number' : 'an integer';
  const wrongType = typeof raw !== 'number' || !Number.isFinite(raw) || (field.kind !== 'float' && !Number.isInteger(raw));
  const { min, max } = field;
  if (!wrongType && (min === undefined || raw >= min) && (max === undefined || raw <= max)) return { ok: true, value: raw };
  if (max !== undefined) return fail(`expected ${noun} in ${min ?? '-inf'}..${max}, got ${describe(raw)}`);
  if (min === 0) return fail(`expected a non-negative ${noun.replace(/^an? /, '')}, got ${describe(raw)}`);
  if (min !== undefined) return fail(`expected ${noun} >= ${min}, got ${describe(raw)}`);
  return fail(`expected ${noun}, got ${describe(raw)}`);
}

function fail(reason: string): FieldCheck {
  return { ok: false, reason };
}

/** How a raw TOML value is named in an error message. */
export function describe(raw: unknown): string {
  if (typeof raw === 'string') return JSON.stringify(raw);
  if (typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'bigint') return String(raw);
  if (raw instanceof Date) return 'a date-time';
  if (Array.isArray(raw)) return 'an array';
  if (raw !== null && typeof raw === 'object') return 'a table';
  return String(raw);
}

/** `custom_keywords` style lists: comma-separated, trimmed, empties dropped. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Go `fmt` `%v` of a config value: `true`, `16`, `0.8`, `1e-05`, `[]`, `[A B]`. */
export function goString(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return goNumber(value);
  if (Array.isArray(value)) return `[${value.map(goString).join(' ')}]`;
  return String(value);
}

function goNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  const abs = Math.abs(n);
  // Go switches to exponent form below 1e-4 and from 1e21 up, with at least two exponent digits.
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return String(n);
}
