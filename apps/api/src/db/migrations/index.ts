import { Foundation1764000000000 } from './1764000000000-Foundation.js';
import { Surveys1764100000000 } from './1764100000000-Surveys.js';
import { EmployeeSurveys1764400000000 } from './1764400000000-EmployeeSurveys.js';

/** Every migration, oldest first. Listed by hand so the build needs no glob loading. */
export const migrations = [Foundation1764000000000, Surveys1764100000000, EmployeeSurveys1764400000000];
