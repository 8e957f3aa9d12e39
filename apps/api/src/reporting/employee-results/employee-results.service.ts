import type { Context } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { badInput, forbidden, notFound } from '../../kernel/errors.js';
import type { NpsFilter } from '../base/nps-filter.input.js';
import { resolveNpsScope } from '../analytics/nps-scope.js';
import { mayReadEmployeeResults } from '../base/policies.js';
import { CommentsResult, EmployeeRelease, OrgUnitResponseRate, ReleaseAuditType, ReleaseGroup } from './employee-results.types.js';
import { releaseOf } from '../anonymity/releases.js';
import { combine, summaryOf } from '../anonymity/results/combine.js';
import { waveParticipation } from '../anonymity/results/participation.js';
import { employeeTexts } from '../anonymity/results/texts.js';

/** employeeComments: the released comments of one org-unit group over the filter's waves. */
export async function employeeComments(ctx: Context, filter: NpsFilter): Promise<CommentsResult> {
  const scope = await resolveNpsScope(ctx, filter, { employeeOnly: true });
  if (scope.kind !== 'employee') throw badInput('filter.audience', 'Employee comments cover the EMPLOYEE audience only');
  const texts = await employeeTexts(ctx, scope.filter, { comments: true, themes: false });
  return Object.assign(new CommentsResult(), { suppressed: texts.suppressed, hiddenReason: texts.hiddenReason, comments: texts.comments });
}

async function employeeWave(ctx: Context, waveId: string) {
  orgOf(ctx);
  if (!mayReadEmployeeResults(ctx.principal!)) throw forbidden('You may not read employee results');
  const wave = isUuid(waveId) ? await ctx.loaders.wave.load(waveId) : null;
  if (!wave) throw notFound('Wave', 'waveId');
  if (wave.audience !== 'EMPLOYEE') throw badInput('waveId', 'Only employee waves have participation groups and releases');
  return wave;
}

/** responseRatesByOrgUnit: the wave's participation, whole wave first, then the family's org units. */
export async function responseRatesByOrgUnit(ctx: Context, waveId: string): Promise<OrgUnitResponseRate[]> {
  const wave = await employeeWave(ctx, waveId);
  return (await waveParticipation(ctx, wave.id)).map((row) =>
    Object.assign(new OrgUnitResponseRate(), { ...row, responseRate: row.invited === 0 ? 0 : row.responded / row.invited }),
  );
}

/** employeeRelease: a closed wave's release as stored; null while the wave runs. */
export async function employeeRelease(ctx: Context, waveId: string): Promise<EmployeeRelease | null> {
  const wave = await employeeWave(ctx, waveId);
  const release = await releaseOf(ctx, wave.id);
  if (!release) return null;
  const audit = release.audit as Record<string, number | string>;
  return Object.assign(new EmployeeRelease(), {
    waveId: wave.id,
    madeAt: release.madeAt,
    threshold: release.threshold,
    groups: release.groups.map((g) =>
      Object.assign(new ReleaseGroup(), {
        key: g.key,
        dimension: g.dimension,
        orgUnitId: g.orgUnitId,
        value: g.value,
        label: g.label,
        parentKey: g.parentKey,
        invited: g.invited,
        summary: summaryOf(combine([release], g.key)),
        distribution: g.released ? g.distribution : null,
        commentsReleased: g.comments,
      }),
    ),
    audit: Object.assign(new ReleaseAuditType(), {
      method: String(audit.method),
      cells: Number(audit.cells),
      groups: Number(audit.groups),
      released: Number(audit.released),
      hiddenBelowThreshold: Number(audit.hiddenBelowThreshold),
      hiddenToProtect: Number(audit.hiddenToProtect),
      determined: Number(audit.findingsLeft),
    }),
  });
}
