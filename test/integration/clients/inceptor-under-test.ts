// Starts the inceptor under test in-process (separate from support.ts so the probes load without it).

import { createHash } from 'node:crypto';
import pino from 'pino';
import { startInceptor, type RunningInceptor } from '../../../src/inceptor.js';
import { defaultConfig } from '../../../src/config/config.js';
import type { TlsFiles } from './support.js';

export type { RunningInceptor };

/** `*` + upper-hex SHA1(SHA1(pw)): the hashed form config.users accepts. */
export function nativePasswordHash(password: string): string {
  const once = createHash('sha1').update(password).digest();
  return '*' + createHash('sha1').update(once).digest('hex').toUpperCase();
}

/** Accounts of the grants-on instance: admin may kill/see anyone; alice's password is stored hashed. */
export const USERS = {
  admin: { name: 'admin', password: 'adminpw' },
  alice: { name: 'alice', password: 'alice pw!' },
  bob: { name: 'bob', password: 'bobpw' },
} as const;

const silent = pino({ level: 'silent' });

export interface InceptorOptions {
  grants?: boolean;
  tls?: TlsFiles;
  /** Server id in the connection-id layout; ≥ 1024 gives ids ≥ 2^31. */
  serverId?: number;
  /** `[cluster] id_bits` (docs/kill.md); 64 puts the server id in the high 32 bits. */
  idBits?: 32 | 64;
  /** Top-level `compatible-kill-query`: a truncated 64-bit id acts as a local id. */
  compatibleKillQuery?: boolean;
}

/** Starts inceptor in-process on a free port: skip-grant by default, or with USERS when `grants`. */
export async function startTestInceptor(opts: InceptorOptions = {}): Promise<RunningInceptor> {
  const config = defaultConfig();
  config.port = 0;
  config.host = '127.0.0.1';
  if (opts.serverId !== undefined) config.inceptor.server_id = opts.serverId;
  if (opts.idBits !== undefined) config.cluster.id_bits = opts.idBits;
  if (opts.compatibleKillQuery !== undefined) config.compatible_kill_query = opts.compatibleKillQuery;
  if (opts.tls) {
    config.security.ssl_cert = opts.tls.cert;
    config.security.ssl_key = opts.tls.key;
  }
  if (opts.grants) {
    config.security.skip_grant_table = false;
    config.users = [
      { name: USERS.admin.name, password: USERS.admin.password, admin: true },
      { name: USERS.alice.name, password: nativePasswordHash(USERS.alice.password), admin: false },
      { name: USERS.bob.name, password: USERS.bob.password, admin: false },
    ];
  }
  return startInceptor({ config, logger: silent });
}

