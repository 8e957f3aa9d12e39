import { describe, expect, it } from 'vitest';
import { sortRows } from './list-sort';

describe('sortRows', () => {
  const rows = [
    { name: 'beta', nps: 10 },
    { name: 'Alpha', nps: null },
    { name: 'ålborg', nps: -5 },
    { name: 'gamma', nps: 10 },
  ];
  it('sorts by text in the language, by number, missing values last, ties in the server order', () => {
    expect(sortRows(rows, (r) => r.name, 'asc', 'en').map((r) => r.name)).toEqual(['ålborg', 'Alpha', 'beta', 'gamma']); // å sorts with a in English: "alborg" < "alpha"
    expect(sortRows(rows, (r) => r.nps, 'desc', 'en').map((r) => r.name)).toEqual(['beta', 'gamma', 'ålborg', 'Alpha']);
    expect(sortRows(rows, (r) => r.nps, 'asc', 'en').map((r) => r.name)).toEqual(['ålborg', 'beta', 'gamma', 'Alpha']);
    expect(sortRows(rows, null, 'asc', 'en')).toEqual(rows);
  });
});
