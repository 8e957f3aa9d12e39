import type { ComposeOption } from 'echarts/core';
import type { CustomSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import { axisBounds, chartValue, TREND_BAND_FILL, TREND_COLOR, type ChartSummary, type ChartValue } from './chart-data';
import { shorten, tooltipHtml, valueText, type ChartText } from './chart-text';

// The option of a trend chart: the NPS per period as a line, its 95 % interval as a band around
// it. A period without answers, or hidden by the anonymity guard, is a gap in both: never a 0.
// A point whose change from the previous one is significant gets a larger diamond marker. A period
// still running today (this month, quarter or week) holds only the answers so far: its point is
// hollow and the line into it dashed, so a thin first few days do not read as a result.

export type TrendOption = ComposeOption<LineSeriesOption | CustomSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption>;

export interface TrendPoint {
  label: string;
  value: ChartValue;
  significant: boolean;
  /** The period is still running: its numbers are so far. */
  partial: boolean;
}

/** A horizontal reference line: a target. */
export interface TrendReference {
  label: string;
  value: number;
}

/** API points (npsTrend, board trend) as drawn. */
export function trendPoints(
  points: readonly { period?: string; summary: ChartSummary; significantChange?: boolean | null }[],
  label: (index: number) => string,
  today: Date = new Date(),
): TrendPoint[] {
  return points.map((point, index) => {
    const value = chartValue(point.summary);
    return {
      label: label(index),
      value,
      significant: point.significantChange === true && value.nps !== null,
      partial: point.period !== undefined && periodInProgress(point.period, today),
    };
  });
}

/** The ISO week of a day (UTC): its year and number. */
function isoWeek(day: Date): [year: number, week: number] {
  const d = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7)); // the Thursday of its week
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return [d.getUTCFullYear(), Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7)];
}

/**
 * Whether a calendar period ("2026-12", "2026-Q4", "2026-W49") contains `today` (UTC), so that its
 * numbers are the answers so far. A wave (any other key) is never in progress.
 */
export function periodInProgress(period: string, today: Date): boolean {
  const year = today.getUTCFullYear();
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return Number(month[1]) === year && Number(month[2]) === today.getUTCMonth() + 1;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return Number(quarter[1]) === year && Number(quarter[2]) === Math.floor(today.getUTCMonth() / 3) + 1;
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) {
    const [isoYear, isoNumber] = isoWeek(today);
    return Number(week[1]) === isoYear && Number(week[2]) === isoNumber;
  }
  return false;
}

/**
 * A period's label for the axis: "Mar 2026" for a month, "Q1 2026", "W05 2026" for an ISO week;
 * anything else (a wave's name) as the server wrote it.
 */
export function periodLabel(period: string, fallback: string, locale: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    if (!Number.isNaN(date.getTime())) return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) return `W${week[2]} ${week[1]}`;
  return fallback;
}

/** The minimal part of ECharts' custom-series API the band uses (so tests can call it). */
export interface RenderApi {
  coord(value: [number, number]): number[];
}

type Shape = Record<string, unknown>;

/**
 * Draws the interval band: for each point with an interval, the trapezoid to the next point when it
 * has one too; a point with no neighbour on either side gets a short bar, so a lone period still
 * shows its interval.
 */
export function intervalBandRenderer(values: readonly ChartValue[], fill = TREND_BAND_FILL) {
  const has = (i: number) => i >= 0 && i < values.length && values[i].low !== null && values[i].high !== null;
  return (params: { dataIndex: number }, api: RenderApi): Shape | null => {
    const i = params.dataIndex;
    if (!has(i)) return null;
    const { low, high } = values[i] as { low: number; high: number };
    if (has(i + 1)) {
      const next = values[i + 1] as { low: number; high: number };
      const points = [api.coord([i, low]), api.coord([i + 1, next.low]), api.coord([i + 1, next.high]), api.coord([i, high])];
      return { type: 'polygon', shape: { points }, style: { fill }, silent: true };
    }
    if (has(i - 1)) return null;
    const [x, yLow] = api.coord([i, low]);
    const [, yHigh] = api.coord([i, high]);
    const half = 6;
    return { type: 'rect', shape: { x: x - half, y: yHigh, width: 2 * half, height: yLow - yHigh }, style: { fill }, silent: true };
  };
}

export function trendOption(points: readonly TrendPoint[], text: ChartText, references: readonly TrendReference[] = []): TrendOption {
  const values = points.map((point) => point.value);
  const { min, max } = axisBounds(values, references.map((r) => r.value));
  const tooltipAt = (index: number) => {
    const point = points[index];
    if (!point) return '';
    const lines = [valueText(point.value, text)];
    if (point.significant) lines.push(text.significant);
    if (point.partial) lines.push(text.inProgress);
    return tooltipHtml(point.label, lines);
  };
  return {
    animation: false,
    grid: { left: 4, right: 12, top: 12, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
        return tooltipAt(first?.dataIndex ?? -1);
      },
    },
    xAxis: {
      type: 'category',
      // Wave names can be long: the axis shows the start, the tooltip and the table the whole name.
      data: points.map((point) => shorten(point.label, 14, 'middle')),
      boundaryGap: true,
      axisLabel: { hideOverlap: true },
    },
    yAxis: { type: 'value', min, max, interval: 25, axisLabel: { formatter: (value: number) => text.nps(value) } },
    series: [
      {
        type: 'custom',
        name: text.intervalName,
        renderItem: intervalBandRenderer(values) as unknown as CustomSeriesOption['renderItem'],
        data: points.map((_, index) => [index, 0]),
        silent: true,
        z: 1,
        tooltip: { show: false },
      },
      {
        type: 'line',
        name: text.seriesName,
        data: points.map((point) =>
          point.partial ? null : point.significant ? { value: point.value.nps, symbol: 'diamond', symbolSize: 13 } : point.value.nps,
        ) as LineSeriesOption['data'],
        connectNulls: false,
        showSymbol: true,
        showAllSymbol: true,
        symbolSize: 7,
        lineStyle: { width: 2, color: TREND_COLOR },
        itemStyle: { color: TREND_COLOR },
        z: 3,
        ...(references.length
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#2f7d4a' },
                label: { position: 'insideEndTop', formatter: (p: { name?: string }) => p.name ?? '' },
                data: references.map((r) => ({ name: r.label, yAxis: r.value })),
              },
            }
          : {}),
      },
      ...partialSeries(points, text),
    ],
  };
}

/** The periods still running: a hollow point, with a dashed line from the point before it. */
function partialSeries(points: readonly TrendPoint[], text: ChartText): LineSeriesOption[] {
  if (!points.some((p) => p.partial && p.value.nps !== null)) return [];
  const data = points.map((point, i) => {
    const next = points[i + 1];
    if (point.partial) return point.value.nps === null ? null : { value: point.value.nps, symbol: point.significant ? 'emptyDiamond' : 'emptyCircle', symbolSize: point.significant ? 13 : 8 };
    return next?.partial ? point.value.nps : null;
  });
  return [
    {
      type: 'line',
      name: text.inProgress,
      data: data as LineSeriesOption['data'],
      connectNulls: false,
      showSymbol: true,
      symbol: 'none',
      lineStyle: { width: 2, color: TREND_COLOR, type: 'dashed' },
      itemStyle: { color: TREND_COLOR },
      z: 3,
      tooltip: { show: false },
    },
  ];
}
