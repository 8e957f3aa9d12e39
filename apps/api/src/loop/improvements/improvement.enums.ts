import { registerEnumType } from 'type-graphql';
import { enumOf } from '../../kernel/enums.js';

/** The life of an improvement (contract ImprovementStatus); the board counts them per status. */
export const IMPROVEMENT_STATUSES = ['PROPOSED', 'PLANNED', 'IN_PROGRESS', 'IMPLEMENTED', 'VERIFIED', 'REJECTED'] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];
export const ImprovementStatusEnum = enumOf<ImprovementStatus>(IMPROVEMENT_STATUSES);
registerEnumType(ImprovementStatusEnum, { name: 'ImprovementStatus' });
