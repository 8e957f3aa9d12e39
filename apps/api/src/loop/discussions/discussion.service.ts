import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import { orgOf, userOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { badInput, conflict, invalidState, notFound } from '../../kernel/errors.js';
import { insertImprovement, MAX_DESCRIPTION, MAX_TITLE } from '../improvements/improvement.service.js';
import { thresholdOf } from '../../identity/organizations/anonymity-threshold.js';
import { assertMayRecord, assertUnit, mayRead, teamSizeOf, waveOf, type WaveOfDiscussion } from './discussion-scope.js';
import {
  discussionOf,
  TeamDiscussionSlot,
  type DiscussionActionInput,
  type DiscussionRow,
  type RecordDiscussionInput,
  type TeamDiscussionType,
  type UpdateDiscussionInput,
} from './discussion.types.js';

export const MAX_NOTES = 5000;
export const MAX_ACTIONS = 20;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const validDate = (d: unknown): d is Date => d instanceof Date && !Number.isNaN(d.getTime());

interface CheckedAction {
  title: string;
  description: string | null;
  ownerId: string;
  dueDate: string;
}

/** Checks every action (title, description, due date today or later, owner an active user of the organization) before anything is written. */
async function checkActions(db: EntityManager, organizationId: string, actions: DiscussionActionInput[], field: string, today: string): Promise<CheckedAction[]> {
  if (actions.length > MAX_ACTIONS) throw badInput(field, `At most ${MAX_ACTIONS} actions at a time`);
  const checked = actions.map((a, i) => {
    const at = `${field}[${i}]`;
    const title = (a.title ?? '').trim();
    if (title.length === 0) throw badInput(`${at}.title`, 'An action needs a title');
    if ([...title].length > MAX_TITLE) throw badInput(`${at}.title`, `A title must be at most ${MAX_TITLE} characters`);
    const description = a.description?.trim() || null;
    if (description && [...description].length > MAX_DESCRIPTION) throw badInput(`${at}.description`, `A description must be at most ${MAX_DESCRIPTION.toLocaleString('en')} characters`);
    if (!validDate(a.dueOn)) throw badInput(`${at}.dueOn`, 'An action needs a due date');
    const dueDate = isoDay(a.dueOn);
    if (dueDate < today) throw badInput(`${at}.dueOn`, 'The due date has passed: give today or a later day');
    if (!isUuid(a.ownerId)) throw notFound('User', `${at}.ownerId`);
    return { title, description, ownerId: a.ownerId, dueDate };
  });
  const owners = [...new Set(checked.map((a) => a.ownerId))];
  if (owners.length) {
    const rows: { id: string }[] = await db.query(`SELECT id FROM users WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND active`, [organizationId, owners]);
    const found = new Set(rows.map((r) => r.id));
    const bad = checked.findIndex((a) => !found.has(a.ownerId));
    if (bad >= 0) throw notFound('User', `${field}[${bad}].ownerId`);
  }
  return checked;
}

function checkHeldOn(heldOn: Date, today: string, field: string): string {
  if (!validDate(heldOn)) throw badInput(field, 'Give the day the discussion was held');
  const day = isoDay(heldOn);
  if (day > today) throw badInput(field, 'A discussion is recorded once it has been held: the day is in the future');
  return day;
}

function checkParticipants(participants: number, teamSize: number | null, field: string): number {
  if (!Number.isInteger(participants) || participants < 1) throw badInput(field, 'At least one person takes part in a discussion');
  if (teamSize !== null && participants > teamSize) throw badInput(field, 'More people than the team has took part', { reason: 'MORE_THAN_TEAM' });
  return participants;
}

function checkNotes(notes: string | null | undefined, field: string): string | null {
  const text = notes?.trim() ?? '';
  if ([...text].length > MAX_NOTES) throw badInput(field, `Notes must be at most ${MAX_NOTES.toLocaleString('en')} characters`);
  return text.length ? text : null;
}

function assertClosed(wave: WaveOfDiscussion, field: string): void {
  if (wave.status !== 'CLOSED') throw invalidState('A team discusses a wave once it is closed: this wave is ' + wave.status.toLowerCase(), field);
}

/** Writes the actions as improvements of the team and the wave (owner, due date), tied to the discussion. */
async function insertActions(tx: EntityManager, ctx: Context, organizationId: string, discussionId: string, wave: WaveOfDiscussion, orgUnitId: string, actions: CheckedAction[]): Promise<void> {
  const [{ next }]: { next: number }[] = await tx.query(`SELECT coalesce(max(position) + 1, 0)::int AS next FROM team_discussion_actions WHERE discussion_id = $1`, [discussionId]);
  let position = next;
  for (const a of actions) {
    // Linked to the wave narrowed to the team (improvement_waves), never to an answer: employee feedback is linked as a wave and unit only.
    const row = await insertImprovement(
      tx,
      ctx,
      organizationId,
      { title: a.title, description: a.description, ownerId: a.ownerId, orgUnitId, audience: wave.audience, dueDate: a.dueDate },
      { responseIds: [], followUpIds: [], themeIds: [], waves: [{ waveId: wave.id, orgUnitId }] },
    );
    await tx.query(`INSERT INTO team_discussion_actions (improvement_id, discussion_id, organization_id, position) VALUES ($1, $2, $3, $4)`, [row.id, discussionId, organizationId, position++]);
  }
}

const SELECT = `SELECT id, wave_id, org_unit_id, to_char(held_on, 'YYYY-MM-DD') AS held_on, participants, notes, publish, recorded_by, created_at, updated_at FROM team_discussions`;

/**
 * Records a team's discussion of a closed wave with the actions it agreed, each an improvement of
 * the team and the wave. Everything is checked before anything is written; a second record of the
 * same team and wave is CONFLICT (change it with updateDiscussion).
 */
export async function recordDiscussion(ctx: Context, input: RecordDiscussionInput): Promise<TeamDiscussionType> {
  const organizationId = orgOf(ctx);
  const user = userOf(ctx);
  const now = ctx.app.now();
  const today = isoDay(now);
  const id = await ctx.db.transaction(async (tx) => {
    const wave = await waveOf(tx, organizationId, input.waveId, 'input.waveId');
    await assertUnit(tx, organizationId, input.orgUnitId, 'input.orgUnitId');
    await assertMayRecord(ctx, tx, wave, input.orgUnitId, { wave: 'input.waveId', unit: 'input.orgUnitId' });
    assertClosed(wave, 'input.waveId');
    const heldOn = checkHeldOn(input.heldOn, today, 'input.heldOn');
    const participants = checkParticipants(input.participants, await teamSizeOf(tx, organizationId, wave, input.orgUnitId), 'input.participants');
    const notes = checkNotes(input.notes, 'input.notes');
    const actions = await checkActions(tx, organizationId, input.actions ?? [], 'input.actions', today);
    const [existing] = await tx.query(`SELECT id FROM team_discussions WHERE wave_id = $1 AND org_unit_id = $2`, [wave.id, input.orgUnitId]);
    if (existing) throw conflict('input.orgUnitId', 'This team has recorded its discussion of this wave already: change it instead');
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO team_discussions (organization_id, wave_id, org_unit_id, held_on, participants, notes, publish, recorded_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (wave_id, org_unit_id) DO NOTHING RETURNING id`,
      [organizationId, wave.id, input.orgUnitId, heldOn, participants, notes, input.publish ?? false, user.id, now],
    );
    if (!row) throw conflict('input.orgUnitId', 'This team has recorded its discussion of this wave already: change it instead');
    await insertActions(tx, ctx, organizationId, row.id, wave, input.orgUnitId, actions);
    return row.id;
  });
  ctx.logger.info({ event: 'discussion.recorded', discussionId: id, actions: input.actions?.length ?? 0 }, 'team discussion recorded');
  return (await findDiscussion(ctx.db, organizationId, id))!;
}

/** Changes a recorded discussion and adds actions; the same checks as recording. Left out: unchanged. */
export async function updateDiscussion(ctx: Context, id: string, input: UpdateDiscussionInput): Promise<TeamDiscussionType> {
  const organizationId = orgOf(ctx);
  userOf(ctx);
  const now = ctx.app.now();
  const today = isoDay(now);
  await ctx.db.transaction(async (tx) => {
    if (!isUuid(id)) throw notFound('Discussion', 'id');
    const [current]: DiscussionRow[] = await tx.query(`${SELECT} WHERE id = $1 AND organization_id = $2 FOR UPDATE`, [id, organizationId]);
    if (!current) throw notFound('Discussion', 'id');
    const wave = await waveOf(tx, organizationId, current.wave_id, 'id');
    await assertMayRecord(ctx, tx, wave, current.org_unit_id, { wave: 'id', unit: 'id' });
    const sets: string[] = [];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (input.heldOn != null) set('held_on', checkHeldOn(input.heldOn, today, 'input.heldOn'));
    if (input.participants != null) set('participants', checkParticipants(input.participants, await teamSizeOf(tx, organizationId, wave, current.org_unit_id), 'input.participants'));
    if (input.notes !== undefined) set('notes', checkNotes(input.notes, 'input.notes'));
    if (input.publish != null) set('publish', input.publish);
    const actions = await checkActions(tx, organizationId, input.addActions ?? [], 'input.addActions', today);
    if (sets.length === 0 && actions.length === 0) throw badInput('input', 'Give at least one field to change');
    set('updated_at', now);
    await tx.query(`UPDATE team_discussions SET ${sets.join(', ')} WHERE id = $1`, params);
    await insertActions(tx, ctx, organizationId, id, wave, current.org_unit_id, actions);
  });
  return (await findDiscussion(ctx.db, organizationId, id))!;
}

async function findDiscussion(db: EntityManager, organizationId: string, id: string): Promise<TeamDiscussionType | null> {
  const [row]: DiscussionRow[] = await db.query(`${SELECT} WHERE id = $1 AND organization_id = $2`, [id, organizationId]);
  return row ? discussionOf(row) : null;
}

/**
 * The discussion page's subject: a team and a wave, with the discussion when recorded, whether the
 * caller may record it, and the team's size where known. A wave or team of another organization, or
 * one the caller may not read, is NOT_FOUND.
 */
export async function teamDiscussion(ctx: Context, waveId: string, orgUnitId: string): Promise<TeamDiscussionSlot> {
  const organizationId = orgOf(ctx);
  const wave = await waveOf(ctx.db, organizationId, waveId, 'waveId');
  await assertUnit(ctx.db, organizationId, orgUnitId, 'orgUnitId');
  if (!(await mayRead(ctx, wave, orgUnitId))) throw notFound('Org unit', 'orgUnitId');
  const [row]: DiscussionRow[] = await ctx.db.query(`${SELECT} WHERE organization_id = $1 AND wave_id = $2 AND org_unit_id = $3`, [organizationId, wave.id, orgUnitId]);
  let canRecord = wave.status === 'CLOSED';
  if (canRecord) canRecord = await assertMayRecord(ctx, ctx.db, wave, orgUnitId, { wave: 'waveId', unit: 'orgUnitId' }).then(() => true, () => false);
  return Object.assign(new TeamDiscussionSlot(), {
    waveId: wave.id,
    orgUnitId,
    discussion: row ? discussionOf(row) : null,
    canRecord,
    teamSize: await shownTeamSize(ctx, wave, orgUnitId),
  });
}

/**
 * The team's size as the page shows it: an employee team's people in the wave only when they are
 * at least the anonymity threshold (participation is never shown for a smaller group); the check
 * of recordDiscussion uses the count without telling it.
 */
async function shownTeamSize(ctx: Context, wave: WaveOfDiscussion, orgUnitId: string): Promise<number | null> {
  const size = await teamSizeOf(ctx.db, orgOf(ctx), wave, orgUnitId);
  return size !== null && size >= (await thresholdOf(ctx)) ? size : null;
}
