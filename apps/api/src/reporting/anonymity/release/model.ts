/**
 * The data of one employee wave's release (PRODUCT.md section 5, docs/anonymity.md), as plain
 * values: what goes in (the roster snapshot of the wave's participants and its answers) and the
 * groups the release is made of. Pure: no I/O here or in the rest of release/, so the computation,
 * its audit and the property tests run the same code.
 */

/** 0 promoters, 1 passives, 2 detractors: the order of every count triple here. */
export const CATEGORIES = ['PROMOTER', 'PASSIVE', 'DETRACTOR'] as const;
export type CategoryIndex = 0 | 1 | 2;
export type Triple = [number, number, number];

export const categoryIndexOf = (score: number): CategoryIndex => (score >= 9 ? 0 : score >= 7 ? 1 : 2);

/** The demographic dimensions a release has besides the org-unit tree. */
export const DEMOGRAPHICS = ['location', 'tenure_band'] as const;
export type Demographic = (typeof DEMOGRAPHICS)[number];

/** What a participant's snapshot (at invitation) and an answer (copied from it) say of a person. */
export interface Attributes {
  unitId: string | null;
  location: string | null;
  tenureBand: string | null;
}

export interface Participant extends Attributes {
  responded: boolean;
}

export interface Answer extends Attributes {
  score: number;
  reason: string | null;
  suggestion: string | null;
  language: string;
  /** The answer's 1–5 criteria ratings (RATING questions), if the wave asked any. */
  ratings?: readonly { criterion: string; value: number }[] | null;
}

/**
 * A criterion's ratings as a release holds them: for the whole wave only (no group finer than the
 * wave, so no sum can be split), released with at least k ratings when the wave's total is
 * released; its spread (sd) and the counts of 1..5 only with at least 2k ratings, like a score
 * distribution (a small set's mean and spread would all but give its ratings away).
 */
export interface CriterionRelease {
  criterion: string;
  released: boolean;
  ratings: number | null;
  mean: number | null;
  sd: number | null;
  distribution: number[] | null;
}

export interface Unit {
  id: string;
  parentId: string | null;
  name: string;
}

export interface ReleaseInput {
  k: number;
  units: readonly Unit[];
  participants: readonly Participant[];
  answers: readonly Answer[];
}

/**
 * The atoms of the roster snapshot: people who share unit, location and tenure band. A reader who
 * knows the roster knows every cell and its size; nothing finer is ever released, so a cell is
 * the smallest set of people an attack can aim at.
 */
export interface Cell extends Attributes {
  invited: number;
  /** Answers per category. */
  counts: Triple;
  /** Answers per score 0..10. */
  scores: number[];
}

export type Dimension = 'ALL' | 'ORG_UNIT' | 'LOCATION' | 'TENURE_BAND' | 'ORG_UNIT_LOCATION' | 'ORG_UNIT_TENURE_BAND';

/** A group a release may show: a union of cells, fixed by the roster snapshot alone. */
export interface GroupDef {
  key: string;
  dimension: Dimension;
  unitId: string | null;
  /** The demographic value (location or tenure band), for demographic groups and crosses. */
  value: string | null;
  label: string;
  /** The group it nests in: the parent unit's group, or "all". */
  parentKey: string | null;
  /** Indices into the cells. */
  cells: number[];
}

/**
 * A sum the reader knows holds: the parent group is its parts (released or not) plus a remainder
 * of cells no group covers on its own (a unit's own members beside its sub-units, people without a
 * location). Secondary suppression keeps every such remainder from being small.
 */
export interface Relation {
  parent: string;
  parts: string[];
}

export type HiddenReason = 'THRESHOLD' | 'PROTECTS_SMALLER';

export interface GroupResult extends GroupDef {
  invited: number;
  responses: number;
  counts: Triple;
  released: boolean;
  hiddenReason: HiddenReason | null;
  /** Answers per score 0..10, only where at least 2k answers and no smaller distribution can be derived. */
  distribution: number[] | null;
  /** Whether the group's comments are released (the org-unit tree only, see families.ts). */
  comments: boolean;
  /** Whether the group's participation may be shown (at least k invited, see families.ts). */
  participation: boolean;
}

export const sumTriples = (triples: Iterable<Triple>): Triple => {
  const out: Triple = [0, 0, 0];
  for (const t of triples) {
    out[0] += t[0];
    out[1] += t[1];
    out[2] += t[2];
  }
  return out;
};

export const total = (t: Triple): number => t[0] + t[1] + t[2];
