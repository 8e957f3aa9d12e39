import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { AudienceEnum } from '../../survey/waves/wave.enums.js';
import type { Audience } from '../../survey/waves/wave.entity.js';
import { NpsSummary } from '../base/nps-summary.type.js';
import { NpsPoint } from '../base/nps-trend.types.js';

@ObjectType('TeamPackTheme', { description: 'A theme of the team in the wave: how many answers mention it' })
export class TeamPackTheme {
  @Field(() => String)
  name: string;

  @Field(() => Int)
  mentions: number;
}

@ObjectType('TeamPackComment', { description: 'A comment of the team. Employee comments are shuffled, undated and unattributed; customer comments carry their score' })
export class TeamPackComment {
  @Field(() => String)
  text: string;

  @Field(() => Int, { nullable: true, description: 'The answer\'s score (customer waves only; always null for employee waves)' })
  score: number | null;
}

@ObjectType('TeamPackFollowUp', { description: 'An open follow-up of a detractor of the team in the wave (customer waves only)' })
export class TeamPackFollowUp {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'OPEN or CONTACTED' })
  status: string;

  @Field(() => Int)
  score: number;

  @Field(() => DateTimeResolver)
  dueAt: Date;

  @Field(() => Boolean)
  overdue: boolean;
}

@ObjectType('TeamPackImprovement', { description: 'An improvement linked to the wave for the team (or one of its sub-units)' })
export class TeamPackImprovement {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { description: 'ImprovementStatus: PROPOSED, PLANNED, IN_PROGRESS, IMPLEMENTED, VERIFIED or REJECTED' })
  status: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  dueDate: string | null;
}

@ObjectType('TeamPack', {
  description:
    "A team's discussion pack for a closed wave (issue 20), computed on demand. Employee packs read the wave's release only: a team the release hides " +
    '(below k, or hidden to protect a smaller group) gets the pack of its nearest released parent, and says so (folded, shownFor).',
})
export class TeamPack {
  @Field(() => ID)
  waveId: string;

  @Field(() => String)
  waveName: string;

  @Field(() => AudienceEnum)
  audience: Audience;

  @Field(() => DateTimeResolver, { nullable: true })
  closedAt: Date | null;

  @Field(() => ID, { description: 'The org unit asked for' })
  orgUnitId: string;

  @Field(() => String)
  orgUnitName: string;

  @Field(() => Boolean, { description: "The team's own results are hidden by the release: the pack is shownFor's" })
  folded: boolean;

  @Field(() => ID, { nullable: true, description: 'When folded: the unit whose pack this is (null: the whole wave)' })
  foldedInto: string | null;

  @Field(() => ID, { nullable: true, description: 'The unit whose results are shown: orgUnitId, or the parent it folds into (null: the whole wave)' })
  shownFor: string | null;

  @Field(() => String, { description: 'The name of the group shown' })
  shownForName: string;

  @Field(() => String, { nullable: true, description: "Why the team's own group is hidden: THRESHOLD or PROTECTS_SMALLER (never how small)" })
  hiddenReason: string | null;

  @Field(() => NpsSummary, { description: 'NPS (eNPS for employee waves) with its interval and band' })
  summary: NpsSummary;

  @Field(() => NpsSummary, { nullable: true, description: "The same group in the team's previous wave of the audience, if any" })
  previous: NpsSummary | null;

  @Field(() => String, { nullable: true, description: 'The name of the previous wave' })
  previousWaveName: string | null;

  @Field(() => Float, { nullable: true, description: 'NPS now minus NPS in the previous wave' })
  change: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the change is significant (nps-core compareNps); null without two shown waves' })
  significantChange: boolean | null;

  @Field(() => [NpsPoint], { description: 'The group in the last waves of the audience (up to six, oldest first), this one last' })
  trend: NpsPoint[];

  @Field(() => [TeamPackTheme], { description: 'The most mentioned themes (up to five)' })
  themes: TeamPackTheme[];

  @Field(() => [TeamPackComment])
  comments: TeamPackComment[];

  @Field(() => Boolean, { description: 'Comments are not shown: the release holds none for this group' })
  commentsHidden: boolean;

  @Field(() => [TeamPackFollowUp], { description: 'Open follow-ups (customer and other identified waves; always empty for employee waves)' })
  followUps: TeamPackFollowUp[];

  @Field(() => [TeamPackImprovement])
  improvements: TeamPackImprovement[];

  @Field(() => String, { description: 'The language of the guide (and the PDF): en, pl, da, ru or sl' })
  language: string;

  @Field(() => [String], { description: 'A short discussion guide, in `language`' })
  guide: string[];

  @Field(() => String, { description: 'Where the printable PDF is served (GET with the bearer token; ?lang= to choose the language)' })
  pdfPath: string;
}

@ObjectType('TeamPackEntry', { description: 'One org unit of a closed wave and the pack it gets (teamPacks)' })
export class TeamPackEntry {
  @Field(() => ID)
  orgUnitId: string;

  @Field(() => String)
  orgUnitName: string;

  @Field(() => ID, { nullable: true })
  parentId: string | null;

  @Field(() => Boolean)
  folded: boolean;

  @Field(() => ID, { nullable: true, description: 'The unit whose pack it gets (itself unless folded; null: the whole wave)' })
  shownFor: string | null;

  @Field(() => String)
  shownForName: string;

  @Field(() => NpsSummary, { description: 'The summary its pack shows (the shown group\'s)' })
  summary: NpsSummary;
}
