import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { SCOPES, type Scope } from '../../kernel/policies.js';

/** The scopes an integrator's token can carry (kernel/policies.ts). */
export { SCOPES, type Scope };

/** An integrator: exchanges client id and secret (stored as a scrypt hash) for a scoped JWT. */
@Entity({ name: 'api_clients' })
export class ApiClientEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', name: 'client_id' })
  clientId: string;

  @Column({ type: 'text', name: 'secret_hash' })
  secretHash: string;

  /** The secret before the last rotation, accepted until previousSecretExpiresAt. */
  @Column({ type: 'text', name: 'previous_secret_hash', nullable: true })
  previousSecretHash: string | null;

  @Column({ type: 'timestamptz', name: 'previous_secret_expires_at', nullable: true })
  previousSecretExpiresAt: Date | null;

  /** The client's last token or request, to the minute (api-client-use.ts). */
  @Column({ type: 'timestamptz', name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'text', array: true })
  scopes: Scope[];

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
