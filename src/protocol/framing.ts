// Packet framing: 3-byte length + 1-byte sequence id + payload. Payloads of 0xffffff bytes or more are split
// into 0xffffff-byte packets followed by a shorter (possibly empty) one; the reader joins them again.

import { MAX_PACKET_PAYLOAD } from './constants.js';

/** One logical packet (fragments already joined). */
export interface Packet {
  /** Sequence id of the first fragment. */
  sequenceId: number;
  /** The sequence id a reply to this packet starts with (last fragment's id + 1, mod 256). */
  nextSequenceId: number;
  payload: Buffer;
}

export interface FramedPackets {
  buffer: Buffer;
  /** The sequence id following the last packet written. */
  nextSequenceId: number;
}

/** Frames logical payloads into one buffer (so the caller writes once), numbering from `firstSequenceId`. */
export function framePackets(payloads: readonly Buffer[], firstSequenceId: number): FramedPackets {
  let total = 0;
  for (const p of payloads) total += p.length + 4 * (Math.floor(p.length / MAX_PACKET_PAYLOAD) + 1);
  const buffer = Buffer.allocUnsafe(total);
  let seq = firstSequenceId & 0xff;
  let at = 0;
  for (const payload of payloads) {
    let offset = 0;
    for (;;) {
      const chunk = Math.min(MAX_PACKET_PAYLOAD, payload.length - offset);
      buffer.writeUIntLE(chunk, at, 3);
      buffer[at + 3] = seq;
      seq = (seq + 1) & 0xff;
      payload.copy(buffer, at + 4, offset, offset + chunk);
      at += 4 + chunk;
      offset += chunk;
      // a full-size fragment always needs a successor, even an empty one
      if (chunk < MAX_PACKET_PAYLOAD) break;
    }
  }
  return { buffer, nextSequenceId: seq };
}

/** The peer announced a logical packet larger than we accept; the stream cannot be resynchronised. */
export class PacketTooLargeError extends Error {
  constructor(readonly announcedBytes: number, readonly maxBytes: number, readonly sequenceId: number) {
    super(`packet of at least ${announcedBytes} bytes exceeds the maximum of ${maxBytes}`);
    this.name = 'PacketTooLargeError';
  }
}

/**
 * Streaming de-framer: feed it arbitrary chunks, get complete logical packets. Memory stays bounded by
 * `maxPayload` (+ one header): a packet announced larger fails as soon as its header is seen.
 */
export class PacketReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Fragments of a logical packet whose last fragment has not arrived yet. */
  private fragments: Buffer[] = [];
  private fragmentBytes = 0;
  private firstSequenceId = -1;
  private failed = false;

  constructor(private maxPayload: number) {}

  setMaxPayload(bytes: number): void {
    this.maxPayload = bytes;
  }

  /** Bytes received but not yet returned as part of a complete packet. */
  get pendingBytes(): number {
    return this.buffered + this.fragmentBytes;
  }

  /** Returns (and forgets) bytes buffered after the last complete packet, e.g. a TLS ClientHello. */
  takeRemainder(): Buffer {
    const out = Buffer.concat(this.chunks);
    this.chunks = [];
    this.buffered = 0;
    return out;
  }

  /**
   * Adds received bytes; returns the packets they complete. Throws PacketTooLargeError (and stays failed).
   * `stopAfter` ends parsing after a packet it accepts, leaving later bytes buffered (e.g. a TLS ClientHello
   * right behind an SSLRequest: see takeRemainder).
   */
  push(chunk: Buffer, stopAfter?: (packet: Packet) => boolean): Packet[] {
    if (this.failed) return [];
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    const out: Packet[] = [];
    for (;;) {
      if (this.buffered < 4) return out;
      const header = this.peek(4);
      const length = header.readUIntLE(0, 3);
      const seq = header[3]!;
      if (this.fragmentBytes + length > this.maxPayload) {
        this.failed = true;
        this.chunks = [];
        this.fragments = [];
        throw new PacketTooLargeError(this.fragmentBytes + length, this.maxPayload, seq);
      }
      if (this.buffered < 4 + length) return out;
      const body = this.consume(4 + length).subarray(4);
      if (this.firstSequenceId < 0) this.firstSequenceId = seq;
      if (length === MAX_PACKET_PAYLOAD) {
        this.fragments.push(body);
        this.fragmentBytes += length;
        continue;
      }
      const payload = this.fragments.length === 0 ? body : Buffer.concat([...this.fragments, body]);
      const packet = { sequenceId: this.firstSequenceId, nextSequenceId: (seq + 1) & 0xff, payload };
      out.push(packet);
      this.fragments = [];
      this.fragmentBytes = 0;
      this.firstSequenceId = -1;
      if (stopAfter?.(packet)) return out;
    }
  }

  private peek(bytes: number): Buffer {
    if (this.chunks[0]!.length >= bytes) return this.chunks[0]!;
    this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0]!;
  }

  private consume(bytes: number): Buffer {
    const first = this.chunks[0]!;
    let out: Buffer;
    if (first.length >= bytes) {
      out = first.subarray(0, bytes);
      if (first.length === bytes) this.chunks.shift();
      else this.chunks[0] = first.subarray(bytes);
    } else {
      const joined = Buffer.concat(this.chunks);
      out = joined.subarray(0, bytes);
      this.chunks = joined.length > bytes ? [joined.subarray(bytes)] : [];
    }
    this.buffered -= bytes;
    return out;
  }
}
