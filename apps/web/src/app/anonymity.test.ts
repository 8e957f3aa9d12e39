import { describe, expect, it } from 'vitest';
import { commentsFilterOf, hiddenNotice, releaseRows, releaseTabs, shownSummary, thresholdText } from './anonymity';

describe('hiddenNotice', () => {
  it('says "fewer than k answers" for a small group, with k when the organization’s k is known', () => {
    expect(hiddenNotice('THRESHOLD', 5)).toEqual({ key: 'anonymity.reason.thresholdK', params: { k: 5 } });
    expect(hiddenNotice('THRESHOLD', null)).toEqual({ key: 'anonymity.reason.threshold', params: {} });
  });

  it('says a group is hidden to protect a smaller one, never with a number', () => {
    expect(hiddenNotice('PROTECTS_SMALLER', 5)).toEqual({ key: 'anonymity.reason.protects', params: {} });
  });

  it('says a running wave is not released yet', () => {
    expect(hiddenNotice('NOT_RELEASED', 5)).toEqual({ key: 'anonymity.reason.notReleased', params: {} });
  });

  it('falls back to the generic notice without a reason, or with one it does not know', () => {
    expect(hiddenNotice(null, null)).toEqual({ key: 'anonymity.hidden', params: {} });
    expect(hiddenNotice(undefined, 7)).toEqual({ key: 'anonymity.hiddenK', params: { k: 7 } });
    expect(hiddenNotice('SOMETHING_NEW', 0)).toEqual({ key: 'anonymity.hidden', params: {} });
  });
});

describe('thresholdText', () => {
  it('picks the k variant only for a real k', () => {
    expect(thresholdText('anonymity.waitNote', 5)).toEqual({ key: 'anonymity.waitNoteK', params: { k: 5 } });
    expect(thresholdText('anonymity.waitNote', null)).toEqual({ key: 'anonymity.waitNote', params: {} });
    expect(thresholdText('anonymity.waitNote', Number.NaN)).toEqual({ key: 'anonymity.waitNote', params: {} });
  });
});

describe('shownSummary', () => {
  it('gives nothing for a suppressed summary, whatever numbers it carries', () => {
    expect(shownSummary({ suppressed: true, nps: 40 })).toBeNull();
    expect(shownSummary(null)).toBeNull();
    expect(shownSummary({ suppressed: false, nps: 40 })).toEqual({ suppressed: false, nps: 40 });
  });
});

const g = (key: string, dimension: string, label: string, parentKey: string | null = null) => ({ key, dimension, label, parentKey });
const RELEASE = [
  g('all', 'ALL', 'All'),
  g('unit:sales-us', 'ORG_UNIT', 'Sales US', 'unit:sales'),
  g('unit:company', 'ORG_UNIT', 'Company', 'all'),
  g('unit:sales', 'ORG_UNIT', 'Sales', 'unit:company'),
  g('unit:ops', 'ORG_UNIT', 'Operations', 'unit:company'),
  g('unit:sales-eu', 'ORG_UNIT', 'Sales EU', 'unit:sales'),
  g('location:Warsaw', 'LOCATION', 'Warsaw', 'all'),
  g('location:Copenhagen', 'LOCATION', 'Copenhagen', 'all'),
  g('tenure_band:<1y', 'TENURE_BAND', '<1y', 'all'),
];

describe('a release laid out', () => {
  it('has a tab per dimension it holds, the org-unit tree always', () => {
    expect(releaseTabs(RELEASE)).toEqual(['orgUnit', 'location', 'tenureBand']);
    expect(releaseTabs([g('all', 'ALL', 'All')])).toEqual(['orgUnit']);
    expect(releaseTabs([...RELEASE, g('unit:ops|location:Warsaw', 'ORG_UNIT_LOCATION', 'Operations · Warsaw', 'unit:ops')])).toContain('unitLocation');
  });

  it('lays the org units out as a tree under the whole wave, children by name', () => {
    expect(releaseRows(RELEASE, 'orgUnit').map((r) => `${'  '.repeat(r.depth)}${r.group.label}`)).toEqual([
      'All',
      '  Company',
      '    Operations',
      '    Sales',
      '      Sales EU',
      '      Sales US',
    ]);
  });

  it('lists a demographic flat, by name', () => {
    expect(releaseRows(RELEASE, 'location').map((r) => [r.group.label, r.depth])).toEqual([
      ['Copenhagen', 0],
      ['Warsaw', 0],
    ]);
  });

  it('keeps a group whose parent is missing, at the top, and never loops', () => {
    const rows = releaseRows([g('unit:a', 'ORG_UNIT', 'A', 'unit:gone'), g('unit:b', 'ORG_UNIT', 'B', 'unit:b')], 'orgUnit');
    expect(rows.map((r) => [r.group.label, r.depth])).toEqual([
      ['A', 0],
      ['B', 0],
    ]);
  });

  it('reads comments of the whole wave without a unit, of a unit by its id', () => {
    expect(commentsFilterOf('w1', { key: 'all', orgUnitId: null })).toEqual({ waveIds: ['w1'] });
    expect(commentsFilterOf('w1', { key: 'unit:u1', orgUnitId: 'u1' })).toEqual({ waveIds: ['w1'], orgUnitIds: ['u1'] });
  });
});
