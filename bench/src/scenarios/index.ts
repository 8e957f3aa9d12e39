/** The query scenarios, in the order they are measured and listed in docs/performance.md. */
import { board } from './board.js';
import { breakdownByOrgUnit, breakdownByProduct, breakdownBySegmentRegion, breakdownByServedBy } from './breakdown.js';
import type { Scenario } from './scenario.js';
import { summaryRegionEu } from './summary.js';
import { trendByMonth } from './trend.js';

export function scenarios(now: Date): Scenario[] {
  return [board(now), summaryRegionEu, breakdownByOrgUnit, breakdownBySegmentRegion, breakdownByProduct, breakdownByServedBy, trendByMonth];
}
