import { registerEnumType } from 'type-graphql';
import { enumOf } from '../../kernel/enums.js';
import { AUDIENCES, WAVE_STATUSES, type Audience, type WaveStatus } from './wave.entity.js';

export const AudienceEnum = enumOf<Audience>(AUDIENCES);
registerEnumType(AudienceEnum, { name: 'Audience' });

export const WaveStatusEnum = enumOf<WaveStatus>(WAVE_STATUSES);
registerEnumType(WaveStatusEnum, { name: 'WaveStatus' });
