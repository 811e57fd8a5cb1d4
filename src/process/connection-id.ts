// Cluster-ready 32-bit connection ids (docs/kill.md, TiDB's shipped 32-bit layout):
//   id = serverId * 2^21 + localId * 2 + 0        serverId 11 bits, localId 20 bits, markup bit 0 = 0
// JS bit operators are signed 32-bit, so composition uses arithmetic and decomposition `>>>`.

export const LOCAL_ID_BITS = 20;
export const MAX_SERVER_ID = 2047;

export interface DecodedConnectionId {
  serverId: number;
  localId: number;
}

export function encodeConnectionId(serverId: number, localId: number): number {
  if (!Number.isInteger(serverId) || serverId < 1 || serverId > MAX_SERVER_ID) {
    throw new RangeError(`server id ${serverId} out of range 1..${MAX_SERVER_ID}`);
  }
  if (!Number.isInteger(localId) || localId < 1 || localId >= 2 ** LOCAL_ID_BITS) {
    throw new RangeError(`local id ${localId} out of range`);
  }
  return serverId * 2 ** 21 + localId * 2;
}

/**
 * Decodes an id given by a client (e.g. the argument of KILL). Returns null for anything that cannot be
 * one of our ids: wider than 32 bits, negative, markup bit set, or a zero server/local part.
 */
export function decodeConnectionId(id: bigint | number): DecodedConnectionId | null {
  const big = typeof id === 'bigint' ? id : Number.isSafeInteger(id) ? BigInt(id) : -1n;
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
