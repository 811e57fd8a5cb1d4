// The pause between statements (`--sleep`, `--sleep_rows`, docs/stages.md). goInception busy-waits; we sleep and
// wake early on KILL.

/** Whether a pause follows the row at 0-based index `index`. */
export function shouldSleepAfter(index: number, sleepMs: number, sleepRows: number): boolean {
  if (sleepMs <= 0 || sleepRows <= 0) return false;
  return sleepRows === 1 || index % sleepRows === 0;
}

/** Resolves after `ms`, or as soon as `signal` aborts (never rejects). */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
