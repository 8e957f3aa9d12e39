import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createAppI18n } from '../../app/i18n';
import NpsTrendChart from './NpsTrendChart.vue';
import NpsBreakdownChart from './NpsBreakdownChart.vue';

// The chart components' states in the page: drawn with a text alternative, "no answers in this
// period" without empty axes, and "hidden to protect anonymity" without a number. ECharts itself
// is stubbed: the drawing is the option builders' (charts.test.ts) and the browser test's.

const i18n = () => createAppI18n('en');
const stubs = { Echarts: { template: '<div class="echarts-stub"></div>' } };
const summary = (nps: number | null, suppressed = false) => ({
  nps,
  ciLow: nps === null ? null : nps - 10,
  ciHigh: nps === null ? null : nps + 10,
  responses: nps === null ? 0 : 20,
  band: null,
  suppressed,
});
const point = (period: string, nps: number | null, suppressed = false) => ({ period, label: period, summary: summary(nps, suppressed), significantChange: null });

const trend = (points: ReturnType<typeof point>[], extra: Record<string, unknown> = {}) =>
  mount(NpsTrendChart, { props: { points, caption: 'Trend', threshold: 5, ...extra }, global: { plugins: [i18n()], stubs } });

describe('chart states', () => {
  it('draws a trend, with a table of every period for screen readers', () => {
    const wrapper = trend([point('2026-09', 12), point('2026-10', null), point('2026-11', null, true)]);
    expect(wrapper.find('[data-testid=chart-canvas]').exists()).toBe(true);
    expect(wrapper.find('[data-testid=chart-canvas]').attributes('aria-hidden')).toBe('true');
    const rows = wrapper.findAll('tbody tr').map((row) => row.text());
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('NPS +12');
    expect(rows[0]).toContain('95 % interval +2 to +22');
    expect(rows[1]).toContain('no answers');
    expect(rows[2]).toContain('hidden');
  });

  it('no answers: a sentence, no chart', () => {
    const wrapper = trend([point('2026-10', null), point('2026-11', null)]);
    expect(wrapper.find('[data-testid=chart-canvas]').exists()).toBe(false);
    expect(wrapper.get('[data-testid=chart-empty]').text()).toBe('No answers in this period.');
  });

  it('hidden for anonymity: why, with k, and no number anywhere', () => {
    const wrapper = trend([point('2026-10', 40, true), point('2026-11', null)]);
    expect(wrapper.find('[data-testid=chart-canvas]').exists()).toBe(false);
    expect(wrapper.get('[data-testid=chart-hidden]').text()).toContain('Hidden to protect anonymity: fewer than 5 answers');
    expect(wrapper.text()).not.toContain('40');
  });

  it('a suppressed summary hides the whole chart, even with points', () => {
    const wrapper = trend([point('2026-11', 30)], { summary: summary(null, true) });
    expect(wrapper.find('[data-testid=chart-hidden]').exists()).toBe(true);
    expect(wrapper.find('table').exists()).toBe(false);
  });

  it('a breakdown lists hidden groups as hidden', () => {
    const wrapper = mount(NpsBreakdownChart, {
      props: {
        groups: [
          { key: 'a', label: 'Sales EU', summary: summary(8) },
          { key: 'b', label: 'Sales US', summary: summary(null, true) },
        ],
        caption: 'By org unit',
      },
      global: { plugins: [i18n()], stubs },
    });
    const rows = wrapper.findAll('tbody tr').map((row) => row.text());
    expect(rows[0]).toContain('Sales EU');
    expect(rows[0]).toContain('NPS +8');
    expect(rows[1]).toBe('Sales UShidden');
  });
});
