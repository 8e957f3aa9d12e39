import { Foundation1764000000000 } from './1764000000000-Foundation.js';
import { Surveys1764100000000 } from './1764100000000-Surveys.js';

/** Every migration, oldest first. Listed by hand so the build needs no glob loading. */
export const migrations = [Foundation1764000000000, Surveys1764100000000];
