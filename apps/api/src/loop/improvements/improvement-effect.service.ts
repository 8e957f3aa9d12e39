import { compareNps, type NpsCounts } from '@tandem/nps-core';
import { hasAnyRole, IDENTIFIED_READERS } from '../../kernel/policies.js';
import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { mayReadEmployeeResults } from '../../reporting/base/policies.js';
import { employeeSummary } from '../../reporting/anonymity/index.js';
import { resolveNpsScope } from '../../reporting/analytics/nps-scope.js';
import { identifiedSummaryCounts } from '../../reporting/analytics/nps-summary.service.js';
import { NpsSummary } from '../../reporting/base/nps-summary.type.js';
import { addDays, isoDay } from '../../reporting/base/periods.js';
import { settingsOf } from '../../identity/organizations/organization.service.js';
import { ImprovementEffectType, type ImprovementType } from './improvement.types.js';

/** The length of each period compared, in days. */
export const EFFECT_WINDOW_DAYS = 90;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The two periods of an improvement implemented on `implementedAt`, as inclusive UTC days. */
export function effectWindows(implementedAt: Date, now: Date) {
  const implemented = isoDay(implementedAt);
  const today = isoDay(now);
  const afterTo = [addDays(implemented, EFFECT_WINDOW_DAYS - 1), today].sort()[0];
  return {
    beforeFrom: addDays(implemented, -EFFECT_WINDOW_DAYS),
    beforeTo: addDays(implemented, -1),
    afterFrom: implemented,
    afterTo: afterTo < implemented ? implemented : afterTo,
  };
}

/** May the caller read results of this audience (null: the identified audiences)? The analytics rules. */
function readsAudience(ctx: Context, employee: boolean): boolean {
  const principal = ctx.principal!;
  if (employee) return mayReadEmployeeResults(principal);
  if (principal.kind === 'api') return principal.scopes.includes('analytics:read');
  return hasAnyRole(principal, [...IDENTIFIED_READERS, 'MANAGER']);
}

const countsOf = (s: NpsSummary): NpsCounts | null =>
  s.suppressed || !s.responses ? null : { promoters: s.promoters ?? 0, passives: s.passives ?? 0, detractors: s.detractors ?? 0 };

/**
 * The measured effect of an implemented improvement: the NPS of the group it targets in the 90 days
 * before the day it was implemented and in the 90 days from that day on (clipped at today, so a
 * recent one compares a full period with a shorter one), the change and whether it is significant
 * (nps-core compareNps: adjusted-Wald standard errors of two independent samples).
 *
 * The group: its audience (none: the identified audiences together), its org unit with the subtree
 * (as at answer time), and — for identified audiences, when it has themes — only the responses
 * tagged (ACCEPTED) with one of them. The numbers follow the caller's analytics rights: a MANAGER
 * sees the group among their own contacts; results the caller may not read at all (EMPLOYEE results
 * for CX or MANAGER; identified ones for HR) give null.
 *
 * EMPLOYEE improvements go through the anonymity guard (employeeSummary): employee results are dated
 * by their wave, so each period is the employee waves that opened within it; a suppressed side (or
 * a period without a wave) makes the change null. Their themes do not narrow the group — employee answers
 * are never selected by theme outside the guard — which `themesApplied` says.
 *
 * Cost: two rollup statements without themes; one grouped statement over the responses with themes.
 */
export async function improvementEffect(ctx: Context, improvement: ImprovementType, themeIds: string[]): Promise<ImprovementEffectType | null> {
  orgOf(ctx);
  if (!improvement.implementedAt) return null;
  const employee = improvement.audience === 'EMPLOYEE';
  if (!readsAudience(ctx, employee)) return null;
  const w = effectWindows(improvement.implementedAt, ctx.app.now());
  const orgUnitIds = improvement.orgUnitId ? [improvement.orgUnitId] : null;

  let before: NpsSummary;
  let after: NpsSummary;
  const themesApplied = !employee && themeIds.length > 0;
  if (employee) {
    // Employee results are dated by their wave (anonymity/wave-dates.ts): each period is the employee
    // waves that opened within it, reported through the guard.
    const summaryOf = async (from: string, to: string) => {
      const scope = await resolveNpsScope(ctx, { audience: 'EMPLOYEE', orgUnitIds, from: day(from), to: day(to) });
      if (scope.kind !== 'employee') throw new Error('an EMPLOYEE improvement needs an employee scope');
      return employeeSummary(ctx, scope.filter);
    };
    [before, after] = await Promise.all([summaryOf(w.beforeFrom, w.beforeTo), summaryOf(w.afterFrom, w.afterTo)]);
  } else {
    const scopeOf = async (from: string, to: string) => {
      const scope = await resolveNpsScope(ctx, { audience: improvement.audience ?? undefined, orgUnitIds, from: day(from), to: day(to) });
      if (scope.kind !== 'identified') throw new Error('an identified improvement needs an identified scope');
      return scope;
    };
    if (!themesApplied) {
      const [b, a] = await Promise.all([scopeOf(w.beforeFrom, w.beforeTo), scopeOf(w.afterFrom, w.afterTo)]);
      [before, after] = (await Promise.all([identifiedSummaryCounts(ctx, b), identifiedSummaryCounts(ctx, a)])).map((c) => NpsSummary.of(c));
    } else {
      // Both periods in one statement: the scope spans them, the FILTERs split them at the implementation day.
      const scope = await scopeOf(w.beforeFrom, w.afterTo);
      const params = [...scope.params, themeIds, day(w.afterFrom)];
      const themes = `$${scope.params.length + 1}`;
      const split = `$${scope.params.length + 2}`;
      const count = (side: string, category: string) => `count(*) FILTER (WHERE r.submitted_at ${side} ${split} AND r.category = '${category}')::int`;
      const [row]: Record<string, number>[] = await ctx.db.query(
        `SELECT ${count('<', 'PROMOTER')} AS bp, ${count('<', 'PASSIVE')} AS bn, ${count('<', 'DETRACTOR')} AS bd,
                ${count('>=', 'PROMOTER')} AS ap, ${count('>=', 'PASSIVE')} AS an, ${count('>=', 'DETRACTOR')} AS ad
           FROM responses r
          WHERE ${scope.where}
            AND EXISTS (SELECT 1 FROM response_themes rt
                         WHERE rt.response_id = r.id AND rt.status = 'ACCEPTED' AND rt.theme_id = ANY(${themes}::uuid[]))`,
        params,
      );
      before = NpsSummary.of({ promoters: row.bp, passives: row.bn, detractors: row.bd });
      after = NpsSummary.of({ promoters: row.ap, passives: row.an, detractors: row.ad });
    }
  }

  const a = countsOf(before);
  const b = countsOf(after);
  const comparison = a && b ? compareNps(a, b) : null;
  // Too early to tell until the period after has the organization's minimum of answers.
  const { leaderboardMinResponses: minimumResponses } = await settingsOf(ctx);
  const tooEarly = after.suppressed || (after.responses ?? 0) < minimumResponses;
  return Object.assign(new ImprovementEffectType(), {
    before,
    after,
    change: comparison?.change ?? null,
    significant: comparison?.significant ?? null,
    beforeFrom: day(w.beforeFrom),
    beforeTo: day(w.beforeTo),
    afterFrom: day(w.afterFrom),
    afterTo: day(w.afterTo),
    themesApplied,
    tooEarly,
    minimumResponses,
  });
}
