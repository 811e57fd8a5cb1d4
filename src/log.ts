// The process logger: pino JSON lines, level from `[log] level`, to `[log.file] filename` when set (else
// stdout). Anything under a `password` key is censored, however deep a caller nests it; callers still log
// only sanitized batch options (the magic comment carries the target password).

import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config/config.js';

export const REDACT_PATHS: readonly string[] = [
  'password',
  '*.password',
  '*.*.password',
  '*.*.*.password',
  'passwd',
  '*.passwd',
  'backup_password',
  '*.backup_password',
  '*.*.backup_password',
];

export const REDACTED = '[redacted]';

export function createLogger(cfg: Config['log'], destination?: DestinationStream): Logger {
  const stream =
    destination ??
    (cfg.file.filename ? pino.destination({ dest: cfg.file.filename, mkdir: true, sync: true }) : pino.destination({ dest: 1, sync: true }));
  return pino(
    {
      level: cfg.level,
      base: { pid: process.pid },
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
      timestamp: cfg.disable_timestamp ? false : pino.stdTimeFunctions.isoTime,
    },
    stream,
  );
}
