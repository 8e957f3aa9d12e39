import { formatCount, formatNps } from '../../app/format';
import type { ChartText } from './chart-text';

type Translate = (key: string, named?: Record<string, unknown>) => string;

/** The chart words in the interface language (keys under board.chart). */
export function chartText(t: Translate, locale: string, enps: boolean): ChartText {
  return {
    nps: (value) => formatNps(value, locale),
    seriesName: enps ? t('board.chart.enps') : t('board.chart.nps'),
    intervalName: t('board.chart.interval'),
    interval: (low, high) => t('board.chart.range', { low: formatNps(low, locale), high: formatNps(high, locale) }),
    answers: (n) => t('board.chart.answers', { n: formatCount(n, locale) }),
    band: (key) => t(`bands.${key}`),
    significant: t('board.chart.significant'),
    inProgress: t('board.chart.inProgress'),
    hidden: t('board.chart.hiddenShort'),
    noAnswers: t('board.chart.noAnswersShort'),
  };
}

/** Why a chart shows nothing under the anonymity guard, with the organization's k when known. */
export function hiddenChartText(t: Translate, threshold: number | null | undefined): string {
  return typeof threshold === 'number' && threshold > 0 ? t('board.chart.hiddenK', { k: threshold }) : t('board.chart.hidden');
}
