import { describe, expect, it } from 'vitest';
import { themeImpact } from './theme-impact.js';

/**
 * Impact = NPS(all responses without the theme's mentioners) − NPS(all responses), computed by
 * hand below; the band is nps-core's compareNps threshold 1.96·√(SE_all² + SE_rest²).
 */
describe('theme impact, against hand-computed cases', () => {
  it('a theme of detractors pulls the NPS down: positive impact', () => {
    // All: 10 responses, 5 promoters, 2 passives, 3 detractors → NPS 100·(5−3)/10 = 20.
    // Mentioners: 3 detractors. Without them: 7 responses, 5 P, 2 Pa, 0 D → NPS 100·5/7 = 71.43.
    // Impact = 71.43 − 20 = 51.43.
    const r = themeImpact({ promoters: 5, passives: 2, detractors: 3 }, { promoters: 0, passives: 0, detractors: 3 });
    expect(r.impact).toBeCloseTo(500 / 7 - 20, 10);
    expect(r.impact).toBeCloseTo(51.43, 2);
  });

  it('a theme of promoters holds the NPS up: negative impact', () => {
    // All: 20 responses, 10 P, 6 Pa, 4 D → NPS 30. Mentioners: 6 P, 1 Pa. Without: 13 responses,
    // 4 P, 5 Pa, 4 D → NPS 0. Impact = 0 − 30 = −30.
    const r = themeImpact({ promoters: 10, passives: 6, detractors: 4 }, { promoters: 6, passives: 1, detractors: 0 });
    expect(r.impact).toBeCloseTo(-30, 10);
  });

  it('a theme mentioned like everyone else has no impact', () => {
    // All: 5 P, 0 Pa, 5 D → NPS 0; mentioners 1 P, 1 D; without: 4 P, 4 D → NPS 0. Impact 0.
    const r = themeImpact({ promoters: 5, passives: 0, detractors: 5 }, { promoters: 1, passives: 0, detractors: 1 });
    expect(r.impact).toBe(0);
    expect(r.significant).toBe(false);
  });

  it('has the margin of compareNps and calls a large impact on many responses significant', () => {
    // All: 200 responses, 100 P, 40 Pa, 60 D → NPS 20. Mentioners: 50 D. Without: 150: 100 P, 40 Pa,
    // 10 D → NPS 60. Impact 40. SEs by the adjusted-Wald formula (n' = n + 3, p' = (P + ¾)/n', ...).
    const r = themeImpact({ promoters: 100, passives: 40, detractors: 60 }, { promoters: 0, passives: 0, detractors: 50 });
    expect(r.impact).toBeCloseTo(40, 10);
    const se = (p: number, d: number, n: number) => {
      const pa = (p + 0.75) / (n + 3);
      const da = (d + 0.75) / (n + 3);
      return 100 * Math.sqrt((pa + da - (pa - da) ** 2) / (n + 3));
    };
    expect(r.margin).toBeCloseTo(1.96 * Math.sqrt(se(100, 60, 200) ** 2 + se(100, 10, 150) ** 2), 10);
    expect(r.significant).toBe(true);
  });

  it('is null without mentioners, and when nobody is left without them', () => {
    expect(themeImpact({ promoters: 3, passives: 0, detractors: 1 }, { promoters: 0, passives: 0, detractors: 0 }).impact).toBeNull();
    expect(themeImpact({ promoters: 3, passives: 0, detractors: 1 }, { promoters: 3, passives: 0, detractors: 1 })).toEqual({ impact: null, margin: null, significant: null });
  });
});
