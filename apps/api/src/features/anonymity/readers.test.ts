import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EntityManager } from 'typeorm';
import { rollupCounts, type CountQuery } from '../analytics/nps-counts.js';

/**
 * Employee answers are read for reporting in ONE folder, employee-results/, where every
 * number passes the guard. This scans src/ so that no other module starts reading them: only the
 * answering path (features/employees), the seed, the migrations and the entity list may name the
 * table or its entity; elsewhere a mention must be a write (the respondent dispatch inserting an
 * answer) or an import.
 *
 * The same holds for the counts of employee answers in the NPS rollup (audience EMPLOYEE): the
 * table is named only by its reader (analytics/nps-counts.ts) and the migrations; its only door to
 * employee rows, employeeRollupCounts, is called only from features/anonymity/; and rollupCounts,
 * the door every other module uses, refuses the EMPLOYEE audience.
 */
const SRC = fileURLToPath(new URL('../../', import.meta.url));
const THE_READER = 'features/anonymity/employee-results/';
const ALLOWED = [THE_READER, 'features/anonymity/readers.test.ts', 'features/employees/', 'seed/', 'db/migrations/', 'db/entities.ts'];
const MENTION = /employee_answers|EmployeeAnswerEntity/;
const WRITE_OR_IMPORT =
  /^\s*(import\b.*|.*\bINSERT\s+INTO\s+employee_answers\b.*|.*\.(insert|save|create)\(\s*EmployeeAnswerEntity\b.*|EmployeeAnswerEntity,?)\s*$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('who reads employee answers', () => {
  const sources = files(SRC).map((full) => ({ file: path.relative(SRC, full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') }));

  const reader = () => sources.filter((s) => s.file.startsWith(THE_READER)).map((s) => s.text).join('\n');

  it('finds the reporting folder and the guard it uses', () => {
    expect(reader()).toMatch(/FROM employee_answers/);
    expect(reader()).toMatch(/from '\.\.\/guard\.js'/);
  });

  it('has no other module under src/ reading employee_answers', () => {
    const offenders = sources
      .filter((s) => !ALLOWED.some((allowed) => s.file === allowed || (allowed.endsWith('/') && s.file.startsWith(allowed))))
      .flatMap((s) =>
        s.text
          .split('\n')
          .map((line, i) => ({ line, at: `${s.file}:${i + 1}` }))
          .filter(({ line }) => MENTION.test(line) && !WRITE_OR_IMPORT.test(line))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});

const ROLLUP_READER = 'features/analytics/nps-counts.ts';
const inside = (file: string, allowed: string[]) => allowed.some((a) => file === a || (a.endsWith('/') && file.startsWith(a)));

describe('who reads employee counts in the NPS rollup', () => {
  const sources = files(SRC).map((full) => ({ file: path.relative(SRC, full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') }));
  const mentions = (pattern: RegExp, allowed: string[]) =>
    sources
      .filter((s) => !inside(s.file, allowed))
      .flatMap((s) => s.text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${s.file}:${i + 1}: ${line.trim()}`] : [])));

  it('has the table named only by its reader and the migrations', () => {
    expect(sources.find((s) => s.file === ROLLUP_READER)?.text).toMatch(/FROM nps_rollup\b/);
    expect(mentions(/\bnps_rollup\b/, [ROLLUP_READER, 'db/migrations/', 'features/anonymity/readers.test.ts'])).toEqual([]);
  });

  it('has employee rows read only through employeeRollupCounts, called only from features/anonymity/', () => {
    expect(sources.filter((s) => s.file.startsWith(THE_READER)).map((s) => s.text).join('\n')).toMatch(/employeeRollupCounts\(/);
    expect(mentions(/employeeRollupCounts/, [ROLLUP_READER, 'features/anonymity/'])).toEqual([]);
  });

  it('has rollupCounts refuse the EMPLOYEE audience before it reads anything', async () => {
    const db = {
      query: () => {
        throw new Error('no statement may run');
      },
    } as unknown as EntityManager;
    const q = { organizationId: '00000000-0000-4000-8000-000000000000', waveIds: null, from: null, to: null, attribute: null, groupBy: 'none' };
    await expect(rollupCounts(db, { ...q, audiences: ['EMPLOYEE'] } as unknown as CountQuery)).rejects.toThrow(/identified audiences only/);
    await expect(rollupCounts(db, { ...q, audiences: ['CUSTOMER', 'EMPLOYEE'] } as unknown as CountQuery)).rejects.toThrow(/identified audiences only/);
    await expect(rollupCounts(db, { ...q, audiences: null } as unknown as CountQuery)).rejects.toThrow(/identified audiences only/);
  });
});
