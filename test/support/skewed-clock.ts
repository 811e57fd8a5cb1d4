// Loaded with `--import` before an inceptor process under test (test/support/cluster.ts, `clockSkewMs`): shifts
// this process's wall clock (Date) by INCEPTOR_TEST_CLOCK_SKEW_MS, as a machine with a wrong clock would have it.
// The monotonic clock (performance.now) is left alone, as a wrong wall clock leaves it.

const skewMs = Number(process.env.INCEPTOR_TEST_CLOCK_SKEW_MS ?? 0);
const RealDate = Date;

class SkewedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + skewMs);
    else super(...(args as [string | number]));
  }

  static override now(): number {
    return RealDate.now() + skewMs;
  }
}

globalThis.Date = SkewedDate as DateConstructor;
