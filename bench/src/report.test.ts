import { describe, expect, it } from 'vitest';
import type { Stats } from './measure.js';
import { renderMarkdown, replaceBetweenMarkers, resultsFileName, type BenchResults, type QueryResult } from './report.js';
import { allocate, cumulative, waveSpecs } from './seed.js';

const s = (p50: number, p95 = p50 * 2): Stats => ({ n: 200, p50, p95, min: p50 / 2, max: p95, mean: p50 });
const q = (name: string, api: number | null, sql: number, exact: boolean | null = true, note?: string): QueryResult => ({
  name,
  api: api === null ? null : s(api),
  sql: s(sql),
  exact,
  ...(note ? { note } : {}),
});

const results = (sizes: BenchResults['sizes']): BenchResults => ({
  startedAt: '2026-11-23T17:00:00.000Z',
  finishedAt: '2026-11-23T17:20:00.000Z',
  commit: 'abc1234',
  machine: { cpus: 2, cpuModel: 'Test CPU', memoryGb: 24, node: 'v20.20.2', postgres: '15.20' },
  options: { sizes: sizes.map((x) => x.responses), warmup: 20, iterations: 200, submitSeconds: 15, clients: 50 },
  sizes,
  submit: {
    clients: 50,
    seconds: 15.2,
    submitted: 9120,
    failed: 0,
    errors: [],
    answersPerSecond: 600,
    latency: s(70),
    lost: 0,
    duplicated: 0,
    reuseRefused: true,
    exactAfter: true,
  },
  notes: [],
});

describe('renderMarkdown', () => {
  const run = results([
    { responses: 10_000, seed: null, queries: [q('npsSummary (region EU)', 8, 4), q('board', null, 30, null, 'not served yet')] },
    { responses: 100_000, seed: null, queries: [q('npsSummary (region EU)', 12, 30), q('board', null, 120, null, 'not served yet')] },
    { responses: 1_000_000, seed: null, queries: [q('npsSummary (region EU)', 14, 300), q('board', null, 900, null, 'not served yet')] },
  ]);
  const md = renderMarkdown(run);

  it('has one row per query and size, grouped by query, with the target verdict at 1,000,000', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('| npsSummary') || l.startsWith('| board'));
    expect(rows).toEqual([
      '| npsSummary (region EU) | 10,000 | 8.0 | 16 | 4.0 | 8.0 | yes | – |',
      '| npsSummary (region EU) | 100,000 | 12 | 24 | 30 | 60 | yes | – |',
      '| npsSummary (region EU) | 1,000,000 | 14 | 28 | 300 | 600 | yes | yes |',
      '| board (not served yet) | 10,000 | – | – | 30 | 60 | – | – |',
      '| board (not served yet) | 100,000 | – | – | 120 | 240 | – | – |',
      '| board (not served yet) | 1,000,000 | – | – | 900 | 1800 | – | no: not served |',
    ]);
  });

  it('names each missed target', () => {
    const slow = renderMarkdown(
      results([
        { responses: 10_000, seed: null, queries: [q('npsTrend by MONTH', 10, 5)] },
        { responses: 1_000_000, seed: null, queries: [q('npsTrend by MONTH', 80, 500, false)] },
      ]),
    );
    expect(slow).toContain('| npsTrend by MONTH | 1,000,000 | 80 | 160 | 500 | 1000 | **no** | no: p50 ≥ 50 ms; p50 8.0× the 10,000 one; not exact |');
  });

  it('has the header and the submissions row', () => {
    expect(md).toContain('| query | responses | API p50 | API p95 | SQL scan p50 | SQL scan p95 | exact | target met |');
    expect(md).toContain('| at 1,000,000 | 50 | 15.2 | 9,120 | 600 | 70 / 140 | 0 | 0 | yes | yes |');
  });

  it('fails the submissions target below 500 answers/s or with a lost answer', () => {
    const bad = results([{ responses: 1_000_000, seed: null, queries: [] }]);
    bad.submit = { ...bad.submit!, answersPerSecond: 320, lost: 2 };
    expect(renderMarkdown(bad)).toContain('no: < 500/s; 2 lost');
  });
});

describe('the seeding table', () => {
  const seed = { added: 10_000, seconds: 0.5, answersPerSecond: 20_000, bulkMode: 'bulk mode', rollups: 'rebuilt rollups in 0.8 s' };

  it("tells how the employee waves were released, and leaves it out for runs from before releases", () => {
    const withReleases = renderMarkdown(results([{ responses: 10_000, seed: { ...seed, releases: 'released 7 employee waves in 60.0 s', releasesExact: true }, queries: [] }]));
    expect(withReleases).toContain('| to 10,000 | 10,000 | 0.5 | 20,000 | bulk mode; rebuilt rollups in 0.8 s; released 7 employee waves in 60.0 s |');
    expect(renderMarkdown(results([{ responses: 10_000, seed, queries: [] }]))).toContain('| bulk mode; rebuilt rollups in 0.8 s |');
  });
});

describe('replaceBetweenMarkers', () => {
  it('replaces only what is between the markers', () => {
    const doc = '# Perf\n\nintro\n\n<!-- bench:start -->\nold\n<!-- bench:end -->\n\nafter\n';
    expect(replaceBetweenMarkers(doc, 'new')).toBe('# Perf\n\nintro\n\n<!-- bench:start -->\nnew\n<!-- bench:end -->\n\nafter\n');
  });

  it('appends the markers when the document has none', () => {
    expect(replaceBetweenMarkers('# Perf\n', 'table')).toBe('# Perf\n\n<!-- bench:start -->\ntable\n<!-- bench:end -->\n');
  });
});

describe('the seed plan', () => {
  it('names result files by date and sizes', () => {
    expect(resultsFileName('2026-11-23T17:00:00Z', [10_000, 100_000, 1_000_000])).toBe('2026-11-23-10k-100k-1m.json');
    expect(resultsFileName('2026-11-23T17:00:00Z', [2500])).toBe('2026-11-23-2500.json');
  });

  it('allocates exactly, in proportion', () => {
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocate(1_000_000, [45, 15, 15, 25])).toEqual([450_000, 150_000, 150_000, 250_000]);
    expect(allocate(7, [0, 0])).toEqual([0, 0]);
  });

  it('makes cumulative thresholds for weighted picks', () => {
    expect(cumulative([45, 25, 15, 15])).toEqual([0.45, 0.7, 0.85]);
  });

  it('spreads waves over the last 24 months, the current period open', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const waves = waveSpecs(now);
    expect(waves.filter((w) => w.audience === 'CUSTOMER').map((w) => w.name)).toEqual([
      'Bench customer NPS 2025 Q1', 'Bench customer NPS 2025 Q2', 'Bench customer NPS 2025 Q3', 'Bench customer NPS 2025 Q4',
      'Bench customer NPS 2026 Q1', 'Bench customer NPS 2026 Q2', 'Bench customer NPS 2026 Q3', 'Bench customer NPS 2026 Q4',
    ]);
    expect(waves.filter((w) => w.open).map((w) => w.name)).toEqual([
      'Bench customer NPS 2026 Q4', 'Bench candidate experience 2026 H2', 'Bench associate pulse 2026 H2', 'Bench eNPS 2026 Q4',
    ]);
    const twoYearsAgo = new Date('2024-11-23T12:00:00Z');
    expect(waves.every((w) => w.opensAt >= twoYearsAgo && w.opensAt < w.closesAt)).toBe(true);
  });
});
