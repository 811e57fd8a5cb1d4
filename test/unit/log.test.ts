// The process logger: JSON lines, configured level, and no password ever written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../src/config/config.js';
import { createLogger, REDACTED } from '../../src/log.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  return {
    lines,
    raw,
    stream: {
      write(chunk: string) {
        raw.push(chunk);
        lines.push(JSON.parse(chunk) as Record<string, unknown>);
      },
    },
  };
}

test('level from [log] level; JSON lines', () => {
  const cfg = defaultConfig().log;
  cfg.level = 'warn';
  const out = capture();
  const logger = createLogger(cfg, out.stream);
  logger.info('hidden');
  logger.warn({ event: 'x' }, 'shown');
  assert.equal(out.lines.length, 1);
  assert.equal(out.lines[0]!['msg'], 'shown');
  assert.equal(out.lines[0]!['event'], 'x');
  assert.equal(out.lines[0]!['level'], 40);
  assert.equal(typeof out.lines[0]!['time'], 'string');
});

test('passwords are censored at any usual depth, also in child loggers', () => {
  const out = capture();
  const logger = createLogger(defaultConfig().log, out.stream);
  logger.info({ password: 'p1', options: { password: 'p2', host: 'h' }, a: { b: { password: 'p3' } }, backup_password: 'p4' }, 'connect');
  logger.child({ conn: 1 }).info({ user: { name: 'u', passwd: 'p5' } }, 'child');
  const text = out.raw.join('');
  for (const secret of ['p1', 'p2', 'p3', 'p4', 'p5']) assert.ok(!text.includes(`"${secret}"`), secret);
  assert.equal((out.lines[0]!['options'] as Record<string, unknown>)['password'], REDACTED);
  assert.equal((out.lines[0]!['options'] as Record<string, unknown>)['host'], 'h');
});

test('[log.file] filename writes there; disable-timestamp drops time', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inceptor-log-'));
  try {
    const cfg = defaultConfig().log;
    cfg.file.filename = join(dir, 'sub', 'inceptor.log');
    cfg.disable_timestamp = true;
    const logger = createLogger(cfg);
    logger.info({ event: 'started' }, 'hello');
    logger.flush();
    const line = JSON.parse(readFileSync(cfg.file.filename, 'utf8').trim()) as Record<string, unknown>;
    assert.equal(line['msg'], 'hello');
    assert.equal('time' in line, false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
