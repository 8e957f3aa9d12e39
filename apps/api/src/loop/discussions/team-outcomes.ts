import { DateResolver } from 'graphql-scalars';
import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { translatedIn } from '../../survey/waves/respondent-language.js';
import { DONE_STATUSES } from '../improvements/improvement-status.js';
import { YouSaidWeDid } from '../improvements/you-said-we-did.js';

@ObjectType('PublicTeamAction', { description: 'An action a team agreed, as the people surveyed see it: its title, whether done, and when it is due' })
export class PublicTeamAction {
  @Field(() => String)
  title: string;

  @Field(() => Boolean)
  done: boolean;

  @Field(() => DateResolver, { nullable: true })
  dueOn: Date | null;
}

@ObjectType('PublicTeamOutcome', { description: 'A team that chose to publish what it agreed after discussing the wave: its name, the day, its actions. No notes, no people.' })
export class PublicTeamOutcome {
  @Field(() => String)
  teamName: string;

  @Field(() => DateResolver)
  discussedOn: Date;

  @Field(() => [PublicTeamAction])
  actions: PublicTeamAction[];
}

/**
 * YouSaidWeDid.teams: a section per team of the wave whose discussion record says publish. One
 * statement; only titles, done or not, due days and the team's name and discussion day.
 */
@Resolver(() => YouSaidWeDid)
export class YouSaidWeDidTeamsResolver {
  @FieldResolver(() => [PublicTeamOutcome], { description: 'A section per team that chose to publish its actions (rejected ones left out)' })
  async teams(@Root() page: YouSaidWeDid, @Ctx() ctx: Context): Promise<PublicTeamOutcome[]> {
    const rows: { discussion_id: string; team_name: string; held_on: string; title: string | null; title_translations: Record<string, string> | null; status: string | null; due_date: string | null }[] = await ctx.db.query(
      `SELECT d.id AS discussion_id, u.name AS team_name, to_char(d.held_on, 'YYYY-MM-DD') AS held_on,
              i.title, i.title_translations, i.status, to_char(i.due_date, 'YYYY-MM-DD') AS due_date
         FROM team_discussions d JOIN org_units u ON u.id = d.org_unit_id
         LEFT JOIN team_discussion_actions a ON a.discussion_id = d.id
         LEFT JOIN improvements i ON i.id = a.improvement_id AND i.status <> 'REJECTED'
        WHERE d.organization_id = $1 AND d.wave_id = $2 AND d.publish
        ORDER BY u.name, d.id, a.position`,
      [page.organizationId, page.waveId],
    );
    const teams = new Map<string, PublicTeamOutcome>();
    for (const r of rows) {
      let team = teams.get(r.discussion_id);
      if (!team) {
        team = Object.assign(new PublicTeamOutcome(), { teamName: r.team_name, discussedOn: new Date(`${r.held_on}T00:00:00Z`), actions: [] });
        teams.set(r.discussion_id, team);
      }
      if (r.title && r.status) {
        team.actions.push(
          Object.assign(new PublicTeamAction(), {
            title: translatedIn(r.title, r.title_translations ?? {}, page.language),
            done: DONE_STATUSES.includes(r.status as never),
            dueOn: r.due_date ? new Date(`${r.due_date}T00:00:00Z`) : null,
          }),
        );
      }
    }
    return [...teams.values()];
  }
}
