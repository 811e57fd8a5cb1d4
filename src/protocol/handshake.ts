// Connection-phase packets: Handshake v10 (server greeting), HandshakeResponse41 / SSLRequest (client),
// AuthSwitchRequest, and the mysql_native_password scramble check.

import { createHash, randomFillSync, timingSafeEqual } from 'node:crypto';
import { MalformedPacketError, PayloadReader, PayloadWriter } from './buffers.js';
import { Capability, NATIVE_PASSWORD_PLUGIN, SSL_REQUEST_LENGTH } from './constants.js';

export const SCRAMBLE_LENGTH = 20;

/** CSPRNG bytes drawn in blocks: one kernel call per 100 scrambles instead of one per connection. */
const randomPool = Buffer.alloc(SCRAMBLE_LENGTH * 100);
let randomPoolUsed = randomPool.length;

/** 20 random bytes without NUL or '$' (clients treat the scramble as a C string). */
export function generateScramble(): Buffer {
  if (randomPoolUsed + SCRAMBLE_LENGTH > randomPool.length) {
    randomFillSync(randomPool);
    randomPoolUsed = 0;
  }
  // a copy: the pool is refilled in place, and each byte is used once
  const out = Buffer.from(randomPool.subarray(randomPoolUsed, randomPoolUsed + SCRAMBLE_LENGTH));
  randomPoolUsed += SCRAMBLE_LENGTH;
  for (let i = 0; i < out.length; i++) {
    let b = out[i]! & 0x7f;
    if (b === 0 || b === 0x24) b = 0x2b;
    out[i] = b;
  }
  return out;
}

export interface HandshakeV10 {
  serverVersion: string;
  connectionId: number;
  scramble: Buffer;
  capabilities: number;
  collation: number;
  statusFlags: number;
  authPlugin: string;
}

export function encodeHandshakeV10(h: HandshakeV10): Buffer {
  if (h.scramble.length !== SCRAMBLE_LENGTH) throw new RangeError('scramble must be 20 bytes');
  return new PayloadWriter(128)
    .u8(10)
    .nulString(h.serverVersion)
    .u32(h.connectionId)
    .bytes(h.scramble.subarray(0, 8))
    .u8(0)
    .u16(h.capabilities & 0xffff)
    .u8(h.collation)
    .u16(h.statusFlags)
    .u16((h.capabilities >>> 16) & 0xffff)
    .u8(SCRAMBLE_LENGTH + 1)
    .zeros(10)
    .bytes(h.scramble.subarray(8))
    .u8(0)
    .nulString(h.authPlugin)
    .finish();
}

/** Decodes a Handshake v10 (used by tests and tools; the server only encodes it). */
export function decodeHandshakeV10(payload: Buffer): HandshakeV10 {
  const r = new PayloadReader(payload);
  const version = r.u8();
  if (version !== 10) throw new MalformedPacketError(`protocol version ${version} is not 10`);
  const serverVersion = r.nulString();
  const connectionId = r.u32();
  const part1 = r.bytes(8);
  r.skip(1);
  let capabilities = r.u16();
  const collation = r.u8();
  const statusFlags = r.u16();
  capabilities = (capabilities | (r.u16() << 16)) >>> 0;
  const dataLength = r.u8();
  r.skip(10);
  const part2 = r.bytes(Math.max(13, dataLength - 8));
  const authPlugin = r.nulString(true);
  return { serverVersion, connectionId, scramble: Buffer.concat([part1, part2.subarray(0, 12)]), capabilities, collation, statusFlags, authPlugin };
}

export interface HandshakeResponse {
  capabilities: number;
  maxPacketSize: number;
  collation: number;
  user: string;
  authResponse: Buffer;
  database: string | null;
  /** Plugin the client used for `authResponse`; null when it did not say (pre-PLUGIN_AUTH clients). */
  authPlugin: string | null;
  attributes: Record<string, string>;
}

/** True when a connection-phase client packet is an SSLRequest (the 32-byte prefix with CLIENT_SSL). */
export function isSslRequest(payload: Buffer): boolean {
  return payload.length === SSL_REQUEST_LENGTH && (payload.readUInt32LE(0) & Capability.SSL) !== 0;
}

export function parseHandshakeResponse41(payload: Buffer): HandshakeResponse {
  const r = new PayloadReader(payload);
  const capabilities = r.u32();
  if ((capabilities & Capability.PROTOCOL_41) === 0) {
    throw new MalformedPacketError('client does not speak protocol 4.1');
  }
  const maxPacketSize = r.u32();
  const collation = r.u8();
  r.skip(23);
  const user = r.nulString();
  let authResponse: Buffer;
  if (capabilities & Capability.PLUGIN_AUTH_LENENC_CLIENT_DATA) {
    authResponse = r.lenencBytes() ?? Buffer.alloc(0);
  } else if (capabilities & Capability.SECURE_CONNECTION) {
    authResponse = r.bytes(r.u8());
  } else {
    authResponse = r.nulBytes(true);
  }
  let database: string | null = null;
  if (capabilities & Capability.CONNECT_WITH_DB && r.remaining > 0) {
    database = r.nulString(true) || null;
  }
  let authPlugin: string | null = null;
  if (capabilities & Capability.PLUGIN_AUTH && r.remaining > 0) {
    authPlugin = r.nulString(true);
  }
  const attributes: Record<string, string> = {};
  if (capabilities & Capability.CONNECT_ATTRS && r.remaining > 0) {
    const length = r.lenencInt() ?? 0;
    const attrs = new PayloadReader(r.bytes(length));
    while (attrs.remaining > 0) {
      const key = attrs.lenencString() ?? '';
      attributes[key] = attrs.lenencString() ?? '';
    }
  }
  return { capabilities, maxPacketSize, collation, user, authResponse, database, authPlugin: authPlugin || null, attributes };
}

/** Encodes a HandshakeResponse41 (for tests and tools). */
export function encodeHandshakeResponse41(resp: Omit<HandshakeResponse, 'attributes'> & { attributes?: Record<string, string> }): Buffer {
  const w = new PayloadWriter()
    .u32(resp.capabilities)
    .u32(resp.maxPacketSize)
    .u8(resp.collation)
    .zeros(23)
    .nulString(resp.user);
  if (resp.capabilities & Capability.PLUGIN_AUTH_LENENC_CLIENT_DATA) w.lenencString(resp.authResponse);
  else if (resp.capabilities & Capability.SECURE_CONNECTION) w.u8(resp.authResponse.length).bytes(resp.authResponse);
  else w.nulString(resp.authResponse);
  if (resp.capabilities & Capability.CONNECT_WITH_DB) w.nulString(resp.database ?? '');
  if (resp.capabilities & Capability.PLUGIN_AUTH) w.nulString(resp.authPlugin ?? '');
  if (resp.capabilities & Capability.CONNECT_ATTRS) {
    const attrs = new PayloadWriter();
    for (const [k, v] of Object.entries(resp.attributes ?? {})) attrs.lenencString(k).lenencString(v);
    w.lenencString(attrs.finish());
  }
  return w.finish();
}

export function encodeSslRequest(capabilities: number, maxPacketSize: number, collation: number): Buffer {
  return new PayloadWriter(32).u32(capabilities | Capability.SSL).u32(maxPacketSize).u8(collation).zeros(23).finish();
}

/** AuthSwitchRequest: 0xfe, plugin name, plugin data (the scramble + NUL for mysql_native_password). */
export function encodeAuthSwitchRequest(plugin: string, scramble: Buffer): Buffer {
  return new PayloadWriter(64).u8(0xfe).nulString(plugin).bytes(scramble).u8(0).finish();
}

export interface ChangeUserRequest {
  user: string;
  authResponse: Buffer;
  database: string | null;
  collation: number | null;
  authPlugin: string | null;
  attributes: Record<string, string>;
}

/** COM_CHANGE_USER payload (including the command byte); `capabilities` are the negotiated ones. */
export function parseChangeUser(payload: Buffer, capabilities: number): ChangeUserRequest {
  const r = new PayloadReader(payload, 1);
  const user = r.nulString();
  const authResponse = capabilities & Capability.SECURE_CONNECTION ? r.bytes(r.u8()) : r.nulBytes(true);
  const database = r.remaining > 0 ? r.nulString(true) || null : null;
  let collation: number | null = null;
  let authPlugin: string | null = null;
  const attributes: Record<string, string> = {};
  if (r.remaining >= 2) {
    collation = r.u16();
    if (capabilities & Capability.PLUGIN_AUTH && r.remaining > 0) authPlugin = r.nulString(true) || null;
    if (capabilities & Capability.CONNECT_ATTRS && r.remaining > 0) {
      const attrs = new PayloadReader(r.bytes(r.lenencInt() ?? 0));
      while (attrs.remaining > 0) {
        const key = attrs.lenencString() ?? '';
        attributes[key] = attrs.lenencString() ?? '';
      }
    }
  }
  return { user, authResponse, database, collation, authPlugin, attributes };
}

function sha1(...parts: Buffer[]): Buffer {
  const h = createHash('sha1');
  for (const p of parts) h.update(p);
  return h.digest();
}

/** SHA1(SHA1(password)): what a server stores for mysql_native_password. */
export function nativePasswordHash(password: string | Buffer): Buffer {
  return sha1(sha1(typeof password === 'string' ? Buffer.from(password, 'utf8') : password));
}

/** What a client sends: SHA1(pw) XOR SHA1(scramble + SHA1(SHA1(pw))); empty for an empty password. */
export function nativePasswordScramble(password: string | Buffer, scramble: Buffer): Buffer {
  const pw = typeof password === 'string' ? Buffer.from(password, 'utf8') : password;
  if (pw.length === 0) return Buffer.alloc(0);
  const stage1 = sha1(pw);
  const mask = sha1(scramble, sha1(stage1));
  for (let i = 0; i < stage1.length; i++) stage1[i] = stage1[i]! ^ mask[i]!;
  return stage1;
}

/**
 * Checks a mysql_native_password response against the stored SHA1(SHA1(pw)) (null = empty password):
 * SHA1(response XOR SHA1(scramble + stored)) must equal stored.
 */
export function verifyNativePassword(scramble: Buffer, response: Buffer, stored: Buffer | null): boolean {
  if (stored === null) return response.length === 0;
  if (response.length !== 20 || stored.length !== 20) return false;
  const mask = sha1(scramble, stored);
  const candidate = Buffer.allocUnsafe(20);
  for (let i = 0; i < 20; i++) candidate[i] = response[i]! ^ mask[i]!;
  return timingSafeEqual(sha1(candidate), stored);
}

export { NATIVE_PASSWORD_PLUGIN };
