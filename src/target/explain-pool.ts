// A few extra sessions on the target for the audit's EXPLAINs (docs/audit.md "Pipelined EXPLAIN"): while one
// statement's EXPLAIN is in flight the next statements are audited, and several EXPLAINs run at once. Each member
// is opened like the batch's own session (same options, same [inc] session settings); before a query it is
// switched to the database the batch's session is in, so EXPLAIN resolves names as it would there.

import type { BatchOptions } from '../options/magic-comment.js';
import { TargetSession, type TargetIncSettings } from './session.js';

/** Members: enough to overlap round trips and our CPU on a 2-core machine without crowding the target. */
export const EXPLAIN_POOL_SIZE = 3;

interface Member {
  session: TargetSession;
  /** The member's current database (null: the one it connected with, `options.db`). */
  db: string | null;
  /** Queries run one at a time per member, in the order given. */
  tail: Promise<unknown>;
  queued: number;
}

export class ExplainPool {
  private members: Member[] | null = null;
  private opening: Promise<boolean> | null = null;
  private closed = false;

  constructor(
    private readonly options: BatchOptions,
    private readonly settings: { inc: TargetIncSettings },
    private readonly size = EXPLAIN_POOL_SIZE,
  ) {}

  /** Opens the members once; false when any could not be opened (the caller then stays on its own session). */
  ready(): Promise<boolean> {
    this.opening ??= this.open();
    return this.opening;
  }

  private async open(): Promise<boolean> {
    const opened = await Promise.allSettled(Array.from({ length: this.size }, () => TargetSession.connect(this.options, this.settings)));
    const sessions = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    if (sessions.length < opened.length || this.closed) {
      await Promise.all(sessions.map((s) => s.close()));
      return false;
    }
    const initialDb = this.options.db || null;
    this.members = sessions.map((session) => ({ session, db: initialDb, tail: Promise.resolve(), queued: 0 }));
    return true;
  }

  /** Rows of `sql` run on the least busy member, after switching it to `db` when it is elsewhere. */
  query<T = Record<string, unknown>>(sql: string, db: string | null): Promise<T[]> {
    const members = this.members;
    if (!members) return Promise.reject(new Error('the EXPLAIN pool is not open'));
    let m = members[0]!;
    for (const other of members) if (other.queued < m.queued) m = other;
    m.queued++;
    const run = async (): Promise<T[]> => {
      try {
        if (db !== null && m.db !== db) {
          await m.session.query(`USE \`${db.replace(/`/g, '``')}\``);
          m.db = db;
        }
        return await m.session.query<T>(sql);
      } finally {
        m.queued--;
      }
    };
    const result = m.tail.then(run, run);
    m.tail = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.opening) await this.opening;
    const members = this.members ?? [];
    this.members = null;
    await Promise.all(members.map((m) => m.session.close()));
  }
}
