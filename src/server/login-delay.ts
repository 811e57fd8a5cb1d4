// A growing delay per client host after failed logins, as MySQL's connection_control plugin does
// (docs/security.md "Login delay"): after `threshold` consecutive failures from one address, every further
// attempt from it is answered only after a delay of (failures beyond the threshold) seconds, bounded by
// [minMs, maxMs]. A successful login resets the host.

export interface LoginDelayOptions {
  /** Consecutive failures before delays start; 0 turns the delay off. */
  threshold: number;
  minMs: number;
  maxMs: number;
}

/** Hosts remembered at most; the oldest is forgotten first (an attacker with many addresses cannot grow memory). */
const MAX_HOSTS = 10_000;

export class LoginDelay {
  /** address → consecutive failures (Map order = least recently failed first). */
  private readonly failures = new Map<string, number>();

  constructor(private readonly options: LoginDelayOptions) {}

  /** Milliseconds to wait before answering a login attempt from `address`. */
  delayFor(address: string): number {
    const { threshold, minMs, maxMs } = this.options;
    if (threshold === 0) return 0;
    const beyond = (this.failures.get(address) ?? 0) - threshold + 1;
    if (beyond <= 0) return 0;
    return Math.min(maxMs, Math.max(minMs, beyond * 1000));
  }

  failed(address: string): void {
    if (this.options.threshold === 0) return;
    const count = (this.failures.get(address) ?? 0) + 1;
    this.failures.delete(address);
    this.failures.set(address, count);
    if (this.failures.size > MAX_HOSTS) this.failures.delete(this.failures.keys().next().value!);
  }

  succeeded(address: string): void {
    this.failures.delete(address);
  }
}
