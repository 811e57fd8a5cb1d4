// The command line: argument forms as a pure function, config file choice, and the bad-config exit path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliUsageError, configPathFor, parseCliArgs } from '../../src/cli.js';
import { INCEPTOR_VERSION } from '../../src/config/version.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('config path forms: --config F, --config=F, -config=F, -config F', () => {
  for (const argv of [['--config', 'a.toml'], ['--config=a.toml'], ['-config=a.toml'], ['-config', 'a.toml'], ['-c', 'a.toml']]) {
    assert.deepEqual(parseCliArgs(argv), { kind: 'run', configPath: 'a.toml', port: null }, argv.join(' '));
  }
  assert.deepEqual(parseCliArgs([]), { kind: 'run', configPath: null, port: null });
  assert.deepEqual(parseCliArgs(['--config=/x/y=z.toml']), { kind: 'run', configPath: '/x/y=z.toml', port: null });
});

test('--port overrides; help and version', () => {
  assert.deepEqual(parseCliArgs(['--port', '4001']), { kind: 'run', configPath: null, port: 4001 });
  assert.deepEqual(parseCliArgs(['-config=c.toml', '--port=0']), { kind: 'run', configPath: 'c.toml', port: 0 });
  assert.deepEqual(parseCliArgs(['-P', '4002', '--config', 'c.toml']), { kind: 'run', configPath: 'c.toml', port: 4002 });
  assert.deepEqual(parseCliArgs(['--help']), { kind: 'help' });
  assert.deepEqual(parseCliArgs(['-h']), { kind: 'help' });
  assert.deepEqual(parseCliArgs(['--version']), { kind: 'version' });
  assert.deepEqual(parseCliArgs(['--port', '1', '--version']), { kind: 'version' });
});

test('bad arguments are usage errors', () => {
  for (const [argv, message] of [
    [['--config'], '--config: needs a value'],
    [['--config='], '--config=: needs a file name'],
    [['--port', 'abc'], '--port: expected a port 0..65535, got "abc"'],
    [['--port=70000'], '--port=70000: expected a port 0..65535, got "70000"'],
    [['--frob'], 'unknown argument: --frob'],
    [['config.toml'], 'unknown argument: config.toml'],
    [['--help=1'], '--help=1: takes no value'],
  ] as const) {
    assert.throws(() => parseCliArgs(argv), (e: unknown) => e instanceof CliUsageError && e.message === message, argv.join(' '));
  }
});

test('no --config: ./config.toml when present, else compiled defaults', () => {
  assert.equal(configPathFor({ configPath: 'x.toml' }, () => false), 'x.toml');
  assert.equal(configPathFor({ configPath: null }, (p) => p === 'config.toml'), 'config.toml');
  assert.equal(configPathFor({ configPath: null }, () => false), null);
});

function runCli(args: string[], cwd = root) {
  const script = `import(${JSON.stringify(join(root, 'src', 'cli.ts'))}).then((m) => m.main(${JSON.stringify(args)}))`;
  return spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd, encoding: 'utf8', timeout: 30_000 });
}

test('a bad config file exits 2 with file:line:key on stderr; --version prints the version', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inceptor-cli-'));
  try {
    const file = join(dir, 'bad.toml');
    writeFileSync(file, '[inc]\n\nmax_keys = "abc"\n');
    const bad = runCli(['--config', file]);
    assert.equal(bad.status, 2, bad.stderr);
    assert.equal(bad.stderr.trim(), `inceptor: ${file}:3: [inc] max_keys: expected a non-negative integer, got "abc"`);
    const usage = runCli(['--bogus']);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /unknown argument: --bogus[\s\S]*Usage: inceptor/);
    const version = runCli(['--version']);
    assert.equal(version.status, 0);
    assert.equal(version.stdout, `inceptor ${INCEPTOR_VERSION}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
