/** Timing loops and percentiles: how the bench turns repeated calls into its figures. */

export interface Stats {
  /** Timed samples (after warm-up). */
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

/** The nearest-rank percentile (0 < p ≤ 100) of samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

export function stats(samples: readonly number[]): Stats {
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    n: samples.length,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    min: round(Math.min(...samples)),
    max: round(Math.max(...samples)),
    mean: round(samples.reduce((a, b) => a + b, 0) / samples.length),
  };
}

export interface TimingOptions {
  warmup: number;
  iterations: number;
  /** Stop timing after this long, with at least `minIterations` samples. */
  budgetMs: number;
  minIterations: number;
}

/**
 * Runs `fn` sequentially: `warmup` times untimed (at most a quarter of the budget long, and at
 * least twice), then up to `iterations` times timed (ms each), stopping once over the budget with
 * at least `minIterations` samples. Returns the samples and the last result.
 */
export async function timeLoop<T>(fn: () => Promise<T>, o: TimingOptions): Promise<{ samples: number[]; last: T }> {
  let last: T | undefined;
  const warm = performance.now() + o.budgetMs / 4;
  for (let i = 0; i < o.warmup && (i < 2 || performance.now() < warm); i++) last = await fn();
  const samples: number[] = [];
  const deadline = performance.now() + o.budgetMs;
  for (let i = 0; i < o.iterations; i++) {
    const started = performance.now();
    last = await fn();
    samples.push(performance.now() - started);
    if (samples.length >= o.minIterations && performance.now() > deadline) break;
  }
  if (last === undefined) last = await fn();
  return { samples, last };
}
