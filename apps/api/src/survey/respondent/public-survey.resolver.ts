import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { PublicSurvey, RespondentPage, ResponseInput, SubmitResult } from './public-survey.types.js';
import { respondentPage, submitResponse, surveyByToken, unsubscribe } from './public-survey.service.js';

/** The respondent's side: no login, the token from the mail is the key. */
@Resolver()
export class PublicSurveyResolver {
  @Authorized('PUBLIC')
  @Query(() => PublicSurvey, {
    nullable: true,
    description: 'What a respondent sees behind their link, or null for an unknown link. Marks the invitation OPENED.',
  })
  surveyByToken(
    @Arg('token', () => String) token: string,
    @Arg('language', () => String, { nullable: true }) language: string | null,
    @Ctx() ctx: Context,
  ) {
    return surveyByToken(ctx, token, language);
  }

  @Authorized('PUBLIC')
  @Query(() => RespondentPage, {
    nullable: true,
    description: "The language and title of a link's other pages (unsubscribe), by the same rule as mail and survey; records nothing. Null for an unknown link.",
  })
  respondentPage(
    @Arg('token', () => String) token: string,
    @Arg('language', () => String, { nullable: true }) language: string | null,
    @Ctx() ctx: Context,
  ) {
    return respondentPage(ctx, token, language);
  }

  @Authorized('PUBLIC')
  @Mutation(() => SubmitResult, { description: 'Answer a survey; the link works once. A score of 0–6 opens a follow-up for the contact\'s owner.' })
  submitResponse(
    @Arg('token', () => String) token: string,
    @Arg('input', () => ResponseInput) input: ResponseInput,
    @Arg('submissionId', () => String, {
      nullable: true,
      description: 'A random id the page makes once per answer (a UUID) and sends again with each retry of its submit: a retry of a stored answer is answered ok, never stored twice',
    })
    submissionId: string | null,
    @Ctx() ctx: Context,
  ) {
    return submitResponse(ctx, token, input, submissionId);
  }

  @Authorized('PUBLIC')
  @Mutation(() => Boolean, { description: "Unsubscribe the link's contact from all future surveys" })
  unsubscribe(@Arg('token', () => String) token: string, @Ctx() ctx: Context) {
    return unsubscribe(ctx, token);
  }
}
