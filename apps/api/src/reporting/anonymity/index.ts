/**
 * Anonymous employee results (PRODUCT.md section 5, docs/anonymity.md): the only way anything about
 * employee answers leaves Tandem. A wave's answers are turned into a release once, when it closes
 * (release/: fixed groups, primary and secondary suppression, an exact audit, laminar families for
 * comments, distributions and participation); everything else reads releases (results/), and while
 * a wave runs, only its participation. readers.test.ts keeps every other module away from the
 * answers.
 */
export { employeeReadScope, mayReadEmployeeResults } from '../base/policies.js';
export { EMPLOYEE_SEGMENT_KEYS, groupKeyOf, type EmployeeFilter } from './employee-filter.js';
export { employeeWavesClosedIn, type DaySpan } from './employee-waves.js';
export { freezeThemeCatalogue } from './catalogue.js';
export { releaseNow, releaseScheduled } from './releases.js';
export { employeeBoard, type EmployeeBoardEntry } from './results/board.js';
export { employeeTeamRates, waveTotalsLoader, waveParticipation, type ParticipationRow } from './results/participation.js';
export { employeeCriteria } from './results/criteria.js';
export { employeeBreakdown, employeeOutcome, employeeSummary, employeeTrend } from './results/reports.js';
export { resolveEmployeeFilter } from './results/scope.js';
export { employeeTexts, type ReleasedTexts } from './results/texts.js';
export { employeeWaveResults, type EmployeeWaveResults } from './results/waves.js';
export { effectiveThreshold, thresholdOf } from '../../identity/organizations/anonymity-threshold.js';
export { employeeTeamGroups, employeeTeamView, type EmployeeTeamGroup, type EmployeeTeamView } from './results/teams.js';
