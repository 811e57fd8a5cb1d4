// Who may log in: with skip_grant_table anyone (root is admin), otherwise the configured users, whose
// password is given plain or as `*` + 40 hex digits of SHA1(SHA1(pw)).

import { nativePasswordHash, verifyNativePassword } from '../protocol/handshake.js';

export interface UserConfig {
  name: string;
  password: string;
  admin: boolean;
}

export interface AuthOutcome {
  ok: boolean;
  isAdmin: boolean;
}

interface StoredUser {
  /** SHA1(SHA1(pw)); null = empty password. */
  hash: Buffer | null;
  admin: boolean;
}

const HASHED = /^\*[0-9a-fA-F]{40}$/;

/** SHA1(SHA1(pw)) of a configured password (plain or `*HEX`); null for the empty password. */
export function storedPasswordHash(password: string): Buffer | null {
  if (password === '') return null;
  if (HASHED.test(password)) return Buffer.from(password.slice(1), 'hex');
  return nativePasswordHash(password);
}

export class UserDirectory {
  private readonly users = new Map<string, StoredUser>();

  constructor(private readonly skipGrantTable: boolean, users: readonly UserConfig[]) {
    for (const u of users) this.users.set(u.name, { hash: storedPasswordHash(u.password), admin: u.admin });
  }

  /** Checks a mysql_native_password response computed over `scramble`. */
  authenticate(user: string, scramble: Buffer, response: Buffer): AuthOutcome {
    const known = this.users.get(user);
    if (this.skipGrantTable) return { ok: true, isAdmin: known?.admin === true || user === 'root' };
    if (!known) return { ok: false, isAdmin: false };
    return { ok: verifyNativePassword(scramble, response, known.hash), isAdmin: known.admin };
  }
}
