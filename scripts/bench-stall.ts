// The bench figure of issue 6 item 3: while one client checks a 100k-statement batch written on one line, how
// long does a second client's `select 1` wait at most? (Goal: 50 ms.) Also reports the batch's check rate.

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

export async function measureStall(proxy: Endpoint, target: Endpoint, statements = 100_000): Promise<StallFigures> {
  const text =
    `/*--user=${target.user};--password=${target.password};--host=${target.host};--port=${target.port};--check=1;*/` +
    `inception_magic_start;` +
    Array.from({ length: statements }, (_, i) => `select ${i}`).join(';') +
    `;inception_magic_commit;`;
  const worker = await mysql.createConnection(proxy);
  const probe = await mysql.createConnection(proxy);
  try {
    await probe.query('select 1');
    let done = false;
    const t0 = performance.now();
    const batch = worker.query(text).finally(() => (done = true));
    let longestWaitMs = 0;
    let probes = 0;
    // let the batch reach the server before the first probe
    await new Promise((r) => setTimeout(r, 20));
    while (!done) {
      const p0 = performance.now();
      await probe.query('select 1');
      if (done) break;
      longestWaitMs = Math.max(longestWaitMs, performance.now() - p0);
      probes++;
      await new Promise((r) => setTimeout(r, 5));
    }
    const [rows] = (await batch) as unknown as [unknown[]];
    const batchSeconds = (performance.now() - t0) / 1000;
    if (rows.length !== statements) throw new Error(`the stall batch answered ${rows.length} rows`);
    return { longestWaitMs, probes, batchSeconds, statements };
  } finally {
    await worker.end();
    await probe.end();
  }
}
