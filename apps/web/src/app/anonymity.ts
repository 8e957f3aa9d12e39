// How the web app words and arranges what an employee release shows (PRODUCT.md 5,
// docs/anonymity.md). The server decides what is released: a release is made once when an
// employee wave closes, with a fixed set of groups, each shown or hidden with a reason. These
// helpers only pick the sentence, lay the groups out, and make sure nothing hidden carries a
// number onto the page.

/** Why the release hides a group (NpsSummary.hiddenReason). Never how small it is. */
export type HiddenReason = 'THRESHOLD' | 'PROTECTS_SMALLER' | 'NOT_RELEASED';

export interface Notice {
  /** i18n key. */
  key: string;
  params: Record<string, number>;
}

const withK = (k: number | null | undefined): k is number => typeof k === 'number' && Number.isFinite(k) && k > 0;

/**
 * The notice for a hidden group: fewer than k answers; hidden to protect a smaller group; not
 * released yet (the wave still runs); without a known reason, the generic one. With the
 * organization's k when known, else "the reporting threshold".
 */
export function hiddenNotice(reason: string | null | undefined, k: number | null | undefined): Notice {
  switch (reason) {
    case 'THRESHOLD':
      return withK(k) ? { key: 'anonymity.reason.thresholdK', params: { k } } : { key: 'anonymity.reason.threshold', params: {} };
    case 'PROTECTS_SMALLER':
      return { key: 'anonymity.reason.protects', params: {} };
    case 'NOT_RELEASED':
      return { key: 'anonymity.reason.notReleased', params: {} };
    default:
      return withK(k) ? { key: 'anonymity.hiddenK', params: { k } } : { key: 'anonymity.hidden', params: {} };
  }
}

/** A key with its k variant: `${key}K` with { k } when k is known. */
export function thresholdText(key: string, k: number | null | undefined): Notice {
  return withK(k) ? { key: `${key}K`, params: { k } } : { key, params: {} };
}

/** A summary's numbers, or null when the server suppressed it: nothing hidden is displayed. */
export function shownSummary<S extends { suppressed: boolean }>(summary: S | null | undefined): S | null {
  return summary && !summary.suppressed ? summary : null;
}

// ---------------------------------------------------------------------------------------------
// A release's groups

/** The dimensions of release groups (ReleaseGroup.dimension). */
export type ReleaseDimension = 'ALL' | 'ORG_UNIT' | 'LOCATION' | 'TENURE_BAND' | 'ORG_UNIT_LOCATION' | 'ORG_UNIT_TENURE_BAND';

/** The tabs of a release view: the org-unit tree, each demographic, and the crosses a release has. */
export const RELEASE_TABS = ['orgUnit', 'location', 'tenureBand', 'unitLocation', 'unitTenureBand'] as const;
export type ReleaseTab = (typeof RELEASE_TABS)[number];

const TAB_DIMENSIONS: Record<ReleaseTab, readonly string[]> = {
  orgUnit: ['ALL', 'ORG_UNIT'],
  location: ['LOCATION'],
  tenureBand: ['TENURE_BAND'],
  unitLocation: ['ORG_UNIT_LOCATION'],
  unitTenureBand: ['ORG_UNIT_TENURE_BAND'],
};

export const ALL_KEY = 'all';

export interface GroupLike {
  key: string;
  parentKey?: string | null;
  dimension: string;
  label: string;
}

/** The tabs a release has groups for, in order (the org-unit tree always). */
export function releaseTabs(groups: readonly GroupLike[]): ReleaseTab[] {
  return RELEASE_TABS.filter((tab) => tab === 'orgUnit' || groups.some((g) => TAB_DIMENSIONS[tab].includes(g.dimension)));
}

/**
 * The groups of one tab in display order, each with its depth: the org-unit tree from the whole
 * wave down (children by name under their parent), or a flat list by name for the other
 * dimensions (crosses by their unit's order, then value).
 */
export function releaseRows<G extends GroupLike>(groups: readonly G[], tab: ReleaseTab): { group: G; depth: number }[] {
  const wanted = groups.filter((g) => TAB_DIMENSIONS[tab].includes(g.dimension));
  const byLabel = (a: G, b: G) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key);
  if (tab !== 'orgUnit') return [...wanted].sort(byLabel).map((group) => ({ group, depth: 0 }));
  const keys = new Set(wanted.map((g) => g.key));
  const children = new Map<string | null, G[]>();
  for (const g of wanted) {
    // A group whose parent is not in the tree (or is itself) hangs at the top.
    const parent = g.parentKey && keys.has(g.parentKey) && g.parentKey !== g.key ? g.parentKey : null;
    children.set(parent, [...(children.get(parent) ?? []), g]);
  }
  const rows: { group: G; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => (a.key === ALL_KEY ? -1 : b.key === ALL_KEY ? 1 : byLabel(a, b)));
    for (const g of list) {
      if (seen.has(g.key)) continue;
      seen.add(g.key);
      rows.push({ group: g, depth });
      walk(g.key, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

/** The org unit a group's comments and themes are read by: none for the whole wave. */
export function commentsFilterOf(waveId: string, group: { key: string; orgUnitId?: string | null }): { waveIds: string[]; orgUnitIds?: string[] } {
  return group.key === ALL_KEY || !group.orgUnitId ? { waveIds: [waveId] } : { waveIds: [waveId], orgUnitIds: [group.orgUnitId] };
}

/** The server's "no value" group key (npsBreakdown's "unassigned"). */
export const UNASSIGNED_KEY = 'unassigned';
