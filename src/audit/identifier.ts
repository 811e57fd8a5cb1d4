// What the identifier rules test (docs/audit.md "Identifier rules"): names made of [0-9A-Za-z_] only, keywords,
// the configured custom keywords, and the 64-byte limit.
import type { IncConfig } from '../config/config.js';
import { MYSQL_KEYWORDS } from './keywords.js';

const PLAIN = /^[0-9a-zA-Z_]*$/;

/** A character outside [0-9A-Za-z_]; with check_identifier on, the keyword tests are skipped for such names. */
export function hasInvalidCharacter(name: string): boolean {
  return !PLAIN.test(name);
}

/** Whether the keyword tests apply to the name at all. */
export function keywordTested(name: string, inc: Readonly<IncConfig>): boolean {
  return !(inc.check_identifier && hasInvalidCharacter(name));
}

export function isKeyword(name: string): boolean {
  return MYSQL_KEYWORDS.has(name.toUpperCase());
}

export function isCustomKeyword(name: string, inc: Readonly<IncConfig>): boolean {
  const upper = name.toUpperCase();
  return inc.custom_keywords.some((k) => k.toUpperCase() === upper);
}

/** Identifiers are limited to 64 bytes (UTF-8). */
export const MAX_IDENTIFIER_BYTES = 64;

/** A table or column name MySQL refuses: empty, or ending with a space. */
export function isIncorrectName(name: string): boolean {
  return name === '' || name.endsWith(' ');
}
