/**
 * The anonymity guard for per-theme results over employee answers (themes/theme-results.service.ts
 * through employee-results/themes.ts). A theme's row shows its mentioners M
 * (the answers whose comment mentions it: count per category, NPS) and its impact, the NPS of the
 * answers WITHOUT the mentioners minus the NPS of all of them; with the filter's own summary a
 * reader can therefore compute two groups per row, M and the rest R = all − M.
 *
 * Employee theme results are filtered by waves only (a date range has already become waves), so
 * every group a reader can ask for is a union of waves, and every number a reader can compute by
 * adding and subtracting rows of one theme is a sum of per-wave cells (M of a wave, R of a wave).
 * The rule is therefore on the cells, over every employee wave of the organization:
 *
 *   a theme's rows are released only when, in EVERY wave, its mentioners and its rest are each
 *   0 or at least k answers — and then for a wave set only when it has mentioners.
 *
 * Any difference of released rows is then a sum of cells that are each 0 or at least k, so no
 * group of 1..k−1 answers can be derived, whatever wave sets are combined. The filter's own group
 * must also be released by the summary guard (the impact of two themes would give its size and
 * NPS). Themes overlap (a comment may mention several, or none), so the rows of different themes
 * add up to nothing a reader could subtract them from. The decision for a theme says only that some
 * wave holds a small group of its mentioners or non-mentioners — never which, or how many.
 */

export interface ThemeCell {
  /** Answers of one wave that mention the theme. */
  mentioners: number;
  /** Answers of that wave that do not. */
  rest: number;
}

const safe = (n: number, k: number) => n === 0 || n >= k;

/** Is every cell of the theme (one per employee wave) 0 or at least k, mentioners and rest alike? */
export function themeCellsSafe(cells: readonly ThemeCell[], k: number): boolean {
  return cells.every((c) => safe(c.mentioners, k) && safe(c.rest, k));
}

/**
 * A theme's row over a wave set: released when the filter's group is released, every cell is safe,
 * and the wave set has mentioners (then at least k of them, since each cell is 0 or ≥ k).
 */
export function releaseThemeRow(baseReleased: boolean, cells: readonly ThemeCell[], mentionersInFilter: number, k: number): boolean {
  return baseReleased && mentionersInFilter > 0 && themeCellsSafe(cells, k);
}
