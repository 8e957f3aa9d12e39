import { badInput } from '../../kernel/errors.js';

/** The bounds of a wave's reminder rule (also database CHECKs, migration Schedules). */
export const REMINDER_DAYS = [1, 30] as const;
export const MAX_REMINDERS = [1, 5] as const;

export interface ReminderRule {
  reminderAfterDays: number;
  maxReminders: number;
}

function inRange(value: number, [min, max]: readonly [number, number], field: string, what: string): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(field, `${what} must be a whole number from ${min} to ${max}`);
  return value;
}

/**
 * Checks a reminder rule: both values or neither (null: no rule). Each out of its range, or one
 * without the other, is BAD_USER_INPUT naming the field (`prefix.reminderAfterDays`, …).
 */
export function checkReminderRule(
  reminderAfterDays: number | null | undefined,
  maxReminders: number | null | undefined,
  prefix = 'input',
): ReminderRule | null {
  const days = reminderAfterDays ?? null;
  const max = maxReminders ?? null;
  if (days !== null) inRange(days, REMINDER_DAYS, `${prefix}.reminderAfterDays`, 'reminderAfterDays');
  if (max !== null) inRange(max, MAX_REMINDERS, `${prefix}.maxReminders`, 'maxReminders');
  if (days === null && max === null) return null;
  if (days === null) throw badInput(`${prefix}.reminderAfterDays`, 'Give reminderAfterDays with maxReminders (or neither, for no reminders)');
  if (max === null) throw badInput(`${prefix}.maxReminders`, 'Give maxReminders with reminderAfterDays (or neither, for no reminders)');
  return { reminderAfterDays: days, maxReminders: max };
}
