import { describe, expect, it } from 'vitest';
import { liveUrl, retryDelayMs } from './use-live-feed';

describe('the live feed', () => {
  it('reconnects after 1 s, then twice as long each time, never after more than 11 s', () => {
    expect([0, 1, 2, 3, 4, 5, 20].map((retries) => retryDelayMs(retries, () => 0))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
    for (let retries = 0; retries <= 2000; retries += retries < 64 ? 1 : 97) {
      for (const r of [0, 0.25, 0.5, 0.999999]) {
        const ms = retryDelayMs(retries, () => r);
        expect(ms).toBeGreaterThanOrEqual(1000);
        expect(ms).toBeLessThan(11_000);
      }
    }
  });

  it('connects to /graphql beside the page, over wss under https', () => {
    expect(liveUrl({ protocol: 'https:', host: 'tandem.example' })).toBe('wss://tandem.example/graphql');
    expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:4000' })).toBe('ws://127.0.0.1:4000/graphql');
  });
});
