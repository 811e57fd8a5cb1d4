// One row of the audit/execute result set (docs/results.md).
// A leaf: audit, execute and backup change rows without importing batch/; nothing here talks to a server.

import type { ParsedStatement } from '../sql/statement.js';

export type Stage = 'RERUN' | 'CHECKED' | 'EXECUTED' | 'BACKUP';
export type Level = 0 | 1 | 2;

export const StageStatus = {
  AUDIT_COMPLETED: 'Audit Completed',
  EXECUTE_FAILED: 'Execute failed',
  EXECUTE_OK: 'Execute Successfully',
  BACKUP_FAILED: 'Execute Successfully\nBackup failed',
  BACKUP_OK: 'Execute Successfully\nBackup Successfully',
} as const;
export type StageStatusText = (typeof StageStatus)[keyof typeof StageStatus];

/** Which stage a message comes from; execute and backup messages carry a prefix on the wire. */
export type MessageOrigin = 'audit' | 'execute' | 'backup';
const ORIGIN_PREFIX: Record<MessageOrigin, string> = { audit: '', execute: 'Execute: ', backup: 'Backup: ' };

export class ResultRow {
  orderId = 0;
  stage: Stage = 'CHECKED';
  errorLevel: Level = 0;
  stageStatus: StageStatusText = StageStatus.AUDIT_COMPLETED;
  readonly messages: string[] = [];
  sql: string;
  affectedRows = 0;
  /** Unix seconds after execution; 0 before. */
  execTimestamp = 0;
  /** Target thread id the statement ran on; 0 before execution. */
  threadId = 0;
  /** 0-based index of the row after inception_magic_start (the `seq` part of `sequence`). */
  seqNo = 0;
  backupDbName: string | null = null;
  /** Seconds spent executing, or null when not executed (shown as "0"). */
  executeSeconds: number | null = null;
  sqlSha1: string | null = null;
  backupSeconds: number | null = null;
  needMerge = 0;
  /** The parsed statement (absent on RERUN rows and the missing-commit row). */
  statement: ParsedStatement | null;
  /**
   * Binlog range the statement wrote (DML executed with backup=1): `SHOW MASTER STATUS` before and after.
   * null when not recorded or when both positions were equal (nothing written).
   */
  binlog: { startFile: string; startPos: number; endFile: string; endPos: number } | null = null;
  /**
   * The table layout the row was audited against, set by the auditor (`Auditor.tableFor`, for the backup stage);
   * kept here rather than in a map of 10k rows. Opaque to this leaf.
   */
  auditedLayout: object | null = null;
  /** Stages that already put a free-text message on this row (only the first one is prefixed). */
  private textOrigins: Set<MessageOrigin> | null = null;

  constructor(sql: string, statement: ParsedStatement | null = null) {
    this.sql = sql;
    this.statement = statement;
  }

  /**
   * Adds an already formatted message at `level`. Level 0 messages are dropped (goInception's level-0
   * suppression). The row level becomes the maximum seen.
   */
  addMessage(level: Level, text: string, origin: MessageOrigin = 'audit'): void {
    if (level === 0) return;
    if (level > this.errorLevel) this.errorLevel = level;
    this.messages.push(ORIGIN_PREFIX[origin] + text);
  }

  /**
   * Free-text error (level 2) or warning (level 1): a trailing '.' is added unless it ends in '.' or '!'.
   * Only the first free-text message of the execute/backup phase carries the phase prefix (docs/results.md).
   */
  addText(level: 1 | 2, text: string, origin: MessageOrigin = 'audit'): void {
    const body = /[.!]$/.test(text) ? text : `${text}.`;
    this.textOrigins ??= new Set();
    const first = !this.textOrigins.has(origin);
    this.textOrigins.add(origin);
    this.addMessage(level, body, first ? origin : 'audit');
  }

  get sequence(): string {
    return `${this.execTimestamp}_${this.threadId}_${String(this.seqNo).padStart(8, '0')}`;
  }

  get errorMessage(): string | null {
    const joined = this.messages.join('\n').trim();
    return joined === '' ? null : joined;
  }

  /** The 13 values in column order (see `RESULT_COLUMNS` in batch/result-set.ts). */
  toValues(): (string | null)[] {
    return [
      String(this.orderId),
      this.stage,
      String(this.errorLevel),
      this.stageStatus,
      this.errorMessage,
      this.sql,
      String(this.affectedRows),
      this.sequence,
      this.backupDbName,
      formatSeconds(this.executeSeconds),
      this.sqlSha1,
      formatSeconds(this.backupSeconds),
      String(this.needMerge),
    ];
  }
}

function formatSeconds(s: number | null): string {
  return s === null ? '0' : s.toFixed(3);
}

export function maxLevel(rows: readonly ResultRow[]): Level {
  let max: Level = 0;
  for (const r of rows) if (r.errorLevel > max) max = r.errorLevel;
  return max;
}

export const KILLED_MESSAGE = 'Operation has been killed!';
