// Starts inceptor as its own OS process (the CLI, from source through tsx) on a loopback port with a config
// file written for the test, as an operator would run it. The hardening tests need a separate process: they
// measure what one client does to the others, and a stuck event loop in the test process would hide that.

import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { freePort } from './mariadb.js';

export interface InceptorProcess {
  port: number;
  /** The temp directory holding config.toml (tests may put files next to it). */
  dir: string;
  /** stderr and stdout (the JSON log) so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface ProcessOptions {
  /** Runs before the process starts, e.g. to create files the config names; gets the temp directory. */
  setup?: (dir: string) => void;
  /** `ulimit -n` for the process. */
  fileLimit?: number;
}

/**
 * `configToml` is appended after `host`/`port` (top-level keys first, then sections); `{dir}` in it is replaced
 * by the process's temp directory.
 */
export async function startInceptorProcess(configToml = '', opts: ProcessOptions = {}): Promise<InceptorProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'inceptor-proc-'));
  opts.setup?.(dir);
  const port = await freePort();
  const cfg = join(dir, 'config.toml');
  writeFileSync(cfg, `host = "127.0.0.1"\nport = ${port}\n${configToml.replaceAll('{dir}', dir)}\n`);
  const boot =
    `const m = await import(${JSON.stringify(new URL('../../src/cli.ts', import.meta.url).href)}); ` +
    `await m.main(['--config', ${JSON.stringify(cfg)}]);`;
  const args = ['--import', 'tsx', '--input-type=module', '-e', boot];
  const child: ChildProcess = opts.fileLimit
    ? spawn('bash', ['-c', `ulimit -n ${opts.fileLimit} && exec "$0" "$@"`, process.execPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  // Generous: on a loaded 2-core machine tsx compiling the sources can take tens of seconds.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await accepts(port)) return { port, dir, output: () => output, stop };
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error(`inceptor did not start:\n${output}`);
}

/** True when something on `port` sends a greeting (a MySQL packet) on connect. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('data', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(1000, () => done(false));
  });
}

/** A mysql2 connection to the process (any user when grants are off). */
export function connectTo(p: InceptorProcess, user = 'root', password = '', extra: mysql.ConnectionOptions = {}): Promise<mysql.Connection> {
  return mysql.createConnection({ host: '127.0.0.1', port: p.port, user, password, connectTimeout: 10_000, ...extra });
}
