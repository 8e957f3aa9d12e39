import { registerEnumType } from 'type-graphql';
import { enumOf } from '../../kernel/enums.js';
import { AUDIENCES, WAVE_KINDS, WAVE_STATUSES, type Audience, type WaveKind, type WaveStatus } from './wave.entity.js';

export const AudienceEnum = enumOf<Audience>(AUDIENCES);
registerEnumType(AudienceEnum, { name: 'Audience' });

export const WaveStatusEnum = enumOf<WaveStatus>(WAVE_STATUSES);
registerEnumType(WaveStatusEnum, { name: 'WaveStatus' });

export const WaveKindEnum = enumOf<WaveKind>(WAVE_KINDS);
registerEnumType(WaveKindEnum, { name: 'WaveKind', description: 'WAVE: a survey sent once to a target; TRANSACTIONAL: a programme that stays open and invites once per transaction' });
