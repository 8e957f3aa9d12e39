/**
 * Who may do what: the roles of a user, the scopes of an API client, and the named rule sets every
 * @Authorized line uses. A rule set names a capability ("who reads the board"), so a change of
 * policy is one edit here, and test/schema.test.ts shows its effect on every operation.
 */

/**
 * FEED is the light role of front-line and back-office staff: the feed of what they follow, its
 * follows, and their own account. Every other operation refuses a user whose only role is FEED;
 * ANY_USER means any user with a staff role (see isFeedOnly).
 */
export const ROLES = ['ADMIN', 'HR', 'CX', 'MANAGER', 'LEADER', 'FEED'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPES = ['responses:read', 'responses:write', 'contacts:write', 'analytics:read', 'waves:write', 'surveys:send'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * What an operation declares in @Authorized: the roles and API scopes that may call it, or
 * PUBLIC (no login: login itself, the respondent's survey link) or ANY_USER (any logged-in user
 * with a staff role: a user whose only role is FEED is refused; name FEED beside it to let them in).
 */
export type Rule = Role | Scope | 'PUBLIC' | 'ANY_USER';

/** The users who read every identified result (customers, candidates, associates) of the organization. */
export const IDENTIFIED_READERS: readonly Role[] = ['ADMIN', 'CX', 'LEADER'];

/** The users who read the whole organization's employee results, through the anonymity guard. */
export const EMPLOYEE_RESULT_READERS: readonly Role[] = ['HR', 'ADMIN', 'LEADER'];

/** The users who act on every contact, response and follow-up; a manager acts on their own only. */
export const FEEDBACK_OWNERS_OF_ALL: readonly Role[] = ['ADMIN', 'CX'];

export function hasAnyRole(principal: { kind: 'user' | 'api'; roles: readonly Role[] }, roles: readonly Role[]): boolean {
  return principal.kind === 'user' && principal.roles.some((role) => roles.includes(role));
}

/** A user holding FEED and no staff role: they pass only rules that name FEED. */
export function isFeedOnly(roles: readonly Role[]): boolean {
  return roles.length > 0 && roles.every((role) => role === 'FEED');
}

const rules = <T extends readonly Rule[]>(...list: T): T => list;

/** Named rule sets for @Authorized(...SET). */
export const ADMINS = rules('ADMIN');
/** The roles that may guard their login with a TOTP second factor (identity/auth/second-factor.ts). */
export const SECOND_FACTOR_HOLDERS = rules('ADMIN', 'HR');
/** Every caller with a token, a user's or an API client's whatever its scopes (viewer). */
export const EVERY_CALLER = rules('ANY_USER', 'FEED', ...SCOPES);
/** Their own account, notifications and preferences: every user, FEED included. */
export const ACCOUNT_HOLDERS = rules('ANY_USER', 'FEED');
/** The front-line feed, its follows and "contact this customer": FEED and the roles that read identified answers (not HR). */
export const FEED_READERS = rules('FEED', 'CX', 'ADMIN', 'LEADER', 'MANAGER');
export const STAFF = rules('ADMIN', 'CX', 'HR', 'LEADER', 'MANAGER');
export const SIGNED_IN_OR_ANALYTICS = rules('ANY_USER', 'analytics:read');
export const ORG_UNIT_READERS = rules('ANY_USER', 'analytics:read', 'contacts:write');
export const ORGANIZATION_READERS = rules('ANY_USER', 'analytics:read', 'responses:read', 'responses:write', 'contacts:write');
export const ROSTER_KEEPERS = rules('HR', 'ADMIN');
export const CONTACT_KEEPERS = rules('ADMIN', 'CX', 'MANAGER', 'contacts:write');
/**
 * Who learns what was erased (deletedSince): whoever keeps or reads contacts and answers (erased
 * contacts), and the roster's keepers (erased employees); survey/privacy/deleted-records.ts says which kinds each sees.
 */
export const DELETION_READERS = rules('ADMIN', 'CX', 'MANAGER', 'LEADER', 'HR', 'contacts:write', 'responses:read');
/** Batch upserts from an integrator's system: the whole book, so not managers. */
export const CONTACT_SYNCERS = rules('ADMIN', 'CX', 'contacts:write');
/** Who may upload an import file and follow their import jobs: the contact keepers and the roster keepers. */
export const IMPORTERS = rules('ADMIN', 'CX', 'MANAGER', 'HR', 'contacts:write');
/** Who invites to a wave and reminds it; an API client with waves:write invites contacts it names (never employees). */
export const INVITERS = rules('CX', 'ADMIN', 'MANAGER', 'HR', 'waves:write');
export const SURVEY_READERS = rules('ADMIN', 'CX', 'LEADER', 'MANAGER', 'HR', 'analytics:read', 'responses:read');
/** Who reads waves: the survey readers, and an API client that runs waves (it reads what it may manage). */
export const WAVE_READERS = rules(...SURVEY_READERS, 'waves:write');
export const COMMENT_READERS = rules('ADMIN', 'CX', 'LEADER', 'MANAGER', 'HR', 'responses:read');
export const WAVE_RUNNERS = rules('ADMIN', 'CX', 'HR', 'waves:write');
/** Who reports transactions to a transactional programme (triggerSurvey): an integrator's system, CX and admins. */
export const SURVEY_SENDERS = rules('ADMIN', 'CX', 'surveys:send');
export const RESPONSE_READERS = rules('CX', 'ADMIN', 'LEADER', 'MANAGER', 'responses:read');
export const FOLLOW_UP_READERS = rules('CX', 'ADMIN', 'LEADER', 'MANAGER', 'responses:read');
export const FEEDBACK_ACTORS = rules('ADMIN', 'CX', 'MANAGER');
/** Who moves a follow-up forward and notes it: the feedback actors, and a CRM through the API. */
export const FOLLOW_UP_ACTORS = rules('ADMIN', 'CX', 'MANAGER', 'responses:write');
export const THEME_EDITORS = rules('ADMIN', 'HR', 'CX');
export const REPORT_READERS = rules('ADMIN', 'CX', 'LEADER', 'MANAGER', 'HR', 'analytics:read');
export const EMPLOYEE_RELEASE_READERS = rules('HR', 'ADMIN', 'LEADER', 'analytics:read');
export const EMPLOYEE_COMMENT_READERS = rules('HR', 'ADMIN', 'LEADER', 'MANAGER');
/** Team discussion packs: HR (employee waves), CX (the others), LEADER and ADMIN (all), a MANAGER their own units' (reporting/team-packs). */
export const TEAM_PACK_READERS = rules('HR', 'CX', 'ADMIN', 'LEADER', 'MANAGER');
export const BOARD_READERS = rules('LEADER', 'ADMIN', 'CX', 'HR', 'analytics:read');
export const TARGET_SETTERS = rules('ADMIN', 'LEADER');
export const AWARD_FINALIZERS = rules('LEADER');
/** Every role reads improvements; LEADER only reads them. */
export const IMPROVEMENT_READERS = rules('CX', 'HR', 'MANAGER', 'LEADER', 'ADMIN');
export const IMPROVEMENT_EDITORS = rules('CX', 'HR', 'MANAGER', 'ADMIN');
export const OUTCOME_SHARERS = rules('CX', 'HR', 'ADMIN');
/** Who records a team's discussion of a wave (loop/discussions: the team in scope is checked by the service). */
export const DISCUSSION_RECORDERS = rules('MANAGER', 'HR', 'CX', 'ADMIN');
/** Who reads a team's discussion: the recorders (their scope) and LEADER. */
export const DISCUSSION_READERS = rules('MANAGER', 'HR', 'CX', 'ADMIN', 'LEADER');
/** Who reads which teams held their discussion per wave: HR (employee waves), CX (identified waves), ADMIN, LEADER. */
export const COVERAGE_READERS = rules('HR', 'CX', 'ADMIN', 'LEADER');
/** The programme news page: every staff role. */
export const NEWS_READERS = rules('ADMIN', 'CX', 'HR', 'LEADER', 'MANAGER');
