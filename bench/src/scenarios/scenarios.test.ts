import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { board, BOARD_SQL, quarterBounds } from './board.js';
import { documentFor } from './document.js';
import { scenarios } from './index.js';
import { compareGroups, monthOf, sameCounts, type Scenario } from './scenario.js';

const counts = (responses: number, promoters: number, passives: number, detractors: number) => ({ responses, promoters, passives, detractors });

describe('comparing an answer with its scan', () => {
  it('counts the same when every count the API gives equals the scan (missing rows count zero)', () => {
    expect(sameCounts(counts(10, 5, 3, 2), counts(10, 5, 3, 2))).toBe(true);
    expect(sameCounts({ responses: 10 }, counts(10, 5, 3, 2))).toBe(true);
    expect(sameCounts(counts(10, 5, 3, 2), counts(10, 4, 4, 2))).toBe(false);
    expect(sameCounts(counts(0, 0, 0, 0), undefined)).toBe(true);
    expect(sameCounts(null, counts(0, 0, 0, 0))).toBe(false);
  });

  it('matches groups by key, then by label, skipping suppressed and empty ones', () => {
    const rows = [{ key: 'EU', ...counts(4, 2, 1, 1) }, { key: 'u1', label: 'North', ...counts(3, 3, 0, 0) }];
    expect(compareGroups([{ key: 'EU', summary: counts(4, 2, 1, 1) }, { label: 'North', summary: counts(3, 3, 0, 0) }, { key: 'US', summary: { suppressed: true } }], rows)).toEqual({ exact: true });
    expect(compareGroups([{ key: 'EU', label: 'Europe', summary: counts(4, 1, 2, 1) }], rows)).toEqual({ exact: false, note: 'differs for Europe' });
    expect(compareGroups([{ key: 'APAC', summary: counts(0, 0, 0, 0) }], rows)).toEqual({ exact: null, note: 'no group to compare' });
    expect(compareGroups(undefined, rows)).toEqual({ exact: null, note: 'unexpected shape' });
    const withNull = [{ key: null, responses: 2, promoters: 1, passives: 0, detractors: 1 }];
    expect(compareGroups([{ key: 'unassigned', label: 'No region', summary: counts(2, 1, 0, 1) }], withNull)).toEqual({ exact: true });
    expect(compareGroups([{ key: 'unassigned', label: 'No region', summary: counts(2, 2, 0, 0) }], withNull)).toEqual({ exact: false, note: 'differs for No region' });
  });

  it('reads the month of a period label', () => {
    expect(monthOf('2026-03')).toBe('2026-03');
    expect(monthOf('2026-03-01T00:00:00Z')).toBe('2026-03');
    expect(monthOf('Q1 2026')).toBeUndefined();
  });
});

describe('quarterBounds', () => {
  it('gives the calendar quarter of a date and the one before, across a year end', () => {
    expect(quarterBounds(new Date('2026-11-23T12:00:00Z'), 0)).toEqual({ year: 2026, quarter: 4, from: '2026-10', to: '2027-01' });
    expect(quarterBounds(new Date('2026-11-23T12:00:00Z'), 1)).toEqual({ year: 2026, quarter: 3, from: '2026-07', to: '2026-10' });
    expect(quarterBounds(new Date('2026-01-15T00:00:00Z'), 1)).toEqual({ year: 2025, quarter: 4, from: '2025-10', to: '2026-01' });
  });

  it('puts the board scenario on the current quarter', () => {
    const [board] = scenarios(new Date('2026-05-02T00:00:00Z'));
    expect(board.args).toEqual({ period: { year: 2026, quarter: 2 } });
  });
});

describe('the board scenario', () => {
  const now = new Date('2026-12-06T12:00:00Z');
  const row = (audience: string, month: string, responses: number, promoters: number, passives: number, detractors: number) => ({ audience, month, ...counts(responses, promoters, passives, detractors) });
  const rows = [
    row('CUSTOMER', '2026-10', 10, 5, 3, 2),
    row('CUSTOMER', '2026-11', 6, 3, 2, 1),
    row('CUSTOMER', '2026-08', 4, 1, 1, 2),
    // Employee rows: released whole-wave groups by the month their wave closed.
    row('EMPLOYEE', '2026-10', 300, 120, 100, 80),
    row('EMPLOYEE', '2026-12', 31, 14, 12, 5),
    row('EMPLOYEE', '2026-07', 280, 100, 100, 80),
  ];

  it('reads employee numbers from the releases, never from employee answers', () => {
    expect(BOARD_SQL).toContain('employee_release_groups');
    expect(BOARD_SQL).not.toContain('employee_answers');
  });

  it('sums each audience over the calendar quarter and the one before', () => {
    const audiences = [
      { audience: 'CUSTOMER', summary: counts(16, 8, 5, 3), previous: counts(4, 1, 1, 2) },
      { audience: 'EMPLOYEE', summary: counts(331, 134, 112, 85), previous: counts(280, 100, 100, 80) },
    ];
    expect(board(now).compare({ audiences }, rows)).toEqual({ exact: true });
  });

  it('names what differs, and skips a suppressed period', () => {
    const audiences = [{ audience: 'EMPLOYEE', summary: counts(300, 120, 100, 80), previous: { suppressed: true } }];
    expect(board(now).compare({ audiences }, rows)).toMatchObject({ exact: false, note: expect.stringContaining('EMPLOYEE period') });
  });
});

describe('documentFor', () => {
  const schema = buildSchema(`
    type Summary { responses: Int nps: Float unit: Unit }
    type Unit { name: String parent: Unit summary(filter: String!): Summary }
    input Filter { region: String }
    type Query { npsSummary(filter: Filter, extra: Int): Summary }
  `);
  const scenario = (field: string, args: Record<string, unknown>): Scenario => ({ name: field, field, args, sql: '', compare: () => ({ exact: null }) });

  it('selects every field the schema serves, leaving out fields with required arguments and cycles', () => {
    expect(documentFor(schema, scenario('npsSummary', { filter: {} }))).toEqual({
      query: 'query Bench($filter: Filter) { npsSummary(filter: $filter) { responses nps unit { name } } }',
    });
  });

  it('skips a field or an argument the server does not serve', () => {
    expect(documentFor(schema, scenario('board', {}))).toEqual({ skip: 'not served yet' });
    expect(documentFor(schema, scenario('npsSummary', { by: 'ORG_UNIT' }))).toEqual({ skip: 'no argument by' });
  });
});
