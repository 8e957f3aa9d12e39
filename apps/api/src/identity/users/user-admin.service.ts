import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../kernel/pg-errors.js';
import { orgOf, userOf, type Context } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { badInput, badInputOf, conflict, invalidState, notFound } from '../../kernel/errors.js';
import { hashSecret } from '../../kernel/passwords.js';
import { checkNewPassword } from './password-rules.js';
import { currentOrganization } from '../organizations/organization.service.js';
import { checkEmail, checkLanguage, checkName } from '../people/person-fields.js';
import { hashLinkToken, isLinkToken, issueLink, mailLink, type LinkPurpose } from './password-links.js';
import { UserEntity, type Role } from './user.entity.js';
import { ManagedUser, type InviteUserInput, type PasswordLinkType, type UpdateUserInput } from './user-admin.types.js';
import { revokeSessions } from './sessions.js';

/**
 * Users as an admin manages them (issue 15, item 3): invite by mail with a set-password link,
 * change name, roles and org unit, deactivate and reactivate, and reset a password by a mailed
 * single-use link. Every id is the caller's organization's (another organization's answers
 * NOT_FOUND, like an unknown id). The organization always keeps one active admin who can log in.
 */

/** A user asking for reset links is mailed at most once in this many minutes. */
const RESET_COOLDOWN_MINUTES = 5;

export async function listManagedUsers(ctx: Context): Promise<ManagedUser[]> {
  const users = await ctx.db.find(UserEntity, { where: { organizationId: orgOf(ctx) }, order: { name: 'ASC', email: 'ASC' } });
  return users.map(ManagedUser.from);
}

async function findUser(db: EntityManager, organizationId: string, id: string, lock = false): Promise<UserEntity> {
  const qb = db.createQueryBuilder(UserEntity, 'u').where('u.organization_id = :organizationId AND u.id = :id', { organizationId, id });
  if (lock) qb.setLock('pessimistic_write');
  const user = isUuid(id) ? await qb.getOne() : null;
  if (!user) throw notFound('User');
  return user;
}

function checkRoles(roles: Role[], field: string): Role[] {
  const unique = [...new Set(roles)];
  if (unique.length === 0) throw badInput(field, 'Give the user at least one role');
  return unique;
}

async function checkOrgUnit(db: EntityManager, organizationId: string, id: string | null | undefined, field: string): Promise<string | null> {
  if (!id) return null;
  const rows: unknown[] = isUuid(id) ? await db.query(`SELECT 1 FROM org_units WHERE organization_id = $1 AND id = $2`, [organizationId, id]) : [];
  if (rows.length === 0) throw notFound('Org unit', field);
  return id.toLowerCase();
}

/** Refuses a change that would leave the organization without an active admin who can log in. */
async function keepAnAdmin(tx: EntityManager, organizationId: string, changedId: string, stillAdmin: boolean): Promise<void> {
  if (stillAdmin) return;
  const [{ count }]: { count: number }[] = await tx.query(
    `SELECT count(*)::int AS count FROM users
      WHERE organization_id = $1 AND id <> $2 AND active AND password_hash <> '' AND 'ADMIN' = ANY(roles)`,
    [organizationId, changedId],
  );
  if (count === 0) throw invalidState('The organization needs at least one active admin; make someone else an admin first', 'roles');
}

/** Creates the user without a password and mails them a link to set one (valid 7 days). */
export async function inviteUser(ctx: Context, input: InviteUserInput): Promise<ManagedUser> {
  const organizationId = orgOf(ctx);
  const inviter = userOf(ctx);
  const email = checkEmail(input.email, { quote: true });
  if (email.problem) throw badInputOf('input.email', email.problem);
  const name = checkName(input.name);
  if (name.problem) throw badInputOf('input.name', name.problem);
  const language = checkLanguage(input.language);
  if (language.problem) throw badInputOf('input.language', language.problem);
  const roles = checkRoles(input.roles, 'input.roles');
  const now = ctx.app.now();
  let created: { user: UserEntity; token: string };
  try {
    created = await ctx.db.transaction(async (tx) => {
      const orgUnitId = await checkOrgUnit(tx, organizationId, input.orgUnitId, 'input.orgUnitId');
      // A login names only an email, so an email is one user across all organizations.
      if (await tx.existsBy(UserEntity, { email: email.value! })) throw conflict('input.email', 'A user with this email already exists');
      const user = await tx.save(
        UserEntity,
        tx.create(UserEntity, { organizationId, orgUnitId, email: email.value!, name: name.value!, roles, language: language.value!, passwordHash: '', active: true }),
      );
      return { user, token: await issueLink(tx, user, 'INVITE', now) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('input.email', 'A user with this email already exists');
    throw error;
  }
  const organization = await currentOrganization(ctx);
  const by = (await ctx.db.findOneBy(UserEntity, { id: inviter.id }))?.name ?? organization.name;
  await mailLink(ctx.app, created.user, 'INVITE', created.token, organization.name, by);
  ctx.logger.info({ event: 'user.invited', userId: created.user.id }, 'user invited');
  return ManagedUser.from(created.user);
}

export async function updateUser(ctx: Context, id: string, input: UpdateUserInput): Promise<ManagedUser> {
  const organizationId = orgOf(ctx);
  const name = input.name != null ? checkName(input.name) : null;
  if (name?.problem) throw badInputOf('input.name', name.problem);
  const language = input.language != null ? checkLanguage(input.language) : null;
  if (language?.problem) throw badInputOf('input.language', language.problem);
  const roles = input.roles != null ? checkRoles(input.roles, 'input.roles') : null;
  if (input.clearOrgUnit && input.orgUnitId) throw badInput('input.clearOrgUnit', 'Give orgUnitId or clearOrgUnit, not both');
  const user = await ctx.db.transaction(async (tx) => {
    await tx.query(`SELECT 1 FROM organizations WHERE id = $1 FOR NO KEY UPDATE`, [organizationId]);
    const user = await findUser(tx, organizationId, id, true);
    const orgUnitId = input.orgUnitId ? await checkOrgUnit(tx, organizationId, input.orgUnitId, 'input.orgUnitId') : input.clearOrgUnit ? null : user.orgUnitId;
    if (roles && user.roles.includes('ADMIN') && user.active) await keepAnAdmin(tx, organizationId, user.id, roles.includes('ADMIN'));
    await tx.update(UserEntity, { id: user.id }, { name: name?.value ?? user.name, language: language?.value ?? user.language, roles: roles ?? user.roles, orgUnitId });
    return tx.findOneByOrFail(UserEntity, { id: user.id });
  });
  ctx.logger.info({ event: 'user.updated', userId: user.id }, 'user updated');
  return ManagedUser.from(user);
}

/**
 * Deactivated users cannot log in: their refresh tokens and unused links are revoked at once (an
 * access token already issued lives out its few minutes). Nobody deactivates themselves, and the
 * last active admin stays. Reactivating gives the login back with the same password.
 */
export async function setUserActive(ctx: Context, id: string, active: boolean): Promise<ManagedUser> {
  const organizationId = orgOf(ctx);
  const me = userOf(ctx);
  if (!active && id.toLowerCase() === me.id) throw badInput('id', 'You cannot deactivate yourself');
  const now = ctx.app.now();
  const user = await ctx.db.transaction(async (tx) => {
    await tx.query(`SELECT 1 FROM organizations WHERE id = $1 FOR NO KEY UPDATE`, [organizationId]);
    const user = await findUser(tx, organizationId, id, true);
    if (!active && user.active && user.roles.includes('ADMIN')) await keepAnAdmin(tx, organizationId, user.id, false);
    await tx.update(UserEntity, { id: user.id }, { active });
    if (!active) {
      await revokeSessions(tx, user.id, now);
      await tx.query(`UPDATE password_links SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`, [user.id, now]);
    }
    return tx.findOneByOrFail(UserEntity, { id: user.id });
  });
  ctx.logger.info({ event: active ? 'user.reactivated' : 'user.deactivated', userId: user.id }, active ? 'user reactivated' : 'user deactivated');
  return ManagedUser.from(user);
}

/**
 * An admin sends a user a link: a new invitation when they never set a password, else a password
 * reset. The password is not changed until the link is used. A deactivated user gets nothing.
 */
export async function sendPasswordLink(ctx: Context, id: string): Promise<ManagedUser> {
  const organizationId = orgOf(ctx);
  const user = await findUser(ctx.db, organizationId, id);
  if (!user.active) throw invalidState('This user is deactivated; reactivate them first', 'id');
  const purpose: LinkPurpose = user.passwordHash === '' ? 'INVITE' : 'RESET';
  const token = await ctx.db.transaction((tx) => issueLink(tx, user, purpose, ctx.app.now()));
  const organization = await currentOrganization(ctx);
  await mailLink(ctx.app, user, purpose, token, organization.name, organization.name);
  ctx.logger.info({ event: 'user.password_link', userId: user.id, purpose }, 'password link sent');
  return ManagedUser.from(user);
}

/**
 * "Forgot password" on the login page: always answers true, so it tells nobody whether an email
 * has an account. An active user with a password gets a reset link, at most one per few minutes.
 */
export async function requestPasswordReset(ctx: Context, email: string): Promise<boolean> {
  const address = email.trim().toLowerCase();
  const user = address ? await ctx.db.findOneBy(UserEntity, { email: address, active: true }) : null;
  if (!user || user.passwordHash === '') return true;
  const now = ctx.app.now();
  const token = await ctx.db.transaction(async (tx) => {
    const [{ recent }]: { recent: boolean }[] = await tx.query(
      `SELECT EXISTS (SELECT 1 FROM password_links WHERE user_id = $1 AND created_at > $2::timestamptz - make_interval(mins => $3::int)) AS recent`,
      [user.id, now, RESET_COOLDOWN_MINUTES],
    );
    return recent ? null : issueLink(tx, user, 'RESET', now);
  });
  if (token) {
    const organization = await ctx.db.query(`SELECT name FROM organizations WHERE id = $1`, [user.organizationId]);
    await mailLink(ctx.app, user, 'RESET', token, organization[0].name).catch(() => undefined);
  }
  return true;
}

async function liveLink(db: EntityManager, token: string, now: Date, lock: boolean) {
  if (!isLinkToken(token)) return null;
  const rows: { id: string; user_id: string; purpose: string; expires_at: Date }[] = await db.query(
    `SELECT l.id, l.user_id, l.purpose, l.expires_at
       FROM password_links l JOIN users u ON u.id = l.user_id
      WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.expires_at > $2 AND u.active
      ${lock ? 'FOR UPDATE OF l' : ''}`,
    [hashLinkToken(token), now],
  );
  return rows[0] ?? null;
}

const linkInvalid = () => badInput('token', 'This link is not valid: it was used already, has expired, or a newer one was sent');

/** What a link is for, so its page can greet the user; null when it cannot be used. */
export async function passwordLink(ctx: Context, token: string): Promise<PasswordLinkType | null> {
  const link = await liveLink(ctx.db, token, ctx.app.now(), false);
  if (!link) return null;
  const user = await ctx.db.findOneByOrFail(UserEntity, { id: link.user_id });
  return { purpose: link.purpose, name: user.name, language: user.language, expiresAt: link.expires_at };
}

/**
 * Uses a link: sets the password, spends the link (and any other of the user's), and ends every
 * login of the user. BAD_USER_INPUT on `token` for a used, expired or unknown link, on
 * `password` for a password too short or too long; nothing changes then.
 */
export async function setPasswordWithLink(ctx: Context, token: string, password: string): Promise<boolean> {
  checkNewPassword(password, null);
  const hash = await hashSecret(password);
  const now = ctx.app.now();
  const userId = await ctx.db.transaction(async (tx) => {
    const link = await liveLink(tx, token, now, true);
    if (!link) throw linkInvalid();
    const [{ email }] = (await tx.query(`SELECT email FROM users WHERE id = $1`, [link.user_id])) as { email: string }[];
    checkNewPassword(password, email);
    await tx.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [link.user_id, hash]);
    await tx.query(`UPDATE password_links SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`, [link.user_id, now]);
    await revokeSessions(tx, link.user_id, now);
    return link.user_id;
  });
  ctx.logger.info({ event: 'user.password_set', userId }, 'password set with a link');
  return true;
}
