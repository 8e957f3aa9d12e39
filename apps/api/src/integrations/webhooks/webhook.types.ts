import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../kernel/connection.js';
import { enumOf } from '../../kernel/enums.js';
import type { DomainEventType } from '../../platform/events/types.js';

export const WEBHOOK_EVENTS = [
  'RESPONSE_CREATED',
  'FOLLOWUP_CREATED',
  'FOLLOWUP_OVERDUE',
  'FOLLOWUP_ESCALATED',
  'FOLLOWUP_RESOLVED',
  'IMPROVEMENT_STATUS_CHANGED',
  'WAVE_OPENED',
  'WAVE_CLOSED',
  'CONTACT_ERASED',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const WebhookEventEnum = enumOf(WEBHOOK_EVENTS);
registerEnumType(WebhookEventEnum, {
  name: 'WebhookEvent',
  description: 'What a webhook endpoint can receive; the request body\'s "type" is the domain event\'s name (response.created, ...)',
  valuesConfig: {
    RESPONSE_CREATED: { description: 'A customer, candidate or associate answered; never an employee (employee answers are anonymous)' },
    CONTACT_ERASED: { description: 'A contact was erased on request: delete what you copied of it (data.contactId) and of its answers (data.responseIds)' },
  },
});

/** The domain event each webhook event is, and back. */
export const DOMAIN_TYPE_OF: Record<WebhookEvent, DomainEventType> = {
  RESPONSE_CREATED: 'response.created',
  FOLLOWUP_CREATED: 'followup.created',
  FOLLOWUP_OVERDUE: 'followup.overdue',
  FOLLOWUP_ESCALATED: 'followup.escalated',
  FOLLOWUP_RESOLVED: 'followup.resolved',
  IMPROVEMENT_STATUS_CHANGED: 'improvement.status_changed',
  WAVE_OPENED: 'wave.opened',
  WAVE_CLOSED: 'wave.closed',
  CONTACT_ERASED: 'contact.erased',
};
export const WEBHOOK_EVENT_OF = Object.fromEntries(Object.entries(DOMAIN_TYPE_OF).map(([k, v]) => [v, k])) as Partial<Record<DomainEventType, WebhookEvent>>;

export const DELIVERY_STATUSES = ['PENDING', 'SUCCEEDED', 'RETRYING', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DeliveryStatusEnum = enumOf(DELIVERY_STATUSES);
registerEnumType(DeliveryStatusEnum, {
  name: 'DeliveryStatus',
  description: 'PENDING: not tried yet; RETRYING: failed, tried again at nextAttemptAt; SUCCEEDED: answered 2xx; FAILED: failed on every try',
});

@ObjectType('WebhookDeliveryAttempt', { description: 'One try of a delivery' })
export class WebhookDeliveryAttempt {
  @Field(() => Int, { description: '1 for the first try' })
  attempt: number;

  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status; null when no answer came (timeout, refused, network error)" })
  statusCode: number | null;

  @Field(() => Int, { description: 'From sending the request to its answer or failure (ms)' })
  latencyMs: number;

  @Field(() => String, { nullable: true, description: 'Why it failed, when it did' })
  error: string | null;

  @Field(() => Date)
  attemptedAt: Date;
}

@ObjectType('WebhookDelivery', { description: 'One event for one endpoint, tried until the receiver answers 2xx' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'The webhook-id header: the same on every try and replay, for the receiver to deduplicate' })
  id: string;

  endpointId: string;

  @Field(() => WebhookEventEnum)
  event: WebhookEvent;

  @Field(() => DeliveryStatusEnum)
  status: DeliveryStatus;

  @Field(() => Int, { description: 'Tries so far' })
  attempts: number;

  @Field(() => Int, { nullable: true })
  lastStatusCode: number | null;

  @Field(() => Int, { nullable: true, description: "The last try's time to answer (ms)" })
  lastLatencyMs: number | null;

  @Field(() => String, { nullable: true, description: "The last try's failure" })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  lastAttemptAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it is tried next (PENDING and RETRYING)' })
  nextAttemptAt: Date | null;

  @Field(() => Date)
  createdAt: Date;
}

export const WebhookDeliveryConnection = ConnectionType('WebhookDelivery', WebhookDelivery);

@ObjectType('WebhookEndpoint', { description: "An organization's receiver of signed event requests" })
export class WebhookEndpoint {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  url: string;

  @Field(() => [WebhookEventEnum])
  events: WebhookEvent[];

  @Field(() => [ID], { description: 'Only events in these org units (and below) are sent; empty: every event. Events of no unit (waves) go to endpoints without a filter only.' })
  orgUnitIds: string[];

  @Field(() => Boolean, { description: 'False once it failed for 3 days in a row (its admins are told); nothing is sent to it then' })
  enabled: boolean;

  @Field(() => Date, { nullable: true })
  disabledAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'After rotateWebhookSecret: until when requests are signed with the previous secret as well (a second v1 signature); null outside that grace period',
  })
  previousSecretExpiresAt: Date | null;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType('WebhookEndpointSecret', { description: 'An endpoint with the signing secret it was just given (registration or rotation)' })
export class WebhookEndpointSecret {
  @Field(() => WebhookEndpoint)
  endpoint: WebhookEndpoint;

  @Field(() => String, { description: '"whsec_" + base64 of the key that signs the requests. Shown this once only.' })
  secret: string;
}

@InputType('CreateWebhookEndpointInput')
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: 'https (http only to loopback in development)' })
  url: string;

  @Field(() => [WebhookEventEnum], { description: 'At least one' })
  events: WebhookEvent[];

  @Field(() => [ID], { nullable: true, description: 'Only events in these org units and below them' })
  orgUnitIds?: string[] | null;
}
