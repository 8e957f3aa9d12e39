/**
 * Domain events (issue 17): what happened, written in the same transaction as the change
 * (outbox.ts), fanned out to consumers as jobs (bus.ts).
 *
 * Payloads carry ids, states and counts. They never carry an employee's answer, nor anything that
 * links a participation (who was invited, who took part) to an answer — not a response id, not a
 * score, not a comment, not the moment an employee answered. Employee waves (audience EMPLOYEE)
 * therefore publish no response.created at all; their events are wave.opened and wave.closed, and
 * wave.closed carries the number of answers only when it is at or above the organization's
 * anonymity threshold (null below it). Consumers (webhooks, feeds, digests) pass payloads on to
 * other systems, so anything put here must be safe to show to whoever receives them.
 */

/** A wave's audience as events name it; EMPLOYEE waves are anonymous. */
export type EventAudience = 'CUSTOMER' | 'CANDIDATE' | 'ASSOCIATE' | 'EMPLOYEE';
type IdentifiedAudience = Exclude<EventAudience, 'EMPLOYEE'>;

export interface DomainEventPayloads {
  /** A customer, candidate or associate answered. Never published for employee waves. */
  'response.created': { responseId: string; waveId: string; audience: IdentifiedAudience; score: number | null };
  'followup.created': { followUpId: string; responseId: string; waveId: string; ownerId: string | null; dueAt: string };
  'followup.overdue': { followUpId: string; ownerId: string | null; dueAt: string };
  /**
   * Handed to the CX users of the nearest org unit up the tree (from the answer's unit) that has
   * some; orgUnitId null when no unit up the tree had any and the organization's CX users were told.
   */
  'followup.escalated': { followUpId: string; orgUnitId: string | null; userIds: string[] };
  'followup.resolved': { followUpId: string; ownerId: string | null };
  'improvement.status_changed': { improvementId: string; from: string; to: string };
  'wave.opened': { waveId: string; audience: EventAudience };
  /**
   * Counts only. For an EMPLOYEE wave `invited` is null when fewer people were invited than the
   * organization's anonymity threshold, and `answers` when fewer answered (or were invited), so a
   * small wave tells nothing about who took part.
   */
  'wave.closed':
    | { waveId: string; audience: IdentifiedAudience; invited: number; answers: number }
    | { waveId: string; audience: 'EMPLOYEE'; invited: number | null; answers: number | null };
  /** A survey invitation's mail bounced (customer-type waves; an employee's link is never in a payload). */
  'invitation.bounced': { invitationId: string; waveId: string };
  /**
   * A contact was erased on request (survey/privacy): its id and its answers' ids, so consumers
   * forget what they hold of it (webhook deliveries lose the words; integrators delete their copy).
   */
  'contact.erased': { contactId: string; responseIds: string[] };
}

export type DomainEventType = keyof DomainEventPayloads;

export const DOMAIN_EVENT_TYPES = [
  'response.created',
  'followup.created',
  'followup.overdue',
  'followup.escalated',
  'followup.resolved',
  'improvement.status_changed',
  'wave.opened',
  'wave.closed',
  'invitation.bounced',
  'contact.erased',
] as const satisfies readonly DomainEventType[];

/** What a service publishes: one event of one organization. */
export type NewDomainEvent = {
  [K in DomainEventType]: { type: K; organizationId: string; payload: DomainEventPayloads[K] };
}[DomainEventType];

/** An event as stored and as consumers receive it. */
export type DomainEvent = {
  [K in DomainEventType]: { id: string; type: K; organizationId: string; payload: DomainEventPayloads[K]; occurredAt: string };
}[DomainEventType];

/** Narrows a DomainEvent to the types a consumer listens to. */
export type DomainEventOf<K extends DomainEventType> = Extract<DomainEvent, { type: K }>;
