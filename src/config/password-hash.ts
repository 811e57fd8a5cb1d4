// MySQL's native password hash, `*` + upper-hex SHA1(SHA1(password)): how config.toml may store a user's
// password and how `inception show variables` shows `backup_password` (never in clear).

import { createHash } from 'node:crypto';

const HASH_FORM = /^\*[0-9A-Fa-f]{40}$/;

export function nativePasswordHash(password: string): string {
  const once = createHash('sha1').update(password, 'utf8').digest();
  return '*' + createHash('sha1').update(once).digest('hex').toUpperCase();
}

/** True for a `*`+40-hex-digit string (either case). */
export function isNativePasswordHash(text: string): boolean {
  return HASH_FORM.test(text);
}
