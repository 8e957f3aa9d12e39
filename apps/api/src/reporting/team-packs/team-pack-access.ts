import type { Context } from '../../kernel/context.js';
import { orgOf, systemPrincipal, userOf } from '../../kernel/context.js';
import { forbidden, invalidState, notFound } from '../../kernel/errors.js';
import { isUuid } from '../../kernel/batch.js';
import type { WaveEntity } from '../../survey/waves/wave.entity.js';
import { orgTreeOf } from '../base/org-tree.js';

/**
 * Who reads which team packs (issue 20): LEADER and ADMIN every pack; HR the packs of employee
 * waves, CX those of the other (identified) audiences; a MANAGER the packs of their own org unit
 * and the units below it — and, in an employee wave, the pack their unit folds into (the team's
 * pack IS that pack, PRODUCT.md section 10). API clients read none. The organization is the token's.
 */
export type PackReach = { kind: 'all' } | { kind: 'subtree'; rootId: string; units: Set<string> };

export async function packReach(ctx: Context, wave: WaveEntity): Promise<PackReach> {
  const user = userOf(ctx);
  const roles = user.roles;
  if (roles.includes('ADMIN') || roles.includes('LEADER')) return { kind: 'all' };
  if (wave.audience === 'EMPLOYEE' && roles.includes('HR')) return { kind: 'all' };
  if (wave.audience !== 'EMPLOYEE' && roles.includes('CX')) return { kind: 'all' };
  if (roles.includes('MANAGER')) {
    const me = await ctx.loaders.user.load(user.id);
    if (me?.orgUnitId) return { kind: 'subtree', rootId: me.orgUnitId, units: (await orgTreeOf(ctx)).subtree([me.orgUnitId]) };
  }
  throw forbidden(wave.audience === 'EMPLOYEE' ? 'You may not read the team packs of employee waves' : 'You may not read the team packs of this wave');
}

/** A closed wave of the caller's organization; another organization's, unknown or not-a-uuid ids are not found. */
export async function closedWave(ctx: Context, waveId: string): Promise<WaveEntity> {
  orgOf(ctx);
  const wave = isUuid(waveId) ? await ctx.loaders.wave.load(waveId) : null;
  if (!wave) throw notFound('Wave', 'waveId');
  const closed = wave.status === 'CLOSED' || (wave.audience === 'EMPLOYEE' && wave.status === 'OPEN' && wave.closesAt !== null && wave.closesAt <= ctx.app.now());
  if (!closed) throw invalidState('Team packs are made when the wave closes', 'waveId');
  return wave;
}

/**
 * The context the pack's numbers are computed in, once access is checked: the organization's own
 * reach (so a manager's pack counts their whole unit's customers, not only their own contacts),
 * with this request's loaders. Employee numbers still come from the release only. The reads of
 * employee results it notes are the request's own (one shared set), so the audit log records them.
 */
export function readerContext(ctx: Context): Context {
  ctx.employeeReads ??= new Set();
  return { ...ctx, principal: systemPrincipal(orgOf(ctx)) };
}
