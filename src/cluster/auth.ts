// Internal requests between instances carry an HMAC-SHA256 of the shared `[cluster] secret` over a timestamp, a
// random nonce, the path and the body (docs/kill.md, "Forwarding"). A request outside the time window, with a bad
// or missing signature, or replayed within the window, is refused before anything is looked at. The nonce makes two
// identical requests sent in the same millisecond (two clients killing one id) two distinct requests.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-inceptor-signature';
export const TIMESTAMP_HEADER = 'x-inceptor-timestamp';
export const NONCE_HEADER = 'x-inceptor-nonce';
/** Instance clocks only need to agree this well (leases never use them). */
const WINDOW_MS = 5 * 60_000;

export function signRequest(secret: string, timestamp: number, nonce: string, path: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${nonce}\n${path}\n${body}`).digest('hex');
}

/** Headers for a signed POST of `body` to `path`. */
export function signedHeaders(secret: string, path: string, body: string, now = Date.now()): Record<string, string> {
  const nonce = randomBytes(12).toString('hex');
  return {
    'content-type': 'application/json',
    [TIMESTAMP_HEADER]: String(now),
    [NONCE_HEADER]: nonce,
    [SIGNATURE_HEADER]: signRequest(secret, now, nonce, path, body),
  };
}

export class RequestVerifier {
  /** signature → ms epoch after which it may be forgotten (it is outside the window by then). */
  private readonly seen = new Map<string, number>();

  constructor(private readonly secret: string) {}

  /** null when the request is authentic and new; otherwise why it is refused. */
  verify(headers: Record<string, string | string[] | undefined>, path: string, body: string, now = Date.now()): string | null {
    const signature = headers[SIGNATURE_HEADER];
    const stamp = headers[TIMESTAMP_HEADER];
    const nonce = headers[NONCE_HEADER];
    if (typeof signature !== 'string' || typeof stamp !== 'string' || !/^\d{1,16}$/.test(stamp)) return 'missing signature';
    if (typeof nonce !== 'string' || !/^[0-9a-f]{16,64}$/.test(nonce)) return 'missing signature';
    const timestamp = Number(stamp);
    if (Math.abs(now - timestamp) > WINDOW_MS) return 'timestamp outside the allowed window';
    const expected = Buffer.from(signRequest(this.secret, timestamp, nonce, path, body), 'hex');
    const given = Buffer.from(signature, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad signature';
    this.forgetOld(now);
    if (this.seen.has(signature)) return 'replayed request';
    this.seen.set(signature, timestamp + WINDOW_MS);
    return null;
  }

  private forgetOld(now: number): void {
    for (const [signature, until] of this.seen) if (until < now) this.seen.delete(signature);
  }
}
