import type { Audience, BreakdownDimension, NpsFilter, TrendInterval } from '../../gql/graphql';

// The explore page's whole view in the address, so that a link shares it and a reload restores
// it: filters (audience, waves, dates, org units, owners, one segment, and the transaction's
// products, channels, serving employees and touchpoints), the breakdown and the trend interval. Decoding never throws: what it cannot read it leaves out, and the server
// answers for what it can read but does not know (an unknown id, from after to).

export interface ExploreView {
  audience: Audience | null;
  waveIds: string[];
  /** YYYY-MM-DD, first day included. */
  from: string | null;
  /** YYYY-MM-DD, last day included. */
  to: string | null;
  orgUnitIds: string[];
  ownerIds: string[];
  /** One segment: key and value (as stored). */
  segment: { key: string; value: string } | null;
  /** The transaction's attributes (identified answers only): values as stored, any of each list. */
  products: string[];
  channels: string[];
  /** Serving employees' keys: user:<id> or ext:<external id>. */
  servedBy: string[];
  touchpoints: string[];
  by: BreakdownDimension;
  /** With by = SEGMENT: the key to break down by. */
  segmentKey: string | null;
  interval: TrendInterval;
}

export const AUDIENCES: readonly Audience[] = ['CUSTOMER', 'CANDIDATE', 'ASSOCIATE', 'EMPLOYEE'];
/** The transaction's attributes (PRODUCT ... TOUCHPOINT) break down identified answers only: employeeView leaves them out. */
export const DIMENSIONS: readonly BreakdownDimension[] = ['ORG_UNIT', 'OWNER', 'WAVE', 'AUDIENCE', 'SEGMENT', 'PRODUCT', 'CHANNEL', 'SERVED_BY', 'TOUCHPOINT'];
export const INTERVALS: readonly TrendInterval[] = ['WEEK', 'MONTH', 'QUARTER', 'WAVE'];
export const DEFAULT_BY: BreakdownDimension = 'ORG_UNIT';
export const DEFAULT_INTERVAL: TrendInterval = 'MONTH';
/** The server takes at most 500 ids per list; an address carries far fewer in practice. */
export const MAX_IDS = 100;
const MAX_TEXT = 100;

export const emptyView = (): ExploreView => ({
  audience: null,
  waveIds: [],
  from: null,
  to: null,
  orgUnitIds: [],
  ownerIds: [],
  segment: null,
  products: [],
  channels: [],
  servedBy: [],
  touchpoints: [],
  by: DEFAULT_BY,
  segmentKey: null,
  interval: DEFAULT_INTERVAL,
});

type QueryValue = string | null | undefined | (string | null)[];
export type Query = Record<string, QueryValue | unknown>;

/** Every string of a query value (vue-router gives a string, an array, or null). */
const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
const single = (value: unknown): string | null => {
  const list = strings(value);
  return list.length === 1 ? list[0] : null;
};
const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): T | null => {
  const text = single(value);
  return text !== null && (allowed as readonly string[]).includes(text) ? (text as T) : null;
};

/** Ids: letters, digits and dashes (uuids), each once, at most MAX_IDS; "a,b" and repeated keys both work. */
function ids(value: unknown): string[] {
  const out: string[] = [];
  for (const part of strings(value).flatMap((v) => v.split(','))) {
    const id = part.trim();
    if (/^[A-Za-z0-9-]{1,64}$/.test(id) && !out.includes(id)) out.push(id);
    if (out.length >= MAX_IDS) break;
  }
  return out;
}

/** A calendar day YYYY-MM-DD that exists (no 2026-02-30). */
function day(value: unknown): string | null {
  const text = single(value)?.trim() ?? '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? text : null;
}

/** Free text: trimmed, without control characters, 1 to MAX_TEXT characters. */
function text(value: unknown): string | null {
  const raw = single(value);
  if (raw === null) return null;
  // eslint-disable-next-line no-control-regex
  const clean = raw.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.length > 0 && [...clean].length <= MAX_TEXT ? clean : null;
}

/** Free-text values (a product may hold a comma): one per repeated key, each once, at most MAX_IDS. */
function values(value: unknown): string[] {
  const out: string[] = [];
  for (const raw of strings(value)) {
    const clean = text(raw);
    if (clean !== null && !out.includes(clean)) out.push(clean);
    if (out.length >= MAX_IDS) break;
  }
  return out;
}

/** The view an address describes; anything unreadable is left at its default. */
export function decodeView(query: Query): ExploreView {
  const view = emptyView();
  view.audience = oneOf(query.audience, AUDIENCES);
  view.waveIds = ids(query.wave);
  view.from = day(query.from);
  view.to = day(query.to);
  view.orgUnitIds = ids(query.unit);
  view.ownerIds = ids(query.owner);
  const segKey = text(query.seg);
  const segValue = text(query.val);
  view.segment = segKey && segValue ? { key: segKey, value: segValue } : null;
  view.products = values(query.product);
  view.channels = values(query.channel);
  view.servedBy = values(query.served);
  view.touchpoints = values(query.touchpoint);
  view.by = oneOf(query.by, DIMENSIONS) ?? DEFAULT_BY;
  view.segmentKey = view.by === 'SEGMENT' ? text(query.bykey) : null;
  view.interval = oneOf(query.interval, INTERVALS) ?? DEFAULT_INTERVAL;
  return view;
}

/** The address of a view: only what differs from the defaults, lists as repeated keys. */
export function encodeView(view: ExploreView): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  if (view.audience) query.audience = view.audience;
  if (view.waveIds.length) query.wave = [...view.waveIds];
  if (view.from) query.from = view.from;
  if (view.to) query.to = view.to;
  if (view.orgUnitIds.length) query.unit = [...view.orgUnitIds];
  if (view.ownerIds.length) query.owner = [...view.ownerIds];
  if (view.segment) {
    query.seg = view.segment.key;
    query.val = view.segment.value;
  }
  if (view.products.length) query.product = [...view.products];
  if (view.channels.length) query.channel = [...view.channels];
  if (view.servedBy.length) query.served = [...view.servedBy];
  if (view.touchpoints.length) query.touchpoint = [...view.touchpoints];
  if (view.by !== DEFAULT_BY) query.by = view.by;
  if (view.by === 'SEGMENT' && view.segmentKey) query.bykey = view.segmentKey;
  if (view.interval !== DEFAULT_INTERVAL) query.interval = view.interval;
  return query;
}

/** The NpsFilter of a view: empty lists and missing values left out. */
export function filterOf(view: ExploreView): NpsFilter {
  const filter: NpsFilter = {};
  if (view.audience) filter.audience = view.audience;
  if (view.waveIds.length) filter.waveIds = view.waveIds;
  if (view.from) filter.from = view.from;
  if (view.to) filter.to = view.to;
  if (view.orgUnitIds.length) filter.orgUnitIds = view.orgUnitIds;
  if (view.ownerIds.length) filter.ownerIds = view.ownerIds;
  if (view.segment) filter.segments = [{ key: view.segment.key, value: view.segment.value }];
  if (view.products.length) filter.products = view.products;
  if (view.channels.length) filter.channels = view.channels;
  if (view.servedBy.length) filter.servedBy = view.servedBy;
  if (view.touchpoints.length) filter.touchpoints = view.touchpoints;
  return filter;
}

/** npsBreakdown's arguments; by SEGMENT without a key asks for nothing yet (null). */
export function breakdownArgs(view: ExploreView): { by: BreakdownDimension; segmentKey: string | null } | null {
  if (view.by === 'SEGMENT') return view.segmentKey ? { by: 'SEGMENT', segmentKey: view.segmentKey } : null;
  return { by: view.by, segmentKey: null };
}

// ---------------------------------------------------------------------------------------------
// Employee results: what a release has (PRODUCT.md 5). One group — the whole organization, one
// org unit, or one location or tenure band — and a breakdown of a released dimension.

export const EMPLOYEE_SEGMENT_KEYS = ['location', 'tenure_band'] as const;
export const EMPLOYEE_DIMENSIONS: readonly BreakdownDimension[] = ['ORG_UNIT', 'WAVE', 'SEGMENT'];
const isEmployeeKey = (key: string | null | undefined) => !!key && (EMPLOYEE_SEGMENT_KEYS as readonly string[]).includes(key);

/**
 * A view made fit for employee results: at most one org unit, no owners, no transaction attributes, a segment only on
 * location or tenure band, and a breakdown by org unit, wave or one of those two (location by
 * default). Waves stay as chosen: several closed waves add up their released numbers.
 */
export function employeeView(view: ExploreView): ExploreView {
  const by = EMPLOYEE_DIMENSIONS.includes(view.by) ? view.by : 'ORG_UNIT';
  return {
    ...view,
    orgUnitIds: view.orgUnitIds.slice(0, 1),
    ownerIds: [],
    products: [],
    channels: [],
    servedBy: [],
    touchpoints: [],
    segment: view.segment && isEmployeeKey(view.segment.key) ? view.segment : null,
    by,
    segmentKey: by === 'SEGMENT' ? (isEmployeeKey(view.segmentKey) ? view.segmentKey : 'location') : null,
  };
}
