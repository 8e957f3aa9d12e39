import { describe, expect, it } from 'vitest';
import { axisBounds, BAND_COLORS, bandColor, chartState, chartValue, UNKNOWN_BAND_COLOR, type ChartSummary } from './chart-data';
import { shorten, tooltipHtml, valueText, type ChartText } from './chart-text';
import { intervalBandRenderer, periodInProgress, periodLabel, trendOption, trendPoints } from './trend-option';
import { barLabel, breakdownBars, breakdownHeight, breakdownOption, whiskerRenderer } from './breakdown-option';

const text: ChartText = {
  nps: (v) => (v === null ? '–' : v > 0 ? `+${Math.round(v)}` : String(Math.round(v))),
  seriesName: 'NPS',
  intervalName: '95 % interval',
  interval: (low, high) => `${Math.round(low)} to ${Math.round(high)}`,
  answers: (n) => `answers: ${n}`,
  band: (key) => `band:${key}`,
  significant: 'Significant',
  inProgress: 'so far',
  hidden: 'hidden',
  noAnswers: 'no answers',
};

const shown = (nps: number, ciLow: number, ciHigh: number, band = 'good', responses = 20): ChartSummary => ({ nps, ciLow, ciHigh, band, responses, suppressed: false });
const none: ChartSummary = { nps: null, ciLow: null, ciHigh: null, band: null, responses: 0, suppressed: false };
// A suppressed summary should carry no numbers; the web app must not draw any even if it did.
const suppressed: ChartSummary = { nps: 42, ciLow: 10, ciHigh: 60, band: 'great', responses: 3, suppressed: true };

/** A fake coordinate system: x = 100 × index, y = −value (so higher NPS is higher up). */
const api = { coord: ([x, y]: [number, number]) => [x * 100, -y] };
/** For horizontal bars: x = value, y = 10 × index. */
const barApi = { coord: ([x, y]: [number, number]) => [x, y * 10] };

type Series = { type: string; data: unknown[]; markLine?: { data: unknown[] } };

describe('what a chart draws from a summary', () => {
  it('a shown summary keeps its numbers and band', () => {
    expect(chartValue(shown(12.5, -3, 28, 'good', 40))).toEqual({ nps: 12.5, low: -3, high: 28, band: 'good', responses: 40, hidden: false });
  });

  it('a suppressed summary is hidden and carries no number', () => {
    expect(chartValue(suppressed)).toEqual({ nps: null, low: null, high: null, band: null, responses: null, hidden: true });
  });

  it('no answers: null NPS, no interval, no band — a gap, never 0', () => {
    expect(chartValue(none)).toMatchObject({ nps: null, low: null, high: null, band: null, hidden: false });
    expect(chartValue({ nps: 5, ciLow: null, ciHigh: 9, suppressed: false })).toMatchObject({ nps: 5, low: null, high: null });
  });

  it('the band: the server’s, else the default bands', () => {
    expect(chartValue({ nps: 60, ciLow: 50, ciHigh: 70, suppressed: false }).band).toBe('excellent');
    expect(chartValue({ nps: 60, ciLow: 50, ciHigh: 70, band: 'custom', suppressed: false }).band).toBe('custom');
  });

  it('the state: chart, empty, or hidden for anonymity', () => {
    expect(chartState([chartValue(shown(1, 0, 2))])).toBe('chart');
    expect(chartState([chartValue(shown(1, 0, 2)), chartValue(suppressed)])).toBe('chart');
    expect(chartState([])).toBe('empty');
    expect(chartState([chartValue(none), chartValue(none)])).toBe('empty');
    expect(chartState([chartValue(none), chartValue(suppressed)])).toBe('hidden');
    // The summary over everything is suppressed: hidden, whatever the points say.
    expect(chartState([chartValue(shown(1, 0, 2))], suppressed)).toBe('hidden');
    expect(chartState([], { ...none })).toBe('empty');
  });

  it('colours by band, a neutral one for bands the app does not know', () => {
    expect(bandColor('needs_work')).toBe(BAND_COLORS.needs_work);
    expect(bandColor('excellent')).toBe(BAND_COLORS.excellent);
    expect(bandColor('custom')).toBe(UNKNOWN_BAND_COLOR);
    expect(bandColor(null)).toBe(UNKNOWN_BAND_COLOR);
    expect(new Set(Object.values(BAND_COLORS)).size).toBe(4);
  });

  it('the value axis fits the numbers and intervals in steps of 25, within −100..100', () => {
    expect(axisBounds([])).toEqual({ min: -100, max: 100 });
    expect(axisBounds([chartValue(shown(-6, -44, 34))])).toEqual({ min: -50, max: 50 });
    expect(axisBounds([chartValue(shown(90, 80, 99))])).toEqual({ min: 50, max: 100 });
    expect(axisBounds([chartValue(shown(-95, -100, -90))])).toEqual({ min: -100, max: -50 });
    expect(axisBounds([chartValue(shown(10, 5, 15))], [45])).toEqual({ min: 0, max: 50 });
    expect(axisBounds([chartValue(suppressed)])).toEqual({ min: -100, max: 100 });
  });
});

describe('trend chart', () => {
  const api3 = [
    { period: '2026-07', label: '2026-07', summary: shown(60, 10, 90), significantChange: null },
    { period: '2026-08', label: '2026-08', summary: shown(-8, -40, 25), significantChange: true },
    { period: '2026-09', label: '2026-09', summary: none, significantChange: null },
    { period: '2026-10', label: '2026-10', summary: suppressed, significantChange: true },
    { period: '2026-11', label: '2026-11', summary: shown(-6, -44, 34), significantChange: null },
  ];
  const points = trendPoints(api3, (i) => api3[i].label, new Date('2027-02-10T12:00:00Z'));
  const option = trendOption(points, text, [{ label: 'Target +45', value: 45 }]);
  const series = option.series as Series[];
  const line = series.find((s) => s.type === 'line')!;

  it('draws no answers and hidden periods as gaps, never 0', () => {
    const values = line.data.map((d) => (d !== null && typeof d === 'object' ? (d as { value: unknown }).value : d));
    expect(values).toEqual([60, -8, null, null, -6]);
    expect((line as { connectNulls?: boolean }).connectNulls).toBe(false);
  });

  it('marks a significant change with a diamond, but never on a hidden point', () => {
    expect(line.data[1]).toMatchObject({ value: -8, symbol: 'diamond' });
    expect(points.map((p) => p.significant)).toEqual([false, true, false, false, false]);
  });

  it('draws the interval as a band from ciLow to ciHigh, a trapezoid between neighbours', () => {
    const render = intervalBandRenderer(points.map((p) => p.value));
    expect(render({ dataIndex: 0 }, api)).toEqual({
      type: 'polygon',
      shape: { points: [[0, -10], [100, 40], [100, -25], [0, -90]] },
      style: { fill: expect.any(String) },
      silent: true,
    });
    // The end of a run is drawn by its left neighbour; gaps draw nothing.
    expect(render({ dataIndex: 1 }, api)).toBeNull();
    expect(render({ dataIndex: 2 }, api)).toBeNull();
    expect(render({ dataIndex: 3 }, api)).toBeNull();
  });

  it('a lone period still shows its interval, as a short bar', () => {
    const render = intervalBandRenderer(points.map((p) => p.value));
    expect(render({ dataIndex: 4 }, api)).toMatchObject({ type: 'rect', shape: { x: 394, y: -34, width: 12, height: 78 } });
  });

  it('a target is a reference line, and the axis leaves room for it', () => {
    expect(line.markLine?.data).toEqual([{ name: 'Target +45', yAxis: 45 }]);
    expect(option.yAxis).toMatchObject({ min: -50, max: 100 });
  });

  it('tooltips say what a point is: numbers, no answers, or hidden', () => {
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter([{ dataIndex: 1 }])).toBe('<strong>2026-08</strong><br>NPS -8 · band:good · 95 % interval -40 to 25 · answers: 20<br>Significant');
    expect(formatter([{ dataIndex: 2 }])).toBe('<strong>2026-09</strong><br>no answers');
    expect(formatter([{ dataIndex: 3 }])).toBe('<strong>2026-10</strong><br>hidden');
  });

  it('draws a period still running hollow, with a dashed line into it, and says so', () => {
    const running = trendPoints(api3, (i) => api3[i].label, new Date('2026-11-03T08:00:00Z'));
    expect(running.map((p) => p.partial)).toEqual([false, false, false, false, true]);
    const runningOption = trendOption(running, text);
    const [, solid, dashed] = runningOption.series as (Series & { lineStyle?: { type?: string } })[];
    expect(solid.data.at(-1)).toBeNull();
    expect(dashed.lineStyle?.type).toBe('dashed');
    // The point before it is a gap (hidden), so the dashed series holds the running point alone.
    expect(dashed.data).toEqual([null, null, null, null, { value: -6, symbol: 'emptyCircle', symbolSize: 8 }]);
    const formatter = (runningOption.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter([{ dataIndex: 4 }])).toContain('<br>so far');
    // With a shown point before it, the dash starts there.
    const pair = trendPoints([api3[0], { ...api3[4], period: '2026-08' }], (i) => String(i), new Date('2026-08-01T00:00:00Z'));
    expect((trendOption(pair, text).series as Series[])[2].data).toEqual([60, { value: -6, symbol: 'emptyCircle', symbolSize: 8 }]);
    expect((option.series as Series[]).length).toBe(2);
  });

  it('knows which month, quarter or ISO week is still running, in UTC', () => {
    const day = new Date('2026-12-02T10:00:00Z');
    expect(periodInProgress('2026-12', day)).toBe(true);
    expect(periodInProgress('2026-11', day)).toBe(false);
    expect(periodInProgress('2025-12', day)).toBe(false);
    expect(periodInProgress('2026-Q4', day)).toBe(true);
    expect(periodInProgress('2026-Q3', day)).toBe(false);
    expect(periodInProgress('2026-W49', day)).toBe(true);
    expect(periodInProgress('2026-W48', day)).toBe(false);
    // 1 January 2027 is a Friday: it belongs to ISO week 53 of 2026.
    expect(periodInProgress('2026-W53', new Date('2027-01-01T00:00:00Z'))).toBe(true);
    expect(periodInProgress('2027-W01', new Date('2027-01-04T00:00:00Z'))).toBe(true);
    expect(periodInProgress('197c7329-981c-4397-b869-61895a291bb4', day)).toBe(false);
  });

  it('labels periods in the interface language', () => {
    expect(periodLabel('2026-03', 'x', 'en')).toBe('Mar 2026');
    expect(periodLabel('2026-Q1', 'x', 'en')).toBe('Q1 2026');
    expect(periodLabel('2026-W05', 'x', 'en')).toBe('W05 2026');
    expect(periodLabel('197c7329-981c-4397-b869-61895a291bb4', 'Employee pulse Q3', 'en')).toBe('Employee pulse Q3');
  });
});

describe('breakdown chart', () => {
  const groups = [
    { key: 'a', label: 'Sales EU', summary: shown(8, -24, 39, 'good') },
    { key: 'b', label: 'Sales US', summary: shown(-11, -55, 39, 'needs_work') },
    { key: 'c', label: 'People & Culture', summary: suppressed },
    { key: 'd', label: 'Recruitment', summary: none },
    { key: 'e', label: 'Operations', summary: shown(55, 40, 70, 'excellent') },
  ];
  const bars = breakdownBars(groups, (i) => groups[i].label);
  const option = breakdownOption(bars, text);
  const series = option.series as Series[];
  const bar = series.find((s) => s.type === 'bar')!;

  it('a bar per group from 0 to its NPS, coloured by its band; hidden and empty groups have no bar', () => {
    expect(bar.data).toEqual([
      { value: 8, itemStyle: { color: BAND_COLORS.good } },
      { value: -11, itemStyle: { color: BAND_COLORS.needs_work } },
      null,
      null,
      { value: 55, itemStyle: { color: BAND_COLORS.excellent } },
    ]);
    expect(option.xAxis).toMatchObject({ min: -75, max: 75 });
  });

  it('labels say the NPS, or why there is none', () => {
    expect((option.yAxis as { data: string[] }).data).toEqual(['Sales EU (+8)', 'Sales US (-11)', 'People & Culture (hidden)', 'Recruitment (no answers)', 'Operations (+55)']);
    expect(barLabel({ label: 'A very long org unit name indeed', value: bars[0].value }, text, 14)).toBe('A very long o… (+8)');
  });

  it('whiskers run from ciLow to ciHigh, with caps; none for hidden or empty groups', () => {
    const render = whiskerRenderer(bars.map((b) => b.value));
    const whisker = render({ dataIndex: 1 }, barApi) as { children: { shape: Record<string, number> }[] };
    expect(whisker.children[0].shape).toEqual({ x1: -55, y1: 10, x2: 39, y2: 10 });
    expect(whisker.children[1].shape).toMatchObject({ x1: -55, x2: -55 });
    expect(whisker.children[2].shape).toMatchObject({ x1: 39, x2: 39 });
    expect(render({ dataIndex: 2 }, barApi)).toBeNull();
    expect(render({ dataIndex: 3 }, barApi)).toBeNull();
  });

  it('tooltips never show a hidden group’s numbers', () => {
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ dataIndex: 2 })).toBe('<strong>People &amp; Culture</strong><br>hidden');
    expect(formatter({ dataIndex: 2 })).not.toMatch(/42|10|60/);
  });

  it('grows with the number of groups, within limits', () => {
    expect(breakdownHeight(0)).toBe(160);
    expect(breakdownHeight(5)).toBe(236);
    expect(breakdownHeight(500)).toBe(1400);
  });
});

describe('chart text', () => {
  it('escapes labels in tooltips', () => {
    expect(tooltipHtml('<b>Unit</b>', ['a & b'])).toBe('<strong>&lt;b&gt;Unit&lt;/b&gt;</strong><br>a &amp; b');
  });

  it('words a value', () => {
    expect(valueText(chartValue(shown(12, 2, 22, 'good', 30)), text)).toBe('NPS +12 · band:good · 95 % interval 2 to 22 · answers: 30');
    expect(valueText(chartValue(suppressed), text)).toBe('hidden');
    expect(valueText(chartValue(none), text)).toBe('no answers');
  });

  it('shortens long names at the end or in the middle', () => {
    expect(shorten('Short', 10)).toBe('Short');
    expect(shorten('Customer Service Department', 10)).toBe('Customer…');
    expect(shorten('Employee pulse Q3 2026', 14, 'middle')).toBe('Emplo…Q3 2026');
  });
});
