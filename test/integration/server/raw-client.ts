// A minimal protocol-level client for tests that need exact bytes: commands mysql2 cannot send, wrong
// sequence ids, garbage. Uses our own codec for framing (the codec itself has unit tests).

import { connect, type Socket } from 'node:net';
import { Capability } from '../../../src/protocol/constants.js';
import { framePackets, PacketReader, type Packet } from '../../../src/protocol/framing.js';
import { decodeHandshakeV10, encodeHandshakeResponse41, nativePasswordScramble, type HandshakeV10 } from '../../../src/protocol/handshake.js';

export const CLIENT_CAPS =
  Capability.LONG_PASSWORD | Capability.PROTOCOL_41 | Capability.SECURE_CONNECTION | Capability.PLUGIN_AUTH |
  Capability.PLUGIN_AUTH_LENENC_CLIENT_DATA | Capability.TRANSACTIONS | Capability.MULTI_STATEMENTS | Capability.MULTI_RESULTS;

export class RawClient {
  private readonly reader = new PacketReader(64 * 1024 * 1024);
  private readonly packets: Packet[] = [];
  private waiters: (() => void)[] = [];
  closed = false;
  handshake!: HandshakeV10;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk) => {
      this.packets.push(...this.reader.push(chunk));
      this.wake();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const fn of w) fn();
  }

  static async open(port: number): Promise<RawClient> {
    const socket = connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return new RawClient(socket);
  }

  /** Connects and logs in with mysql_native_password. */
  static async login(port: number, user = 'root', password = '', caps = CLIENT_CAPS): Promise<RawClient> {
    const c = await RawClient.open(port);
    c.handshake = decodeHandshakeV10((await c.read()).payload);
    c.send(encodeHandshakeResponse41({
      capabilities: caps, maxPacketSize: 1 << 24, collation: 45, user, authResponse: nativePasswordScramble(password, c.handshake.scramble),
      database: null, authPlugin: 'mysql_native_password',
    }), 1);
    const ok = await c.read();
    if (ok.payload[0] !== 0) throw new Error(`login failed: ${ok.payload.toString('latin1')}`);
    return c;
  }

  send(payload: Buffer, seq = 0): void {
    this.socket.write(framePackets([payload], seq).buffer);
  }

  command(code: number, body: Buffer | string = Buffer.alloc(0)): void {
    this.send(Buffer.concat([Buffer.from([code]), typeof body === 'string' ? Buffer.from(body) : body]), 0);
  }

  /** Next packet from the server; rejects when the server closes first or after `ms`. */
  async read(ms = 5000): Promise<Packet> {
    const deadline = Date.now() + ms;
    for (;;) {
      const p = this.packets.shift();
      if (p) return p;
      if (this.closed) throw new Error('connection closed by server');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for a packet');
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Resolves true once the server closed the socket, false after `ms`. */
  async waitClosed(ms = 5000): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (!this.closed && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.closed;
  }

  destroy(): void {
    this.socket.destroy();
  }
}
