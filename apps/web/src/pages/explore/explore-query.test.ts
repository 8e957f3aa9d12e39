import { describe, expect, it } from 'vitest';
import { breakdownArgs, decodeView, emptyView, employeeView, encodeView, filterOf, MAX_IDS, type ExploreView } from './explore-query';

const U1 = '1771973d-8b1f-4c87-9991-7a32f2e84f76';
const U2 = '10a15ba6-fb97-4aac-b709-50ab3be504d4';
const W1 = '197c7329-981c-4397-b869-61895a291bb4';

const full: ExploreView = {
  audience: 'CUSTOMER',
  waveIds: [W1],
  from: '2026-01-01',
  to: '2026-06-30',
  orgUnitIds: [U1, U2],
  ownerIds: [U2],
  segment: { key: 'region', value: 'EU' },
  products: ['Payroll', 'Staffing, long term'],
  channels: ['Phone'],
  servedBy: [`user:${U1}`, 'ext:crm-7'],
  touchpoints: ['DELIVERY'],
  by: 'SEGMENT',
  segmentKey: 'product',
  interval: 'QUARTER',
};

describe('the explore view in the address', () => {
  it('an empty address is the default view, and the default view is an empty address', () => {
    expect(decodeView({})).toEqual(emptyView());
    expect(encodeView(emptyView())).toEqual({});
    expect(filterOf(emptyView())).toEqual({});
  });

  it('round-trips every filter and choice', () => {
    const query = encodeView(full);
    expect(query).toEqual({
      audience: 'CUSTOMER',
      wave: [W1],
      from: '2026-01-01',
      to: '2026-06-30',
      unit: [U1, U2],
      owner: [U2],
      seg: 'region',
      val: 'EU',
      product: ['Payroll', 'Staffing, long term'],
      channel: ['Phone'],
      served: [`user:${U1}`, 'ext:crm-7'],
      touchpoint: ['DELIVERY'],
      by: 'SEGMENT',
      bykey: 'product',
      interval: 'QUARTER',
    });
    expect(decodeView(query)).toEqual(full);
    // As the browser gives it back: a single id is a string, not a list.
    expect(decodeView({ ...query, wave: W1 })).toEqual(full);
  });

  it('turns a view into the API filter and breakdown arguments', () => {
    expect(filterOf(full)).toEqual({
      audience: 'CUSTOMER',
      waveIds: [W1],
      from: '2026-01-01',
      to: '2026-06-30',
      orgUnitIds: [U1, U2],
      ownerIds: [U2],
      segments: [{ key: 'region', value: 'EU' }],
      products: ['Payroll', 'Staffing, long term'],
      channels: ['Phone'],
      servedBy: [`user:${U1}`, 'ext:crm-7'],
      touchpoints: ['DELIVERY'],
    });
    expect(breakdownArgs(full)).toEqual({ by: 'SEGMENT', segmentKey: 'product' });
    expect(breakdownArgs({ ...full, segmentKey: null })).toBeNull();
    expect(breakdownArgs({ ...full, by: 'OWNER' })).toEqual({ by: 'OWNER', segmentKey: null });
  });

  it('leaves out garbage instead of failing', () => {
    const view = decodeView({
      audience: 'ALIENS',
      wave: ['<script>alert(1)</script>', '', W1, W1, null],
      from: '2026-02-30',
      to: 'yesterday',
      unit: 42,
      owner: { id: U1 },
      seg: '   ',
      val: 'EU',
      by: 'COLOUR',
      bykey: 'region',
      interval: ['WEEK', 'MONTH'],
      unknown: 'x',
    });
    expect(view).toEqual({ ...emptyView(), waveIds: [W1] });
  });

  it('reads comma-separated ids and caps long lists', () => {
    expect(decodeView({ unit: `${U1},${U2}` }).orgUnitIds).toEqual([U1, U2]);
    const many = Array.from({ length: MAX_IDS + 50 }, (_, i) => `id-${i}`);
    expect(decodeView({ owner: many }).ownerIds).toHaveLength(MAX_IDS);
  });

  it('keeps a segment only with both key and value, without control characters', () => {
    expect(decodeView({ seg: 'region' }).segment).toBeNull();
    expect(decodeView({ seg: 're\u0000gion ', val: ' EU\n' }).segment).toEqual({ key: 'region', value: 'EU' });
    expect(decodeView({ seg: 'x'.repeat(101), val: 'EU' }).segment).toBeNull();
  });

  it('a segment key to break down by only goes with by=SEGMENT', () => {
    expect(decodeView({ by: 'ORG_UNIT', bykey: 'region' })).toEqual(emptyView());
    expect(encodeView({ ...emptyView(), segmentKey: 'region' })).toEqual({});
  });

  it('keeps a valid day, even one the server will refuse (from after to names the field there)', () => {
    const view = decodeView({ from: '2026-05-01', to: '2026-01-01' });
    expect([view.from, view.to]).toEqual(['2026-05-01', '2026-01-01']);
    expect(decodeView({ from: '2024-02-29' }).from).toBe('2024-02-29');
    expect(decodeView({ from: '2025-02-29' }).from).toBeNull();
  });
});

describe('an employee view', () => {
  it('keeps one org unit, drops owners and other segments, and breaks down by a released dimension', () => {
    const view = employeeView({ ...full, audience: 'EMPLOYEE' });
    expect(view.orgUnitIds).toEqual([U1]);
    expect(view.ownerIds).toEqual([]);
    expect(view.segment).toBeNull();
    expect(view.by).toBe('SEGMENT');
    expect(view.segmentKey).toBe('location');
    expect(view.waveIds).toEqual([W1]);
  });

  it('keeps a location or tenure band, and falls back to org units for a dimension a release lacks', () => {
    const view = employeeView({ ...emptyView(), audience: 'EMPLOYEE', segment: { key: 'tenure_band', value: '1-3y' }, by: 'OWNER' });
    expect(view.segment).toEqual({ key: 'tenure_band', value: '1-3y' });
    expect(view.by).toBe('ORG_UNIT');
    expect(view.segmentKey).toBeNull();
    expect(employeeView({ ...emptyView(), by: 'SEGMENT', segmentKey: 'tenure_band' }).segmentKey).toBe('tenure_band');
    expect(employeeView({ ...emptyView(), by: 'AUDIENCE' }).by).toBe('ORG_UNIT');
  });

  it("falls back to org units for a transaction's attributes, which employee answers do not have", () => {
    for (const by of ['PRODUCT', 'CHANNEL', 'SERVED_BY', 'TOUCHPOINT'] as const) {
      expect(decodeView({ by }).by).toBe(by);
      expect(employeeView({ ...emptyView(), by }).by).toBe('ORG_UNIT');
    }
  });

  it('keeps a transaction value with a comma whole, drops blanks, repeats and control characters, and leaves them out of employee views', () => {
    const view = decodeView({ product: ['Staffing, long term', ' Staffing, long term ', '', 'Pay\u0000roll'], channel: 'Web', served: ['ext:7', 'ext:7'], touchpoint: [] });
    expect(view.products).toEqual(['Staffing, long term', 'Payroll']);
    expect(view.channels).toEqual(['Web']);
    expect(view.servedBy).toEqual(['ext:7']);
    expect(view.touchpoints).toEqual([]);
    expect(decodeView(encodeView(view))).toEqual(view);
    expect(decodeView({ product: Array.from({ length: MAX_IDS + 5 }, (_, i) => `p${i}`) }).products).toHaveLength(MAX_IDS);
    const employee = employeeView({ ...view, audience: 'EMPLOYEE' });
    expect([employee.products, employee.channels, employee.servedBy, employee.touchpoints]).toEqual([[], [], [], []]);
    expect(filterOf(employee)).not.toHaveProperty('products');
  });
});

