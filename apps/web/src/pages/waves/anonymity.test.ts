import { describe, expect, it } from 'vitest';
import { EMPLOYEE_DIMENSIONS, dimensionOf, groupLabel, hiddenNotice, shownSummary, thresholdText } from './anonymity';

describe('hiddenNotice', () => {
  it('says "fewer than k answers" for a small group, with k when the organization’s k is known', () => {
    expect(hiddenNotice('BELOW_THRESHOLD', 5)).toEqual({ key: 'anonymity.hiddenFewerK', params: { k: 5 } });
    expect(hiddenNotice('BELOW_THRESHOLD', null)).toEqual({ key: 'anonymity.hiddenFewer', params: {} });
  });

  it('says a group was hidden so that it cannot be worked out from the others', () => {
    expect(hiddenNotice('DIFFERENCING', 5).key).toBe('anonymity.hiddenDerivable');
    expect(hiddenNotice('COMPLEMENTARY', null).key).toBe('anonymity.hiddenDerivable');
  });

  it('falls back to the generic notice without a reason, or with one it does not know', () => {
    expect(hiddenNotice(null, null)).toEqual({ key: 'anonymity.hidden', params: {} });
    expect(hiddenNotice(undefined, 7)).toEqual({ key: 'anonymity.hiddenK', params: { k: 7 } });
    expect(hiddenNotice('SOMETHING_NEW', 0)).toEqual({ key: 'anonymity.hidden', params: {} });
  });
});

describe('thresholdText', () => {
  it('picks the k variant only for a real k', () => {
    expect(thresholdText('anonymity.ratesNote', 5)).toEqual({ key: 'anonymity.ratesNoteK', params: { k: 5 } });
    expect(thresholdText('anonymity.ratesNote', null)).toEqual({ key: 'anonymity.ratesNote', params: {} });
    expect(thresholdText('anonymity.ratesNote', Number.NaN)).toEqual({ key: 'anonymity.ratesNote', params: {} });
  });
});

describe('shownSummary', () => {
  it('gives nothing for a suppressed summary, whatever numbers it carries', () => {
    expect(shownSummary({ suppressed: true, nps: 40 })).toBeNull();
    expect(shownSummary(null)).toBeNull();
    expect(shownSummary({ suppressed: false, nps: 40 })).toEqual({ suppressed: false, nps: 40 });
  });
});

describe('dimensions and labels', () => {
  it('breaks employee answers down by org unit, location and tenure band only', () => {
    expect(EMPLOYEE_DIMENSIONS.map((d) => [d.by, d.segmentKey])).toEqual([
      ['ORG_UNIT', null],
      ['SEGMENT', 'location'],
      ['SEGMENT', 'tenure_band'],
    ]);
    expect(dimensionOf('location').segmentKey).toBe('location');
    expect(dimensionOf('nonsense').id).toBe('orgUnit');
  });

  it('names the remainder and merged groups in the interface language, others as the server does', () => {
    const t = (key: string) => `<${key}>`;
    expect(groupLabel({ key: 'unassigned', label: 'Unassigned or other units' }, 'orgUnit', t)).toBe('<anonymity.unassigned.orgUnit>');
    expect(groupLabel({ key: 'unassigned', label: 'Unassigned' }, 'tenureBand', t)).toBe('<anonymity.unassigned.tenureBand>');
    expect(groupLabel({ key: 'other', label: 'Other units (merged)' }, 'rates', t)).toBe('<anonymity.otherUnits>');
    expect(groupLabel({ key: 'other', label: 'other' }, 'location', t)).toBe('other');
    expect(groupLabel({ key: 'u1', label: 'Operations' }, 'orgUnit', t)).toBe('Operations');
  });
});
