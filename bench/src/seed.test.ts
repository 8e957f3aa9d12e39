import { describe, expect, it } from 'vitest';
import { employeeBatchSql } from './seed.js';
import { usedParams } from './sql-params.js';

describe('the employee batch', () => {
  const full = employeeBatchSql();
  const answersOnly = employeeBatchSql({ participations: false });

  it('writes employee answers as migration EmployeeReleases keeps them: the snapshot cell, score, texts, language — no id, date or category', () => {
    const columns = /INSERT INTO employee_answers \(([^)]*)\)/.exec(full)?.[1].split(',').map((c) => c.trim());
    expect(columns).toEqual(['organization_id', 'wave_id', 'org_unit_id', 'location', 'tenure_band', 'score', 'reason', 'suggestion', 'language']);
  });

  it("gives each participation the wave's snapshot of the person", () => {
    expect(/INSERT INTO employee_participations \(([^)]*)\)/.exec(full)?.[1]).toMatch(/org_unit_id, location, tenure_band$/);
  });

  it('generates the answers alone again with the same generator, without the participations, their stamp or the time of the run', () => {
    expect(answersOnly).not.toContain('employee_participations');
    const strip = (sql: string) => sql.slice(sql.indexOf('INSERT INTO employee_answers'));
    expect(strip(answersOnly)).toBe(strip(full));
    const params = Array.from({ length: 13 }, (_, i) => `p${i + 1}`);
    expect(usedParams(answersOnly, params).values).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p8', 'p9', 'p10', 'p11']);
  });
});
