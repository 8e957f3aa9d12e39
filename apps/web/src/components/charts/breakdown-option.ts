import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, CustomSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import { axisBounds, bandColor, chartValue, WHISKER_COLOR, type ChartSummary, type ChartValue } from './chart-data';
import { shorten, tooltipHtml, valueText, type ChartText } from './chart-text';
import type { RenderApi } from './trend-option';

// The option of a breakdown chart: one horizontal bar per group from 0 to its NPS, coloured by
// its band, with the 95 % interval drawn as a whisker (ciLow to ciHigh). A group hidden by the
// anonymity guard or without answers has no bar (never a 0); its label says why.

export type BreakdownOption = ComposeOption<BarSeriesOption | CustomSeriesOption | GridComponentOption | TooltipComponentOption>;

export interface BreakdownBar {
  label: string;
  value: ChartValue;
}

export const breakdownBars = (groups: readonly { summary: ChartSummary }[], label: (index: number) => string): BreakdownBar[] =>
  groups.map((group, index) => ({ label: label(index), value: chartValue(group.summary) }));

/** The label on the category axis: the name and the NPS; a hidden group or one without answers says so. */
export function barLabel(bar: BreakdownBar, text: ChartText, max = 28): string {
  const name = shorten(bar.label, max);
  if (bar.value.hidden) return `${name} (${text.hidden})`;
  if (bar.value.nps === null) return `${name} (${text.noAnswers})`;
  return `${name} (${text.nps(bar.value.nps)})`;
}

/** Height in pixels for n bars: room for each label, within sensible limits. */
export const breakdownHeight = (n: number): number => Math.min(1400, Math.max(160, 56 + 36 * n));

/** Draws a bar's interval as a horizontal whisker with end caps. */
export function whiskerRenderer(values: readonly ChartValue[], color = WHISKER_COLOR) {
  return (params: { dataIndex: number }, api: RenderApi) => {
    const value = values[params.dataIndex];
    if (!value || value.low === null || value.high === null) return null;
    const [x1, y] = api.coord([value.low, params.dataIndex]);
    const [x2] = api.coord([value.high, params.dataIndex]);
    const cap = 6;
    const style = { stroke: color, lineWidth: 1.5 };
    return {
      type: 'group',
      silent: true,
      children: [
        { type: 'line', shape: { x1, y1: y, x2, y2: y }, style },
        { type: 'line', shape: { x1, y1: y - cap, x2: x1, y2: y + cap }, style },
        { type: 'line', shape: { x1: x2, y1: y - cap, x2, y2: y + cap }, style },
      ],
    };
  };
}

export function breakdownOption(bars: readonly BreakdownBar[], text: ChartText, options: { narrow?: boolean } = {}): BreakdownOption {
  const values = bars.map((bar) => bar.value);
  // Bars start at 0: the axis always shows it.
  const { min, max } = axisBounds(values, [0]);
  return {
    animation: false,
    grid: { left: 4, right: 16, top: 8, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: unknown) => {
        const index = (params as { dataIndex?: number }).dataIndex ?? -1;
        const bar = bars[index];
        return bar ? tooltipHtml(bar.label, [valueText(bar.value, text)]) : '';
      },
    },
    xAxis: { type: 'value', min, max, interval: 25, axisLabel: { formatter: (value: number) => text.nps(value), hideOverlap: true } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((bar) => barLabel(bar, text, options.narrow ? 14 : 28)),
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: text.seriesName,
        barMaxWidth: 22,
        data: bars.map((bar) => (bar.value.nps === null ? null : { value: bar.value.nps, itemStyle: { color: bandColor(bar.value.band) } })),
        z: 2,
      },
      {
        type: 'custom',
        name: text.intervalName,
        renderItem: whiskerRenderer(values) as unknown as CustomSeriesOption['renderItem'],
        data: bars.map((_, index) => [0, index]),
        silent: true,
        z: 3,
        tooltip: { show: false },
      },
    ],
  };
}
