// `inceptor [--config FILE] [--port N]`: load the config (the named file, else ./config.toml when present,
// else compiled defaults), start the server, stop cleanly on SIGINT/SIGTERM. goInception's single-dash
// `-config=FILE` spelling works too. A bad config exits 2 with a `file:line: key: reason` message.

import { existsSync } from 'node:fs';
import type { Logger } from 'pino';
import { ConfigError, configNotices, defaultConfig, readConfigFile, type LoadedConfig } from './config/config.js';
import { INCEPTOR_VERSION } from './config/version.js';
import { createLogger } from './log.js';

export type CliArgs =
  | { kind: 'run'; configPath: string | null; port: number | null }
  | { kind: 'help' }
  | { kind: 'version' };

export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export const USAGE = `Usage: inceptor [--config FILE] [--port N]

  --config FILE, -config=FILE  config.toml to load (default: ./config.toml if present, else built-in defaults)
  --port N, -P N               listen on port N instead of the configured port
  --help                       show this help
  --version                    print the version
`;

const OPTION_NAMES: Record<string, 'config' | 'port' | 'help' | 'version'> = {
  config: 'config',
  c: 'config',
  port: 'port',
  P: 'port',
  help: 'help',
  h: 'help',
  version: 'version',
  V: 'version',
};

/** Pure: argv (without node and script) → what to do. Throws CliUsageError. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let configPath: string | null = null;
  let port: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--?([A-Za-z][A-Za-z-]*)(?:=(.*))?$/s.exec(arg);
    const option = m ? OPTION_NAMES[m[1]!] : undefined;
    if (!m || !option) throw new CliUsageError(`unknown argument: ${arg}`);
    if (option === 'help' || option === 'version') {
      if (m[2] !== undefined) throw new CliUsageError(`${arg}: takes no value`);
      return { kind: option };
    }
    let value = m[2];
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new CliUsageError(`${arg}: needs a value`);
    }
    if (option === 'config') {
      if (value === '') throw new CliUsageError(`${arg}: needs a file name`);
      configPath = value;
    } else {
      if (!/^\d+$/.test(value) || Number(value) > 65535) throw new CliUsageError(`${arg}: expected a port 0..65535, got ${JSON.stringify(value)}`);
      port = Number(value);
    }
  }
  return { kind: 'run', configPath, port };
}

/** The config file to use: the named one, else ./config.toml when it exists, else none (compiled defaults). */
export function configPathFor(args: { configPath: string | null }, exists: (path: string) => boolean = existsSync): string | null {
  if (args.configPath !== null) return args.configPath;
  return exists('config.toml') ? 'config.toml' : null;
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (err) {
    process.stderr.write(`inceptor: ${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (args.kind === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (args.kind === 'version') {
    process.stdout.write(`inceptor ${INCEPTOR_VERSION}\n`);
    return;
  }

  const path = configPathFor(args);
  let loaded: LoadedConfig;
  let logger: Logger;
  try {
    loaded = path ? readConfigFile(path) : { config: defaultConfig(), warnings: [], ignoredKeys: [] };
    if (args.port !== null) loaded.config.port = args.port;
    logger = createLogger(loaded.config.log);
  } catch (err) {
    const message = err instanceof ConfigError ? err.message : `cannot start: ${(err as Error).message}`;
    process.stderr.write(`inceptor: ${message}\n`);
    process.exit(2);
  }
  const { config } = loaded;
  logger.info({ event: 'config', file: path ?? null, version: INCEPTOR_VERSION }, path ? `config loaded from ${path}` : 'no config file, using built-in defaults');
  // One line for the TiDB-only keys, then one per unknown key (configNotices keeps that order).
  for (const line of configNotices(loaded, path ?? '')) logger.warn({ event: 'config' }, line);

  let running: { close(): Promise<void> };
  try {
    const { startInceptor } = await import('./inceptor.js');
    running = await startInceptor({ config, logger });
  } catch (err) {
    logger.fatal({ event: 'start_failed', error: (err as Error).message }, 'inceptor failed to start');
    process.stderr.write(`inceptor: cannot start: ${(err as Error).message}\n`);
    process.exit(1);
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'shutdown', signal }, 'shutting down');
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ event: 'shutdown', error: (err as Error).message }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
