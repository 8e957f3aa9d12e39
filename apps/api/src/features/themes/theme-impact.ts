import { compareNps, nps, type NpsCounts } from '@tandem/nps-core';

/**
 * A theme's impact on the overall NPS (PRODUCT.md / issue 7: "the NPS without those responses
 * minus the NPS with them"): impact = NPS(all − mentioners) − NPS(all). Positive when the theme
 * pulls the NPS down (its mentioners are less happy than the rest). nps-core has no interval for a
 * difference of two NPS, so the band is compareNps's: |impact| > 1.96·√(SE_all² + SE_rest²) is
 * significant. The two groups overlap (the rest is part of all), so this band is wider than an
 * exact one would be: it errs on the side of "not significant".
 */
export interface ThemeImpact {
  impact: number | null;
  margin: number | null;
  significant: boolean | null;
}

export const withoutCounts = (all: NpsCounts, part: NpsCounts): NpsCounts => ({
  promoters: all.promoters - part.promoters,
  passives: all.passives - part.passives,
  detractors: all.detractors - part.detractors,
});

export function themeImpact(all: NpsCounts, mentioners: NpsCounts): ThemeImpact {
  const rest = withoutCounts(all, mentioners);
  if (nps(mentioners) === null || nps(rest) === null) return { impact: null, margin: null, significant: null };
  const c = compareNps(all, rest);
  return { impact: c.change, margin: c.threshold, significant: c.significant };
}
