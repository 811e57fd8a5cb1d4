// Cluster-ready connection ids (docs/kill.md "Connection ids").
//   32-bit (default, TiDB's shipped layout): id = serverId * 2^21 + localId * 2 + 0
//                                           serverId 11 bits, localId 20 bits, markup bit 0 = 0
//   64-bit (`[cluster] id_bits = 64`):       id = serverId * 2^32 + localId
//                                           serverId in the high 32 bits, localId in the low 32 bits
// JS bit operators are signed 32-bit, so composition uses arithmetic and decomposition `>>>` or BigInt. The largest
// 64-bit id (2047 * 2^32 + 2^20) is far below 2^53, so ids stay plain numbers.

export const LOCAL_ID_BITS = 20;
export const MAX_SERVER_ID = 2047;

export type IdBits = 32 | 64;

export interface DecodedConnectionId {
  /** 0 only for a truncated 64-bit id: a client kept the low 32 bits (the handshake's) and lost the server id. */
  serverId: number;
  localId: number;
}

export function encodeConnectionId(serverId: number, localId: number, bits: IdBits = 32): number {
  if (!Number.isInteger(serverId) || serverId < 1 || serverId > MAX_SERVER_ID) {
    throw new RangeError(`server id ${serverId} out of range 1..${MAX_SERVER_ID}`);
  }
  if (!Number.isInteger(localId) || localId < 1 || localId >= 2 ** LOCAL_ID_BITS) {
    throw new RangeError(`local id ${localId} out of range`);
  }
  return bits === 64 ? serverId * 2 ** 32 + localId : serverId * 2 ** 21 + localId * 2;
}

/** The id the handshake's 4-byte field carries (what `mysql_thread_id()` and the CLI's Ctrl-C use). */
export function handshakeConnectionId(id: number): number {
  return id % 2 ** 32;
}

/**
 * Decodes an id given by a client (e.g. the argument of KILL). Returns null for anything that cannot be one of
 * our ids: negative, wider than the layout, markup bit set (32-bit), a server id above MAX_SERVER_ID, or a zero
 * local part. In the 64-bit layout an id below 2^32 decodes with server id 0: the caller decides what a
 * truncated id means.
 */
export function decodeConnectionId(id: bigint | number, bits: IdBits = 32): DecodedConnectionId | null {
  const big = typeof id === 'bigint' ? id : Number.isSafeInteger(id) ? BigInt(id) : -1n;
  if (bits === 64) {
    if (big < 0n) return null;
    const serverId = big >> 32n;
    const localId = Number(big & 0xffffffffn);
    if (serverId > BigInt(MAX_SERVER_ID) || localId < 1 || localId >= 2 ** LOCAL_ID_BITS) return null;
    return { serverId: Number(serverId), localId };
  }
  if (big < 0n || big > 0xffffffffn) return null;
  const n = Number(big);
  if (n % 2 !== 0) return null;
  const serverId = n >>> 21;
  const localId = (n >>> 1) & 0xfffff;
  if (serverId < 1 || localId < 1) return null;
  return { serverId, localId };
}

/**
 * FIFO allocator of local ids: a released id comes back only after every other free id was handed out,
 * which keeps a stale KILL from hitting a newer connection. `bits` is configurable so tests can exhaust it.
 */
export class LocalIdAllocator {
  private readonly max: number;
  private next = 1;
  private readonly inUse = new Set<number>();

  constructor(bits: number = LOCAL_ID_BITS) {
    if (!Number.isInteger(bits) || bits < 1 || bits > LOCAL_ID_BITS) {
      throw new RangeError(`local id width ${bits} out of range 1..${LOCAL_ID_BITS}`);
    }
    this.max = 2 ** bits - 1;
  }

  /** Returns a free local id, or null when every id is in use (the caller answers 1040). */
  allocate(): number | null {
    if (this.inUse.size >= this.max) return null;
    for (;;) {
      const candidate = this.next;
      this.next = (this.next % this.max) + 1;
      if (!this.inUse.has(candidate)) {
        this.inUse.add(candidate);
        return candidate;
      }
    }
  }

  release(localId: number): void {
    this.inUse.delete(localId);
  }

  get size(): number {
    return this.inUse.size;
  }
}
