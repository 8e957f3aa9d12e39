import type { EntityManager } from 'typeorm';
import type { Context, Principal } from '../../kernel/context.js';
import { orgOf } from '../../kernel/context.js';
import { isUuid } from '../../kernel/batch.js';
import { paginate, searchPattern, type Connection, type PageArgs } from '../../kernel/connection.js';
import { badInput, forbidden, invalidState, notFound } from '../../kernel/errors.js';
import { WAVE_LANGUAGES, defaultQuestions, isWaveLanguage, textsIn, type WaveLanguage } from './default-questions.js';
import { isAnonymousAudience, manageableAudiences, readableAudiences } from './wave-access.js';
import { transition } from './wave-transition.js';
import { scheduleWave } from './wave-schedule.js';
import { publishWaveClosed } from './wave-events.js';
import { checkReminderRule } from './reminder-rule.js';
import { WaveQuestionEntity } from './wave-question.entity.js';
import { WaveEntity, type WaveStatus } from './wave.entity.js';
import type { CreateWaveInput, LocalizedTextInput, RatingQuestionInput, UpdateWaveInput, WaveFilter } from './wave.inputs.js';
import { WaveQuestionType, WaveType } from './wave.type.js';

const MAX_NAME = 200;
const MAX_TEXT = 500;
const MAX_RATINGS = 10;
const CRITERION = /^[a-z][a-z0-9_]{0,39}$/;

function callerOf(ctx: Context): Principal {
  orgOf(ctx);
  return ctx.principal!;
}

function refuseAudience(audience: WaveEntity['audience']): never {
  throw forbidden(
    isAnonymousAudience(audience)
      ? 'Only HR and admins run employee waves'
      : 'Only CX and admins run customer, candidate and associate waves',
  );
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The caller's waves, newest first, limited to the audiences their role may read. */
export function listWaves(ctx: Context, filter: WaveFilter, page: PageArgs): Promise<Connection<WaveType>> {
  const organizationId = orgOf(ctx);
  const audiences = [...readableAudiences(callerOf(ctx))];
  const qb = ctx.db.createQueryBuilder(WaveEntity, 'w').where('w.organization_id = :organizationId', { organizationId });
  if (audiences.length === 0) qb.andWhere('false');
  else qb.andWhere('w.audience IN (:...audiences)', { audiences });
  if (filter.audience) qb.andWhere('w.audience = :audience', { audience: filter.audience });
  if (filter.status) qb.andWhere('w.status = :status', { status: filter.status });
  if (filter.kind) qb.andWhere('w.kind = :kind', { kind: filter.kind });
  const search = searchPattern(filter.search);
  if (search) qb.andWhere(`(w.name ILIKE :search OR EXISTS (SELECT 1 FROM jsonb_each_text(w.public_titles) t WHERE t.value ILIKE :search))`, { search });
  return paginate(qb, page, { alias: 'w', time: 'createdAt' }, WaveType.from);
}

/** One wave, or null when it is unknown, another organization's, or of an audience the caller may not read. */
/** A wave by id: NOT_FOUND (like contact(id)) for an unknown one, another organization's, or one of an audience the caller does not read. */
export async function findWave(ctx: Context, id: string): Promise<WaveType> {
  const principal = callerOf(ctx);
  const wave = await ctx.loaders.wave.load(id);
  if (!wave || !readableAudiences(principal).has(wave.audience)) throw notFound('Wave');
  return WaveType.from(wave);
}

/** A wave the caller may change: NOT_FOUND when they cannot even see it, FORBIDDEN when they only read it. */
async function manageableWave(ctx: Context, id: string, field: string): Promise<WaveEntity> {
  const principal = callerOf(ctx);
  const wave = await ctx.loaders.wave.load(id);
  if (!wave || !readableAudiences(principal).has(wave.audience)) throw notFound('Wave', field);
  if (!manageableAudiences(principal).has(wave.audience)) refuseAudience(wave.audience);
  return wave;
}

// ---------------------------------------------------------------------------------------------
// Creating

function validateLanguages(languages: string[] | null | undefined): WaveLanguage[] {
  if (languages === null || languages === undefined) return [...WAVE_LANGUAGES];
  if (languages.length === 0) throw badInput('input.languages', 'List at least one language');
  const seen = new Set<string>();
  for (const language of languages) {
    if (!isWaveLanguage(language)) throw badInput('input.languages', `Unknown language "${language}"; use ${WAVE_LANGUAGES.join(', ')}`);
    if (seen.has(language)) throw badInput('input.languages', `Language "${language}" is listed twice`);
    seen.add(language);
  }
  return languages as WaveLanguage[];
}

/** Texts for exactly the wave's languages, each 1 to MAX_TEXT characters. */
function validateTexts(texts: LocalizedTextInput[], languages: readonly WaveLanguage[], field: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { language, text } of texts) {
    if (!(languages as readonly string[]).includes(language)) {
      throw badInput(field, `"${language}" is not one of the wave's languages (${languages.join(', ')})`);
    }
    if (language in result) throw badInput(field, `The text in "${language}" is given twice`);
    const trimmed = text.trim();
    if (trimmed.length === 0 || trimmed.length > MAX_TEXT) throw badInput(field, `The text in "${language}" must be 1 to ${MAX_TEXT} characters`);
    result[language] = trimmed;
  }
  const missing = languages.filter((language) => !(language in result));
  if (missing.length > 0) throw badInput(field, `Give the text in every language of the wave; missing: ${missing.join(', ')}`);
  return result;
}

function validateRatings(ratings: RatingQuestionInput[], languages: readonly WaveLanguage[]) {
  if (ratings.length > MAX_RATINGS) throw badInput('input.ratings', `At most ${MAX_RATINGS} extra ratings`);
  const criteria = new Set<string>();
  return ratings.map((rating, i) => {
    const field = `input.ratings[${i}]`;
    if (!CRITERION.test(rating.criterion)) {
      throw badInput(`${field}.criterion`, 'A criterion is 1 to 40 lowercase letters, digits or _, starting with a letter');
    }
    if (criteria.has(rating.criterion)) throw badInput(`${field}.criterion`, `Criterion "${rating.criterion}" is listed twice`);
    criteria.add(rating.criterion);
    return { criterion: rating.criterion, texts: validateTexts(rating.texts, languages, `${field}.texts`) };
  });
}

const MAX_TITLE = 200;

/** Public titles: some of the wave's languages, each at most MAX_TITLE characters; an empty text drops that language. */
function validateTitles(titles: LocalizedTextInput[], languages: readonly string[], field: string): Record<string, string> {
  const result: Record<string, string> = {};
  const seen = new Set<string>();
  for (const { language, text } of titles) {
    if (!languages.includes(language)) throw badInput(field, `"${language}" is not one of the wave's languages (${languages.join(', ')})`);
    if (seen.has(language)) throw badInput(field, `The title in "${language}" is given twice`);
    seen.add(language);
    const trimmed = text.trim();
    if (trimmed.length > MAX_TITLE) throw badInput(field, `The title in "${language}" must be at most ${MAX_TITLE} characters`);
    if (trimmed) result[language] = trimmed;
  }
  return result;
}

/** Replaces a wave's public survey titles, in any status (they are only what respondents read). */
export async function setWavePublicTitles(ctx: Context, waveId: string, titles: LocalizedTextInput[]): Promise<WaveType> {
  const wave = await manageableWave(ctx, waveId, 'waveId');
  const publicTitles = validateTitles(titles, wave.languages, 'titles');
  await ctx.db.update(WaveEntity, { id: wave.id, organizationId: wave.organizationId }, { publicTitles });
  const updated = { ...wave, publicTitles };
  ctx.loaders.wave.clear(wave.id).prime(wave.id, updated);
  return WaveType.from(updated);
}

/** What makes a wave a transactional programme (survey/transactions): created OPEN, it stays open. */
export interface ProgrammeShape {
  touchpoint: string;
  sendDelayMinutes: number;
}

/**
 * A DRAFT wave (or, given a programme's shape, an OPEN transactional programme) with the standard questions (likelihood to recommend, reason, suggestion) in each of
 * its languages, then the extra ratings. CX and admins create identified waves; HR and admins
 * employee waves, which are always anonymous.
 */
export async function createWave(ctx: Context, input: CreateWaveInput, programme?: ProgrammeShape): Promise<WaveType> {
  const organizationId = orgOf(ctx);
  const principal = callerOf(ctx);
  if (!manageableAudiences(principal).has(input.audience)) refuseAudience(input.audience);

  const name = input.name.trim();
  if (name.length === 0 || name.length > MAX_NAME) throw badInput('input.name', `The name must be 1 to ${MAX_NAME} characters`);
  const opensAt = input.opensAt ?? null;
  const closesAt = input.closesAt ?? null;
  if (opensAt && closesAt && closesAt.getTime() <= opensAt.getTime()) throw badInput('input.closesAt', 'closesAt must be after opensAt');
  const rule = checkReminderRule(input.reminderAfterDays, input.maxReminders);
  const languages = validateLanguages(input.languages);
  const ratings = validateRatings(input.ratings ?? [], languages);
  const publicTitles = validateTitles(input.publicTitles ?? [], languages, 'input.publicTitles');

  const questions = [
    ...defaultQuestions(input.audience).map((q) => ({ kind: q.kind, criterion: null, texts: textsIn(q.texts, languages) })),
    ...ratings.map((r) => ({ kind: 'RATING' as const, criterion: r.criterion, texts: r.texts })),
  ];
  return ctx.db.transaction(async (tx) => {
    const wave = await tx.save(
      WaveEntity,
      tx.create(WaveEntity, {
        organizationId,
        name,
        audience: input.audience,
        status: programme ? 'OPEN' : 'DRAFT',
        kind: programme ? 'TRANSACTIONAL' : 'WAVE',
        touchpoint: programme?.touchpoint ?? null,
        sendDelayMinutes: programme?.sendDelayMinutes ?? null,
        anonymous: isAnonymousAudience(input.audience),
        languages,
        publicTitles,
        opensAt,
        closesAt,
        reminderAfterDays: rule?.reminderAfterDays ?? null,
        maxReminders: rule?.maxReminders ?? null,
        openedAt: programme ? ctx.app.now() : null,
        closedAt: null,
        createdBy: principal.kind === 'user' ? principal.id : null,
      }),
    );
    await tx.insert(
      WaveQuestionEntity,
      questions.map((q, i) => ({ waveId: wave.id, position: i + 1, ...q })),
    );
    await scheduleWave(tx, wave, ctx.app.now());
    return WaveType.from(wave);
  });
}

// ---------------------------------------------------------------------------------------------
// Editing

/**
 * Changes a wave's name (any status), its dates and its reminder rule. opensAt only while it is a
 * draft; closesAt while it is a draft or open (when open, still to come); the rule until it closes.
 * Every value is checked before anything is written; a changed date is scheduled anew in the same
 * transaction (the job of the old date finds it changed and does nothing).
 */
export async function updateWave(ctx: Context, id: string, input: UpdateWaveInput): Promise<WaveType> {
  const wave = await manageableWave(ctx, id, 'id');
  const now = ctx.app.now();
  const changes: Partial<WaveEntity> = {};
  if (input.name !== undefined) {
    const name = (input.name ?? '').trim();
    if (name.length === 0 || name.length > MAX_NAME) throw badInput('input.name', `The name must be 1 to ${MAX_NAME} characters`);
    changes.name = name;
  }
  if (input.opensAt !== undefined) {
    if (wave.status !== 'DRAFT') throw invalidState(`opensAt can be changed only while the wave is a draft; this wave is ${wave.status}`, 'input.opensAt');
    changes.opensAt = input.opensAt;
  }
  if (input.closesAt !== undefined) {
    if (wave.status === 'CLOSED') throw invalidState('This wave is closed; its closing time cannot change', 'input.closesAt');
    if (wave.status === 'OPEN' && input.closesAt && input.closesAt <= now) throw badInput('input.closesAt', 'An open wave can only be given a closing time still to come');
    changes.closesAt = input.closesAt;
  }
  const opensAt = changes.opensAt !== undefined ? changes.opensAt : wave.opensAt;
  const closesAt = changes.closesAt !== undefined ? changes.closesAt : wave.closesAt;
  if ((changes.opensAt !== undefined || changes.closesAt !== undefined) && opensAt && closesAt && closesAt <= opensAt) {
    throw badInput(changes.closesAt !== undefined ? 'input.closesAt' : 'input.opensAt', 'closesAt must be after opensAt');
  }
  if (input.reminderAfterDays !== undefined || input.maxReminders !== undefined) {
    const rule = checkReminderRule(
      input.reminderAfterDays !== undefined ? input.reminderAfterDays : wave.reminderAfterDays,
      input.maxReminders !== undefined ? input.maxReminders : wave.maxReminders,
    );
    if (wave.status === 'CLOSED') throw invalidState('This wave is closed; it sends no more reminders', 'input.reminderAfterDays');
    changes.reminderAfterDays = rule?.reminderAfterDays ?? null;
    changes.maxReminders = rule?.maxReminders ?? null;
  }
  if (Object.keys(changes).length === 0) throw badInput('input', 'Give at least one field to change');
  const updated = await ctx.db.transaction(async (tx) => {
    // Only while the wave is still in the status the checks saw: a concurrent move wins.
    const result = await tx
      .createQueryBuilder()
      .update(WaveEntity)
      .set(changes)
      .where('id = :id AND organization_id = :organizationId AND status = :status', { id: wave.id, organizationId: wave.organizationId, status: wave.status })
      .execute();
    if (!result.affected) throw invalidState('This wave was just opened or closed; look at it again', 'id');
    const row = await tx.findOneByOrFail(WaveEntity, { id: wave.id, organizationId: wave.organizationId });
    if (changes.opensAt !== undefined || changes.closesAt !== undefined) await scheduleWave(tx, row, now);
    return row;
  });
  ctx.loaders.wave.clear(wave.id).prime(wave.id, updated);
  ctx.logger.info({ event: 'wave.updated', waveId: wave.id, fields: Object.keys(changes) }, 'wave updated');
  return WaveType.from(updated);
}

// ---------------------------------------------------------------------------------------------
// Status: DRAFT → OPEN → CLOSED

function refusal(current: WaveStatus, target: 'OPEN' | 'CLOSED'): string {
  if (current === 'CLOSED') return target === 'OPEN' ? 'This wave is already closed; a closed wave cannot be opened again' : 'This wave is already closed';
  if (current === 'OPEN') return 'This wave is already open';
  return 'This wave is still a draft; open it before closing it';
}

async function move(ctx: Context, id: string, target: 'OPEN' | 'CLOSED'): Promise<WaveType> {
  const wave = await manageableWave(ctx, id, 'id');
  const from: WaveStatus = target === 'OPEN' ? 'DRAFT' : 'OPEN';
  if (wave.status !== from) throw invalidState(refusal(wave.status, target));
  const moved = await transition(ctx, wave, target);
  const updated = await ctx.db.findOneByOrFail(WaveEntity, { id: wave.id, organizationId: wave.organizationId });
  if (!moved) throw invalidState(refusal(updated.status, target));
  ctx.loaders.wave.clear(wave.id).prime(wave.id, updated);
  return WaveType.from(updated);
}

export const openWave = (ctx: Context, id: string) => move(ctx, id, 'OPEN');
export const closeWave = (ctx: Context, id: string) => move(ctx, id, 'CLOSED');

// ---------------------------------------------------------------------------------------------
// Question texts

/** Changes one question's text in one of the wave's languages, while the wave is a draft. */
export async function setQuestionText(
  ctx: Context,
  waveId: string,
  questionId: string,
  language: string,
  text: string,
): Promise<WaveQuestionType> {
  const wave = await manageableWave(ctx, waveId, 'waveId');
  if (!wave.languages.includes(language)) {
    throw badInput('language', `"${language}" is not one of this wave's languages (${wave.languages.join(', ')})`);
  }
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_TEXT) throw badInput('text', `The text must be 1 to ${MAX_TEXT} characters`);
  const question = isUuid(questionId) ? await ctx.db.findOneBy(WaveQuestionEntity, { id: questionId, waveId: wave.id }) : null;
  if (!question) throw notFound('Question', 'questionId');
  const draftOnly = (status: string) => invalidState(`Question texts can be changed only while the wave is a draft; this wave is ${status}`);
  if (wave.status !== 'DRAFT') throw draftOnly(wave.status.toLowerCase());
  const [updated]: [{ id: string }[], number] = await ctx.db.query(
    `UPDATE wave_questions q
        SET texts = jsonb_set(q.texts, ARRAY[$3::text], to_jsonb($4::text))
       FROM waves w
      WHERE q.id = $1 AND q.wave_id = w.id AND w.id = $2 AND w.organization_id = $5 AND w.status = 'DRAFT'
      RETURNING q.id`,
    [question.id, wave.id, language, trimmed, wave.organizationId],
  );
  if (updated.length === 0) throw draftOnly('no longer a draft');
  return WaveQuestionType.from({ ...question, texts: { ...question.texts, [language]: trimmed } });
}

/**
 * Closes an employee wave whose time is up (its closesAt passed while it was OPEN), under the wave's
 * row lock, publishing wave.closed: the anonymity guard's release asks before it releases, whether
 * the release runs as the job scheduled at closesAt or on the first read after it. True when the
 * wave is (now) closed.
 */
export async function closeEmployeeWaveIfDue(db: EntityManager, organizationId: string, waveId: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [wave]: { status: string; due: boolean }[] = await tx.query(
      `SELECT status, (closes_at IS NOT NULL AND closes_at <= $3) AS due FROM waves
        WHERE id = $1 AND organization_id = $2 AND audience = 'EMPLOYEE' FOR UPDATE`,
      [waveId, organizationId, now],
    );
    if (!wave) return false;
    if (wave.status === 'CLOSED') return true;
    if (wave.status !== 'OPEN' || !wave.due) return false;
    await tx.query(`UPDATE waves SET status = 'CLOSED', closed_at = coalesce(closes_at, $2) WHERE id = $1`, [waveId, now]);
    await publishWaveClosed(tx, { id: waveId, organizationId, audience: 'EMPLOYEE' });
    return true;
  });
}
