import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An organization's webhook endpoint. The secret signs its requests; it is shown once, at
 * registration or rotation, and stored sealed (secrets.ts). After a rotation the secret it replaced
 * signs too, until previousSecretExpiresAt.
 */
@Entity({ name: 'webhook_endpoints' })
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'text' })
  url: string;

  /** WebhookEvent names (RESPONSE_CREATED, ...). */
  @Column({ type: 'text', array: true })
  events: string[];

  /** Empty: every event; else only events in these units or below them. */
  @Column({ type: 'uuid', array: true, name: 'org_unit_ids' })
  orgUnitIds: string[];

  /** The signing secret sealed with SECRET_ENCRYPTION_KEY, bound to the id (`v1:...`; plain `whsec_...` when stored before encryption, until the server seals it). */
  @Column({ type: 'text' })
  secret: string;

  /** The secret a rotation replaced, sealed like `secret` (its own context); null outside a grace period. */
  @Column({ type: 'text', name: 'previous_secret', nullable: true })
  previousSecret: string | null;

  /** Until when deliveries are signed with the previous secret as well. */
  @Column({ type: 'timestamptz', name: 'previous_secret_expires_at', nullable: true })
  previousSecretExpiresAt: Date | null;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @Column({ type: 'timestamptz', name: 'failing_since', nullable: true })
  failingSince: Date | null;

  @Column({ type: 'timestamptz', name: 'disabled_at', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

/** One event for one endpoint: its body is fixed when it is written, so every try sends the same bytes. */
@Entity({ name: 'webhook_deliveries' })
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'endpoint_id' })
  endpointId: string;

  @Column({ type: 'text' })
  event: string;

  /** The domain event delivered; null for a test event. */
  @Column({ type: 'uuid', name: 'event_id', nullable: true })
  eventId: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ type: 'int', name: 'last_status_code', nullable: true })
  lastStatusCode: number | null;

  @Column({ type: 'int', name: 'last_latency_ms', nullable: true })
  lastLatencyMs: number | null;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', name: 'last_attempt_at', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ type: 'timestamptz', name: 'next_attempt_at', nullable: true })
  nextAttemptAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

@Entity({ name: 'webhook_attempts' })
export class WebhookAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'delivery_id' })
  deliveryId: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'int' })
  attempt: number;

  @Column({ type: 'int', name: 'status_code', nullable: true })
  statusCode: number | null;

  @Column({ type: 'int', name: 'latency_ms' })
  latencyMs: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'timestamptz', name: 'attempted_at' })
  attemptedAt: Date;
}
