// The bench figure of issue 6 item 3: while one client checks a 100k-statement batch written on one line, how
// long does a second client's `select 1` wait at most? (Goal: 50 ms.) The batch's client runs in its own
// process, so decoding its 100k-row answer does not delay the probe's measurement in this one.

import { spawn } from 'node:child_process';
import mysql from 'mysql2/promise';

export interface Endpoint {
  host: string;
  port: number;
  user: string;
  password: string;
}

export interface StallFigures {
  /** Longest round trip of `select 1` on the second connection while the batch ran, in ms. */
  longestWaitMs: number;
  /** Round trips measured during the batch. */
  probes: number;
  batchSeconds: number;
  statements: number;
}

/** Sends `text` from a child process; resolves with the number of result rows. */
function queryInChild(proxy: Endpoint, text: string): Promise<number> {
  const code =
    `import mysql from 'mysql2/promise';\n` +
    `let text = ''; for await (const chunk of process.stdin) text += chunk;\n` +
    `const c = await mysql.createConnection(${JSON.stringify(proxy)});\n` +
    `const [rows] = await c.query(text); await c.end(); process.stdout.write(String(rows.length));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['pipe', 'pipe', 'inherit'], cwd: process.cwd() });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stdin.end(text);
  return new Promise((resolve, reject) => {
    child.once('exit', (status) => (status === 0 ? resolve(Number(out)) : reject(new Error(`the batch client exited with ${status}`))));
  });
}

export async function measureStall(proxy: Endpoint, target: Endpoint, statements = 100_000): Promise<StallFigures> {
  const text =
    `/*--user=${target.user};--password=${target.password};--host=${target.host};--port=${target.port};--check=1;*/` +
    `inception_magic_start;` +
    Array.from({ length: statements }, (_, i) => `select ${i}`).join(';') +
    `;inception_magic_commit;`;
  const probe = await mysql.createConnection(proxy);
  try {
    await probe.query('select 1');
    let done = false;
    const t0 = performance.now();
    const batch = queryInChild(proxy, text).finally(() => (done = true));
    batch.catch(() => undefined);
    let longestWaitMs = 0;
    let probes = 0;
    while (!done) {
      const p0 = performance.now();
      await probe.query('select 1');
      if (done) break;
      longestWaitMs = Math.max(longestWaitMs, performance.now() - p0);
      probes++;
      await new Promise((r) => setTimeout(r, 5));
    }
    const rows = await batch;
    const batchSeconds = (performance.now() - t0) / 1000;
    if (rows !== statements) throw new Error(`the stall batch answered ${rows} rows`);
    return { longestWaitMs, probes, batchSeconds, statements };
  } finally {
    await probe.end();
  }
}

/** The baseline: the longest `select 1` round trip over `probes` probes with no batch running (machine noise). */
export async function measureIdleWait(proxy: Endpoint, probes: number): Promise<number> {
  const probe = await mysql.createConnection(proxy);
  try {
    let longest = 0;
    for (let i = 0; i < probes; i++) {
      const p0 = performance.now();
      await probe.query('select 1');
      longest = Math.max(longest, performance.now() - p0);
      await new Promise((r) => setTimeout(r, 5));
    }
    return longest;
  } finally {
    await probe.end();
  }
}
