import type { EntityManager } from 'typeorm';
import type { Logger } from '../logger.js';
import type { Config } from '../config.js';
import { createMailer, type Mailer } from './mailer.js';
import type { Role, Scope } from './policies.js';
import { DomainError, unauthenticated } from './errors.js';

/** Who is calling: a logged-in user or an integrator's API client, always of one organization. */
export interface Principal {
  kind: 'user' | 'api';
  /** The user's id, or the API client's row id. */
  id: string;
  organizationId: string;
  roles: Role[];
  scopes: Scope[];
  /** A user's login (its refresh tokens' family), from the access token: marks the current session in the list. */
  sessionId?: string;
}

/** What lives as long as the process: configuration, logging, outgoing mail. */
export interface AppServices {
  config: Config;
  logger: Logger;
  now(): Date;
  /** Outgoing mail: SMTP, or .eml files in the outbox folder. */
  mailer: Mailer;
}

/** The process's services: one set, shared by the HTTP server and the background jobs. */
export function createAppServices(config: Config, logger: Logger, mailer: Mailer = createMailer(config, logger)): AppServices {
  return { config, logger, now: () => new Date(), mailer };
}

/**
 * The DataLoaders of one request, each scoped to the caller's organization. The kernel knows no
 * feature, so this interface is empty here; the wiring (graphql/loaders.ts) adds every module's
 * loaders to it by declaration merging, and builds them per request.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

/** Builds a request's loaders for one organization (null: no caller, every loader finds nothing). */
export type LoaderFactory = (db: EntityManager, organizationId: string | null) => Loaders;

export interface Context {
  requestId: string;
  /** The caller's network address (req.ip, behind the trusted proxy), when the request came over HTTP (sessions, the audit log). */
  address?: string | null;
  /** The caller's User-Agent header, when the request came over HTTP (shown in a user's session list). */
  userAgent?: string | null;
  logger: Logger;
  app: AppServices;
  db: EntityManager;
  principal: Principal | null;
  /** Why the presented token was refused, reported only if the operation needs one. */
  authError: DomainError | null;
  loaders: Loaders;
  /** How this request's loaders are made, to make them again for a caller who just logged in. */
  createLoaders: LoaderFactory;
  /** The employee waves whose results this request read (noteEmployeeRead), for the audit log. */
  employeeReads?: Set<string>;
}

export function buildContext(input: Omit<Context, 'loaders'>): Context {
  return { ...input, loaders: input.createLoaders(input.db, input.principal?.organizationId ?? null) };
}

/** Marks that this request read employee results of these waves: the audit log records the read (platform/audit). */
export function noteEmployeeRead(ctx: Context, waveIds: readonly string[]): void {
  if (waveIds.length === 0) return;
  ctx.employeeReads ??= new Set();
  for (const id of waveIds) ctx.employeeReads.add(id);
}

/**
 * After login or refresh the rest of the request (the payload's user and its org unit) is read as
 * the user who just proved who they are, through loaders scoped to their organization.
 */
export function authenticateAs(ctx: Context, principal: Principal): void {
  ctx.principal = principal;
  ctx.authError = null;
  ctx.loaders = ctx.createLoaders(ctx.db, principal.organizationId);
}

/** The caller's organization. It comes from the token, never from an argument. */
export function orgOf(ctx: Context): string {
  if (!ctx.principal) throw ctx.authError ?? unauthenticated();
  return ctx.principal.organizationId;
}

export function userOf(ctx: Context): Principal {
  if (!ctx.principal) throw ctx.authError ?? unauthenticated();
  if (ctx.principal.kind !== 'user') throw unauthenticated('This needs a user login, not an API token');
  return ctx.principal;
}

/** The id background work acts under: no user has it, so nothing it writes can pass for a person's. */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Who scheduled work (a wave opening at its opensAt, a reminder rule, an escalation) acts as: the
 * organization itself, with an admin's reach over its own data and no API scopes. The wiring
 * (src/jobs.ts) builds a job's context with it; it never comes from a token.
 */
export function systemPrincipal(organizationId: string): Principal {
  return { kind: 'user', id: SYSTEM_USER_ID, organizationId, roles: ['ADMIN'], scopes: [] };
}
