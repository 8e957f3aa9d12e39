import { Foundation1764000000000 } from './1764000000000-Foundation.js';
import { Surveys1764100000000 } from './1764100000000-Surveys.js';
import { EmployeeSurveys1764400000000 } from './1764400000000-EmployeeSurveys.js';
import { NpsRollups1764500000000 } from './1764500000000-NpsRollups.js';
import { BoardTargets1764600000000 } from './1764600000000-BoardTargets.js';

/** Every migration, oldest first. Listed by hand so the build needs no glob loading. */
export const migrations = [Foundation1764000000000, Surveys1764100000000, EmployeeSurveys1764400000000, NpsRollups1764500000000, BoardTargets1764600000000];
