import { describe, expect, it } from 'vitest';
import { computeRelease } from './compute.js';
import type { ReleaseInput } from './model.js';
import { computeReleaseOffThread } from './off-thread.js';
import { syntheticWave } from './synthetic-wave.js';

/**
 * The release thread: it computes what computeRelease computes, and while it does the event loop
 * that answers requests keeps running. A wave of a hundred people spread over small cells makes
 * the audit solve integer programs for a second or two.
 */

/** Runs `work` while a timer ticks every 10 ms, and answers the longest gap between ticks. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  try {
    const result = await work();
    await new Promise((resolve) => setTimeout(resolve, 30));
    return { result, stallMs };
  } finally {
    clearInterval(ticker);
  }
}

const shape = (release: Awaited<ReturnType<typeof computeRelease>>) => ({
  groups: release.groups,
  criteria: release.criteria,
  audit: release.audit,
  comments: [...release.comments].map(([key, texts]) => [key, [...texts].sort()]),
});

describe('the release thread', () => {
  it('makes the same release as computeRelease, while the event loop keeps running (it stalls for the whole audit inline)', async () => {
    const input = syntheticWave(100, 9, 4);
    const offThread = await longestStall(() => computeReleaseOffThread(input, []));
    const inline = await longestStall(() => computeRelease(input));
    expect(inline.result.audit.solves).toBeGreaterThan(20);
    expect(shape(offThread.result.release)).toEqual(shape(inline.result));
    // Inline, the timer cannot tick until the audit ends; off the thread it ticks throughout.
    expect(inline.stallMs).toBeGreaterThan(500);
    expect(offThread.stallMs).toBeLessThan(inline.stallMs / 4);
  }, 120_000);

  it('answers an error of the computation as a rejection, and goes on with the next release', async () => {
    const broken = { k: 5, units: null, participants: [], answers: [] } as unknown as ReleaseInput;
    await expect(computeReleaseOffThread(broken, [])).rejects.toThrow();
    const { release } = await computeReleaseOffThread({ k: 2, units: [], participants: [{ unitId: null, location: null, tenureBand: null, responded: true }, { unitId: null, location: null, tenureBand: null, responded: true }], answers: [0, 10].map((score) => ({ unitId: null, location: null, tenureBand: null, score, reason: null, suggestion: null, language: 'en' })) }, []);
    expect(release.groups.find((g) => g.key === 'all')).toMatchObject({ released: true, responses: 2, counts: [1, 0, 1] });
  }, 60_000);
});
