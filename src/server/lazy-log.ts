// A connection's logger whose pino child is made only when a line is actually written: at the usual levels
// most connections log nothing, and a child logger per connection (with redaction) costs on every connect.

import type { Level, Logger } from 'pino';

export class LazyLog {
  private child: Logger | null = null;

  constructor(private readonly root: Logger, private bindings: Record<string, unknown>) {}

  /** Replaces the bindings (the connection id, then the user, become known during the handshake). */
  rebind(bindings: Record<string, unknown>): void {
    this.bindings = bindings;
    this.child = null;
  }

  trace(obj: object, msg: string): void {
    this.write('trace', obj, msg);
  }

  debug(obj: object, msg: string): void {
    this.write('debug', obj, msg);
  }

  info(obj: object, msg: string): void {
    this.write('info', obj, msg);
  }

  warn(obj: object, msg: string): void {
    this.write('warn', obj, msg);
  }

  error(obj: object, msg: string): void {
    this.write('error', obj, msg);
  }

  private write(level: Level, obj: object, msg: string): void {
    if (!this.root.isLevelEnabled(level)) return;
    this.child ??= this.root.child(this.bindings);
    this.child[level](obj, msg);
  }
}
