import { registerEnumType } from 'type-graphql';
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '../survey/follow-ups/follow-up.entity.js';
import { AUDIENCES, WAVE_STATUSES, type Audience, type WaveStatus } from '../survey/waves/wave.entity.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const AudienceEnum = enumOf<Audience>(AUDIENCES);
registerEnumType(AudienceEnum, { name: 'Audience' });

export const WaveStatusEnum = enumOf<WaveStatus>(WAVE_STATUSES);
registerEnumType(WaveStatusEnum, { name: 'WaveStatus' });

export const NpsCategoryEnum = enumOf(['PROMOTER', 'PASSIVE', 'DETRACTOR'] as const);
registerEnumType(NpsCategoryEnum, { name: 'NpsCategory' });

export const FollowUpStatusEnum = enumOf<FollowUpStatus>(FOLLOW_UP_STATUSES);
registerEnumType(FollowUpStatusEnum, { name: 'FollowUpStatus' });

/** The life of an improvement (contract ImprovementStatus); the board counts them per status. */
export const IMPROVEMENT_STATUSES = ['PROPOSED', 'PLANNED', 'IN_PROGRESS', 'IMPLEMENTED', 'VERIFIED', 'REJECTED'] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];
export const ImprovementStatusEnum = enumOf<ImprovementStatus>(IMPROVEMENT_STATUSES);
registerEnumType(ImprovementStatusEnum, { name: 'ImprovementStatus' });
