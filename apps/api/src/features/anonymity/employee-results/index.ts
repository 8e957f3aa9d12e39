/**
 * Reporting over anonymous employee answers: this folder is THE ONLY code that reads
 * `employee_answers` for reporting (readers.test.ts scans src/ to keep it so). Every number it
 * returns was released by the guard (guard.ts); what was not released is returned as suppressed,
 * with no numbers.
 *
 *  - npsBreakdown: every group of the dimension (empty ones and an "unassigned" remainder included,
 *    so the groups are disjoint and make the total), each with its sizes without each filter, in
 *    one grouped statement; guardBreakdownKnowingEmpty decides.
 *  - npsSummary and employeeComments: the group and, for the differencing rule, the same group with
 *    each of its filters removed, counted in one statement; guardGroup decides — and the group must
 *    agree with the breakdowns: each of its filters on a breakdown dimension may cover only cells
 *    that breakdown releases (see guardedGroup), so sibling summaries cannot undo a breakdown's
 *    complementary suppression.
 *  - Wave fields: the group "this wave", exactly as npsSummary({ waveIds: [id] }) releases it.
 *
 *  - npsTrend: the periods (or waves) as the groups of a breakdown, guarded alike.
 *
 * Answers are selected by what they kept: the wave, the answer date, the org unit, location and
 * tenure band at answer time. Nothing here returns an answer's id, its date, or one answer's text
 * with anything that could place it.
 *
 * The counts come from the rollup's employee rows (employeeRollupCounts, nps-counts.ts: a few rows
 * per wave, day or month and attribute value) — the group, and the group with each filter removed,
 * each one rollup statement, or one grouped statement for all the groups of a breakdown. A filter
 * on two attribute dimensions at once (org unit AND location, say) or on a blank segment value is
 * beyond the rollup: then the same numbers come from one scan of employee_answers, as before.
 *
 * Files: counts.ts (filters as SQL, group counts), guarded.ts (guarded groups, summaries and
 * breakdowns, and the sibling rule between them), comments.ts, themes.ts, trend.ts, board.ts and
 * waves.ts (the wave fields, batched per page of waves).
 */
export { employeeBoard, employeeResponseRate, type EmployeeBoardEntry } from './board.js';
export { employeeComments } from './comments.js';
export { employeeBreakdown, employeeSummary } from './guarded.js';
export { employeeThemeCounts, type GuardedThemeCounts } from './themes.js';
export { employeeTrend } from './trend.js';
export { employeeWaveResults, employeeWavesLoader, type EmployeeWaveResults, type EmployeeWavesSnapshot } from './waves.js';
