// Every COM_QUERY the server's compat layer did not answer lands here (docs/wire.md#what-happens-to-a-com_query,
// docs/options.md, docs/batch.md): a local command before `inception_magic_start` runs at once; anything else
// before it is refused; a batch runs options → target session → its stages (docs/stages.md: CHECKING → EXECUTING →
// BACKUP) and answers with one result set.

import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { Code, codeDef, levelOf } from '../codes/catalogue.js';
import { createAuditor } from '../audit/engine.js';
import { runLocalCommand } from '../commands/index.js';
import { parseLocalCommand } from '../commands/parse.js';
import type { Config } from '../config/config.js';
import type { Settings } from '../config/settings.js';
import { redactSecrets, truncateChars } from '../process/redact.js';
import type { ProcessEntry, ProcessRegistry } from '../process/registry.js';
import { LocalSessions, type SessionManager } from '../process/sessions.js';
import type { QueryResult } from '../protocol/result.js';
import type { ClientSession } from '../process/client-session.js';
import { ExplainPool } from '../target/explain-pool.js';
import { driverMessage, TargetSession } from '../target/session.js';
import type { DmlRollbackSource } from '../backup/types.js';
import type { BatchContext, BatchStage } from './context.js';
import { batchMode, parseMagicComment, redactOptions, validateOptions, type BatchOptions } from '../options/magic-comment.js';
import { batchItems, markerOf, MUST_START_MESSAGE, type BatchItem } from './plan.js';
import { maxLevel, ResultRow, type Level } from '../rows/row.js';
import { rowsToResult, rowsToResultInTurns } from './result-set.js';
import { splitStatementsInTurns, type SqlPiece } from './splitter.js';
import { isResultMode, runResultMode } from './modes/run.js';
import { readRollback } from '../backup/binlog/index.js';
import { backupStage } from './stages/backup.js';
import { checkStage } from './stages/check.js';
import { commentEnd } from '../sql/lex.js';
import { executeStage } from './stages/execute.js';

export interface RequestDeps {
  registry: ProcessRegistry;
  /** KILL and processlist go here; absent: this registry alone (standalone). */
  sessions?: SessionManager;
  settings: Settings;
  config: Config;
  logger: Logger;
  /** Where DML rollback comes from (the binlog reader; tests of the stage alone pass their own). */
  rollbackSource?: DmlRollbackSource;
}

export async function handleRequest(text: string, session: ClientSession, deps: RequestDeps): Promise<QueryResult> {
  const pieces = await splitStatementsInTurns(text);
  const first = pieces[0];
  if (!first) return { kind: 'ok' };
  if (markerOf(first.text) === 'start') return runBatch(pieces, session, deps);

  const local = parseLocalCommand(first.text);
  if (local) return runLocalCommand(local, commandContext(session, deps, undefined, false));
  const row = new ResultRow(withoutMagicComment(first.text));
  row.addText(2, MUST_START_MESSAGE);
  return rowsToResult([row]);
}

async function runBatch(pieces: SqlPiece[], session: ClientSession, deps: RequestDeps): Promise<QueryResult> {
  const began = performance.now();
  const entry = session.process;
  const log = deps.logger.child({ conn: session.connectionId, user: session.user });
  const sessionSettings = deps.settings.forSession(session.settingAssignments);
  const rows: ResultRow[] = [];
  const startRow = (): ResultRow => {
    const row = new ResultRow('inception_magic_start');
    rows.push(row);
    return row;
  };
  entry.setStage('CHECKING');

  const parsed = parseMagicComment(pieces[0]!.text);
  const invalid = parsed.ok ? validateOptions(parsed.options) : parsed.message;
  if (!parsed.ok || invalid !== null) {
    addStartError(startRow(), invalid ?? '', sessionSettings.levels);
    log.info({ event: 'batch', outcome: 'invalid_options', message: invalid }, 'batch refused');
    return rowsToResult(rows);
  }
  const options = parsed.options;

  let target: TargetSession;
  try {
    target = await TargetSession.connect(options, sessionSettings);
    target.watchKill(entry);
  } catch (err) {
    startRow().addText(2, `con:${session.connectionId} ${driverMessage(err)}`);
    log.info({ event: 'batch', target: `${options.host}:${options.port}`, outcome: 'connect_failed', error: driverMessage(err) }, 'target connection failed');
    return rowsToResult(rows);
  }

  // opened on the first UPDATE/DELETE that needs an EXPLAIN (docs/audit.md "Pipelined EXPLAIN")
  const explainPool = new ExplainPool(options, sessionSettings);
  const mode = batchMode(options);
  const applySet = async (item: Extract<BatchItem, { kind: 'set' }>): Promise<void> => {
    await runLocalCommand(item.command, commandContext(session, deps, sessionSettings, true));
  };
  const stages: BatchStage[] = [checkStage(batchItems(pieces.slice(1)), applySet, () => explainPool.close()), executeStage()];
  if (options.execute && options.backup) stages.push(backupStage(deps.rollbackSource ?? readRollback));
  const ctx: BatchContext = {
    options,
    statementCount: pieces.length - 1,
    rows,
    target,
    settings: sessionSettings,
    process: entry,
    log,
    auditor: createAuditor({
      settings: sessionSettings,
      target,
      initialDb: options.db || null,
      serverInfo: target.serverInfo,
      execute: options.execute,
      ignoreWarnings: options.ignoreWarnings,
      realRowCount: options.realRowCount,
      explainPool,
      fingerprint: options.fingerprint,
    }),
    stages,
    outcomes: {},
  };
  const progressTimer = setInterval(() => logProgress(log, entry), PROGRESS_LOG_INTERVAL_MS);
  progressTimer.unref();
  try {
    for (const stage of stages) {
      const refusal = (await stage.prerequisites?.(ctx)) ?? null;
      if (refusal) {
        startRow().addText(2, refusal);
        return rowsToResult(rows);
      }
    }
    entry.dest = { user: options.user, host: options.host, port: options.port };
    if (isResultMode(mode)) return await runResultMode(mode, pieces.slice(1), { options, target, process: entry });
    if (mode === 'check') entry.setStage('CHECKING', 'CHECK');
    else if (mode === 'execute') entry.setStage('CHECKING', 'EXECUTE');
    else entry.setStage('CHECKING');

    for (const stage of stages) {
      if (stage.run && !(await stage.run(ctx))) break;
    }
    return await rowsToResultInTurns(rows);
  } finally {
    clearInterval(progressTimer);
    for (const stage of stages) await stage.dispose?.();
    await explainPool.close();
    await target.close();
    log.info(
      {
        event: 'batch',
        target: `${options.host}:${options.port}`,
        options: summarise(options),
        statements: pieces.length - 1,
        rows: rows.length,
        mode,
        end: ctx.outcomes.CHECKING,
        execute: ctx.outcomes.EXECUTING,
        backup: ctx.outcomes.BACKUP,
        maxLevel: maxLevel(rows),
        ms: Math.round(performance.now() - began),
      },
      'batch done',
    );
  }
}

/** Long batches leave a trace in the log too, not only in the processlist. */
const PROGRESS_LOG_INTERVAL_MS = 10_000;

function logProgress(log: Logger, entry: ProcessEntry): void {
  log.info(
    {
      event: 'batch_progress',
      state: entry.state,
      percent: Math.round(entry.percent * 100) / 100,
      statement: truncateChars(redactSecrets(entry.info), 100),
    },
    'batch in progress',
  );
}

/** ER_SQL_INVALID_SOURCE takes its level from `[inc_level]`; the batch stops whatever the level. */
function addStartError(row: ResultRow, message: string, levels: Record<string, number>): void {
  if (message.startsWith('Invalid source infomation(')) {
    const def = codeDef(Code.ER_SQL_INVALID_SOURCE);
    const level: Level = def && levelOf(def, levels) === 1 ? 1 : 2;
    row.addMessage(level, message);
  } else {
    row.addText(2, message);
  }
}

function commandContext(session: ClientSession, deps: RequestDeps, sessionSettings: Settings | undefined, inBatch: boolean) {
  return {
    session: { connectionId: session.connectionId, user: session.user, isAdmin: session.isAdmin, settingAssignments: session.settingAssignments },
    sessions: deps.sessions ?? new LocalSessions(deps.registry, 'local'),
    settings: deps.settings,
    sessionSettings,
    config: deps.config,
    inBatch,
  };
}

/** A magic comment in front of a statement that is not the start carries the password: never echo it. */
function withoutMagicComment(text: string): string {
  const end = /^\/\*\s*--/.test(text) ? commentEnd(text, 0) : -1;
  return redactSecrets(end > 0 ? text.slice(end).trimStart() : text);
}

/** The options worth a log line (never the password). */
function summarise(o: BatchOptions): Record<string, unknown> {
  const { host, port, user, db, check, execute, backup, ignoreWarnings, sleep, sleepRows, trans } = redactOptions(o);
  return { host, port, user, db, check, execute, backup, ignoreWarnings, sleep, sleepRows, trans };
}
