import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { validateBands } from '@tandem/nps-core';
import { orgOf, type Context } from '../../kernel/context.js';
import { badInput, invalidState } from '../../kernel/errors.js';
import { MIN_THRESHOLD } from './anonymity-threshold.js';
import type { OrganizationSettings } from './organization.entity.js';

/**
 * The organization's settings as an admin changes them (issue 15, item 3). Every value is checked
 * before anything is written; a bad one is BAD_USER_INPUT naming its input field.
 *
 * The anonymity threshold k: a release keeps the k it was computed with, so a change applies to
 * releases made from now on. Lowering k while an employee wave is OPEN is refused: that wave's
 * invitations promised its people the current k.
 */

@ObjectType('NpsBand')
export class NpsBandType {
  @Field(() => String)
  key: string;

  @Field(() => Float, { description: 'The lowest NPS of the band' })
  min: number;
}

@InputType('NpsBandInput')
export class NpsBandInput {
  @Field(() => String, { description: 'needs_work, good, great, excellent, or a key of your own' })
  key: string;

  @Field(() => Float)
  min: number;
}

@InputType('OrganizationSettingsInput', { description: 'Fields left out stay as they are' })
export class OrganizationSettingsInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Europe/Warsaw' })
  timeZone?: string | null;

  @Field(() => Int, { nullable: true, description: `Anonymity threshold k, ${MIN_THRESHOLD} to 50; for releases from now on` })
  anonymityThreshold?: number | null;

  @Field(() => Int, { nullable: true, description: 'Hours a detractor waits at most for a first reaction, 1 to 720' })
  followUpSlaHours?: number | null;

  @Field(() => Int, { nullable: true, description: 'Days a contact is not invited again after an invitation, 0 to 365' })
  throttleDays?: number | null;

  @Field(() => [NpsBandInput], { nullable: true, description: 'From -100 up, mins strictly increasing, keys unique' })
  npsBands?: NpsBandInput[] | null;
}

export const LIMITS = {
  anonymityThreshold: [MIN_THRESHOLD, 50],
  followUpSlaHours: [1, 720],
  throttleDays: [0, 365],
} as const;

export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function checkInt(value: number, field: keyof typeof LIMITS): number {
  const [min, max] = LIMITS[field];
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(`input.${field}`, `${field} must be a whole number from ${min} to ${max}`);
  return value;
}

/** Checks the input against the current settings; the new settings, or a typed error. Writes nothing. */
export function checkSettings(current: OrganizationSettings, input: OrganizationSettingsInput): OrganizationSettings {
  const next: OrganizationSettings = { ...current };
  if (input.timeZone != null) {
    const zone = input.timeZone.trim();
    if (!isTimeZone(zone)) throw badInput('input.timeZone', `"${zone}" is not an IANA time zone such as Europe/Warsaw`);
    next.timeZone = zone;
  }
  if (input.anonymityThreshold != null) next.anonymityThreshold = checkInt(input.anonymityThreshold, 'anonymityThreshold');
  if (input.followUpSlaHours != null) next.followUpSlaHours = checkInt(input.followUpSlaHours, 'followUpSlaHours');
  if (input.throttleDays != null) next.throttleDays = checkInt(input.throttleDays, 'throttleDays');
  if (input.npsBands != null) {
    const bands = input.npsBands.map((b) => ({ key: b.key.trim(), min: b.min }));
    try {
      validateBands(bands);
    } catch (error) {
      throw badInput('input.npsBands', (error as Error).message);
    }
    if (bands.some((b) => b.key.length > 40)) throw badInput('input.npsBands', 'A band key is at most 40 characters');
    next.npsBands = bands;
  }
  return next;
}

/** Writes the checked settings (and the name) in one transaction. */
export async function updateSettings(ctx: Context, input: OrganizationSettingsInput): Promise<void> {
  const organizationId = orgOf(ctx);
  const name = input.name != null ? input.name.trim() : null;
  if (name !== null && (name.length === 0 || name.length > 200)) throw badInput('input.name', 'Name must be 1 to 200 characters');
  await ctx.db.transaction(async (tx) => {
    const [org]: { settings: OrganizationSettings }[] = await tx.query(`SELECT settings FROM organizations WHERE id = $1 FOR UPDATE`, [organizationId]);
    const current = org.settings ?? {};
    const next = checkSettings(current, input);
    const was = current.anonymityThreshold ?? 5;
    if (next.anonymityThreshold !== undefined && next.anonymityThreshold < was) {
      const open: unknown[] = await tx.query(`SELECT 1 FROM waves WHERE organization_id = $1 AND audience = 'EMPLOYEE' AND status = 'OPEN' LIMIT 1`, [organizationId]);
      if (open.length > 0) {
        throw invalidState(`k cannot be lowered while an employee wave is open: its invitations promised groups of at least ${was}`, 'input.anonymityThreshold');
      }
    }
    await tx.query(`UPDATE organizations SET settings = $2::jsonb, name = COALESCE($3, name) WHERE id = $1`, [organizationId, JSON.stringify(next), name]);
  });
  ctx.logger.info({ event: 'organization.settings_changed', fields: Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] != null) }, 'settings changed');
}
