import { describe, expect, it } from 'vitest';
import { argValue, DEFAULT_SERVER, parseOptions } from './cli.js';

describe('argValue', () => {
  it('reads --name value and --name=value, and nothing for an absent flag', () => {
    expect(argValue(['--sizes', '10,20'], 'sizes')).toBe('10,20');
    expect(argValue(['--quick', '--sizes=10,20'], 'sizes')).toBe('10,20');
    expect(argValue(['--sizes-extra=1'], 'sizes')).toBeUndefined();
    expect(argValue(['--quick'], 'sizes')).toBeUndefined();
  });
});

describe('parseOptions', () => {
  it('defaults to the full run at 10,000, 100,000 and 1,000,000 on the local server', () => {
    expect(parseOptions([], {})).toEqual({
      sizes: [10_000, 100_000, 1_000_000],
      serverUrl: DEFAULT_SERVER,
      warmup: 20,
      iterations: 200,
      minIterations: 20,
      budgetMs: 30_000,
      clients: 50,
      submitSeconds: 15,
      tokensPerClient: 600,
      releases: true,
    });
    expect(parseOptions(['--no-releases'], {}).releases).toBe(false);
  });

  it('shortens every loop with --quick', () => {
    expect(parseOptions(['--quick'], {})).toMatchObject({ sizes: [10_000, 100_000], warmup: 5, iterations: 30, minIterations: 10, budgetMs: 10_000, submitSeconds: 5, tokensPerClient: 200 });
  });

  it('takes sizes with underscores, clients and seconds from the flags', () => {
    expect(parseOptions(['--quick', '--sizes', '1_000,2_000', '--clients=0', '--submit-seconds', '3'], {})).toMatchObject({ sizes: [1000, 2000], clients: 0, submitSeconds: 3 });
  });

  it('prefers --database-url to DATABASE_URL to the default', () => {
    expect(parseOptions(['--database-url', 'postgres://a/x'], { DATABASE_URL: 'postgres://b/y' }).serverUrl).toBe('postgres://a/x');
    expect(parseOptions([], { DATABASE_URL: 'postgres://b/y' }).serverUrl).toBe('postgres://b/y');
  });

  it('refuses sizes that are not ascending whole numbers', () => {
    for (const sizes of ['100,10', '10,-5', '1.5', 'ten']) {
      expect(() => parseOptions(['--sizes', sizes], {}), sizes).toThrow('--sizes takes ascending whole numbers');
    }
    expect(parseOptions(['--sizes', '10,10'], {}).sizes).toEqual([10, 10]);
  });
});
