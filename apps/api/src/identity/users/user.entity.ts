import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ROLES, type Role } from '../../kernel/policies.js';

export { ROLES, type Role };

/** A person who logs in. Holds a password hash, so the API exposes it only through UserType. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  @Column({ type: 'uuid', name: 'org_unit_id', nullable: true })
  orgUnitId: string | null;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', name: 'password_hash' })
  passwordHash: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ type: 'text' })
  language: string;

  @Column({ type: 'boolean' })
  active: boolean;

  /** The TOTP secret, encrypted (kernel/secret-box.ts, bound to the user id), from enrolment on; it guards logins once totpEnabledAt is set (identity/auth/totp-secrets.ts). */
  @Column({ type: 'text', name: 'totp_secret', nullable: true })
  totpSecret: string | null;

  @Column({ type: 'timestamptz', name: 'totp_enabled_at', nullable: true })
  totpEnabledAt: Date | null;

  /** The time step of the last code accepted: a code works once. */
  @Column({ type: 'bigint', name: 'totp_last_step', nullable: true })
  totpLastStep: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
