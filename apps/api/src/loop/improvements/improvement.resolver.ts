import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { ImprovementStatusEnum, type ImprovementStatus } from './improvement.enums.js';
import { FollowUpType } from '../../survey/follow-ups/follow-up.types.js';
import { OrgUnitEntity } from '../../identity/org-units/org-unit.entity.js';
import { ResponseType } from '../../survey/responses/response.types.js';
import { ThemeType } from '../../survey/themes/theme.type.js';
import { UserType } from '../../identity/users/user.type.js';
import { readableAudiences } from '../../survey/waves/wave-access.js';
import { WaveStages, WaveType } from '../../survey/waves/wave.type.js';
import { createImprovementFromFollowUp } from './from-follow-up.service.js';
import { feedbackOwnerScope, mayEdit } from './improvement-access.js';
import { NEXT_STATUSES } from './improvement-status.js';
import { improvementEffect } from './improvement-effect.service.js';
import { themeOf } from './improvement.loader.js';
import { createImprovement, getImprovement, linkFeedback, listImprovements, setImprovementStatus, updateImprovement } from './improvement.service.js';
import {
  CreateImprovementInput,
  ImprovementConnection,
  ImprovementEffectType,
  ImprovementEventType,
  ImprovementFilter,
  ImprovementType,
  ImprovementWaveInput,
  ImprovementWaveType,
  UpdateImprovementInput,
} from './improvement.types.js';
import { shareWaveOutcome, youSaidWeDid, YouSaidWeDid } from './you-said-we-did.js';
import { waveStages } from './wave-stages.js';
import { IMPROVEMENT_EDITORS, IMPROVEMENT_READERS, OUTCOME_SHARERS } from '../../kernel/policies.js';

@Resolver(() => ImprovementType)
export class ImprovementResolver {
  @Authorized(...IMPROVEMENT_READERS)
  @Query(() => ImprovementConnection, { description: "The organization's improvements, newest first" })
  improvements(
    @Arg('filter', () => ImprovementFilter, { nullable: true }) filter: ImprovementFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return listImprovements(ctx, filter, { first, after });
  }

  @Authorized(...IMPROVEMENT_READERS)
  @Query(() => ImprovementType, { nullable: true, description: 'One improvement; null when unknown' })
  improvement(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return getImprovement(ctx, id);
  }

  @Authorized(...IMPROVEMENT_EDITORS)
  @Mutation(() => ImprovementType, { description: 'Log an improvement (PROPOSED) with the feedback behind it' })
  createImprovement(@Arg('input', () => CreateImprovementInput) input: CreateImprovementInput, @Ctx() ctx: Context) {
    return createImprovement(ctx, input);
  }

  @Authorized(...IMPROVEMENT_EDITORS)
  @Mutation(() => ImprovementType, { description: "Edit an improvement's fields (a MANAGER: only their own)" })
  updateImprovement(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateImprovementInput) input: UpdateImprovementInput, @Ctx() ctx: Context) {
    return updateImprovement(ctx, id, input);
  }

  @Authorized(...IMPROVEMENT_EDITORS)
  @Mutation(() => ImprovementType, { description: 'Move an improvement one step (or to REJECTED from an open state), recorded with the note' })
  setImprovementStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => ImprovementStatusEnum) status: ImprovementStatus,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    return setImprovementStatus(ctx, id, status, note);
  }

  @Authorized(...IMPROVEMENT_EDITORS)
  @Mutation(() => ImprovementType, { description: 'Link more feedback to an improvement: identified responses and follow-ups, themes, waves (employee feedback: a wave, optionally with an org unit)' })
  linkFeedback(
    @Arg('improvementId', () => ID) improvementId: string,
    @Arg('responseIds', () => [ID], { nullable: true }) responseIds: string[] | null,
    @Arg('themeIds', () => [ID], { nullable: true }) themeIds: string[] | null,
    @Arg('followUpIds', () => [ID], { nullable: true }) followUpIds: string[] | null,
    @Arg('waves', () => [ImprovementWaveInput], { nullable: true }) waves: ImprovementWaveInput[] | null,
    @Ctx() ctx: Context,
  ) {
    return linkFeedback(ctx, improvementId, { responseIds, themeIds, followUpIds, waves });
  }

  @Authorized(...IMPROVEMENT_EDITORS)
  @Mutation(() => ImprovementType, { description: "Turn a follow-up into an improvement: its owner, the response's org unit, audience, wave and themes, linked" })
  createImprovementFromFollowUp(
    @Arg('followUpId', () => ID) followUpId: string,
    @Arg('title', () => String, { nullable: true }) title: string | null,
    @Ctx() ctx: Context,
  ) {
    return createImprovementFromFollowUp(ctx, followUpId, title);
  }

  @Authorized(...OUTCOME_SHARERS)
  @Mutation(() => String, { description: 'The path of the wave\'s public "you said, we did" page (/you-said-we-did/<token>); the same for the same wave' })
  shareWaveOutcome(@Arg('waveId', () => ID) waveId: string, @Ctx() ctx: Context) {
    return shareWaveOutcome(ctx, waveId);
  }

  @Authorized('PUBLIC')
  @Query(() => YouSaidWeDid, { nullable: true, description: 'Public, no login: a wave\'s implemented improvements behind its share token; null for an unknown token' })
  youSaidWeDid(@Arg('token', () => String) token: string, @Arg('language', () => String, { nullable: true }) language: string | null, @Ctx() ctx: Context) {
    return youSaidWeDid(ctx, token, language);
  }

  @FieldResolver(() => UserType, { nullable: true })
  async owner(@Root() improvement: ImprovementType, @Ctx() ctx: Context): Promise<UserType | null> {
    const user = improvement.ownerId ? await ctx.loaders.user.load(improvement.ownerId) : null;
    return user ? UserType.from(user) : null;
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who logged it' })
  async createdBy(@Root() improvement: ImprovementType, @Ctx() ctx: Context): Promise<UserType | null> {
    const user = improvement.createdById ? await ctx.loaders.user.load(improvement.createdById) : null;
    return user ? UserType.from(user) : null;
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true })
  orgUnit(@Root() improvement: ImprovementType, @Ctx() ctx: Context) {
    return improvement.orgUnitId ? ctx.loaders.orgUnit.load(improvement.orgUnitId) : null;
  }

  @FieldResolver(() => [ThemeType])
  async themes(@Root() improvement: ImprovementType, @Ctx() ctx: Context): Promise<ThemeType[]> {
    return (await ctx.loaders.improvements.themes.load(improvement.id)).map(themeOf);
  }

  @FieldResolver(() => [ResponseType], { description: "Linked identified responses the caller may see (a MANAGER: their own contacts'). Never an employee answer." })
  async responses(@Root() improvement: ImprovementType, @Ctx() ctx: Context): Promise<ResponseType[]> {
    const own = feedbackOwnerScope(ctx);
    const rows = await ctx.loaders.improvements.responses.load(improvement.id);
    return rows.filter((r) => !own || r.ownerId === own).map(ResponseType.from);
  }

  @FieldResolver(() => [FollowUpType], { description: 'Linked follow-ups the caller may see (a MANAGER: their own)' })
  async followUps(@Root() improvement: ImprovementType, @Ctx() ctx: Context): Promise<FollowUpType[]> {
    const own = feedbackOwnerScope(ctx);
    const now = ctx.app.now();
    const rows = await ctx.loaders.improvements.followUps.load(improvement.id);
    return rows.filter((f) => !own || f.ownerId === own).map((f) => FollowUpType.from(f, now));
  }

  @FieldResolver(() => [ImprovementWaveType], { description: 'Waves linked as a whole or with an org unit (those the caller may read)' })
  async waves(@Root() improvement: ImprovementType, @Ctx() ctx: Context): Promise<ImprovementWaveType[]> {
    const links = await ctx.loaders.improvements.waves.load(improvement.id);
    const waves = await ctx.loaders.wave.loadMany(links.map((l) => l.waveId));
    const readable = readableAudiences(ctx.principal!);
    return links
      .filter((_, i) => {
        const wave = waves[i];
        return wave && !(wave instanceof Error) && readable.has(wave.audience);
      })
      .map((l) => Object.assign(new ImprovementWaveType(), { waveId: l.waveId, orgUnitId: l.orgUnitId }));
  }

  @FieldResolver(() => [ImprovementStatusEnum], {
    description: 'The statuses the caller may move it to now (setImprovementStatus): empty when it is final or the caller may not edit it',
  })
  nextStatuses(@Root() improvement: ImprovementType, @Ctx() ctx: Context): ImprovementStatus[] {
    return mayEdit(ctx, { ownerId: improvement.ownerId, createdBy: improvement.createdById }) ? [...NEXT_STATUSES[improvement.status]] : [];
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller may edit it (updateImprovement): CX and ADMIN always, a MANAGER their own' })
  canEdit(@Root() improvement: ImprovementType, @Ctx() ctx: Context): boolean {
    return mayEdit(ctx, { ownerId: improvement.ownerId, createdBy: improvement.createdById });
  }

  @FieldResolver(() => [ImprovementEventType], { description: 'Every status change, oldest first, starting with its creation' })
  async history(@Root() improvement: ImprovementType, @Ctx() ctx: Context): Promise<ImprovementEventType[]> {
    return (await ctx.loaders.improvements.events.load(improvement.id)).map(ImprovementEventType.from);
  }

  @FieldResolver(() => ImprovementEffectType, {
    nullable: true,
    description: 'Null until IMPLEMENTED, or when the caller may not read the targeted results. A few statements each: ask for it on one improvement, not on a list',
  })
  async effect(@Root() improvement: ImprovementType, @Ctx() ctx: Context): Promise<ImprovementEffectType | null> {
    if (!improvement.implementedAt) return null;
    const themes = await ctx.loaders.improvements.themes.load(improvement.id);
    return improvementEffect(ctx, improvement, themes.map((t) => t.id));
  }
}

@Resolver(() => ImprovementWaveType)
export class ImprovementWaveResolver {
  @FieldResolver(() => WaveType)
  async wave(@Root() link: ImprovementWaveType, @Ctx() ctx: Context): Promise<WaveType> {
    const wave = await ctx.loaders.wave.load(link.waveId);
    if (!wave) throw new Error(`wave ${link.waveId} is missing`);
    return WaveType.from(wave);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true, description: 'The org unit of the wave the link narrows to; null: the whole wave' })
  orgUnit(@Root() link: ImprovementWaveType, @Ctx() ctx: Context) {
    return link.orgUnitId ? ctx.loaders.orgUnit.load(link.orgUnitId) : null;
  }
}

@Resolver(() => ImprovementEventType)
export class ImprovementEventResolver {
  @FieldResolver(() => UserType, { nullable: true })
  async by(@Root() event: ImprovementEventType, @Ctx() ctx: Context): Promise<UserType | null> {
    const user = event.byId ? await ctx.loaders.user.load(event.byId) : null;
    return user ? UserType.from(user) : null;
  }
}

/** Wave.stages: the survey cycle's four stages, the last of which is this module's improvements. */
@Resolver(() => WaveType)
export class WaveStagesResolver {
  @FieldResolver(() => WaveStages)
  stages(@Root() wave: WaveType, @Ctx() ctx: Context) {
    return waveStages(ctx, wave);
  }
}
