import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EntityManager } from 'typeorm';
import { rollupCounts, type CountQuery } from '../base/nps-counts.js';

/**
 * The boundary of employee answers, kept by scanning src/ (PRODUCT.md 5, docs/anonymity.md):
 *
 *  - the answers (employee_answers, employee_answer_staging) are READ in one file only, the
 *    release's input (anonymity/release/store.ts); the answering path (survey/respondent/anonymous-answer.service.ts) only
 *    writes them (stage, move in batches, discard once released), and the migrations may name them;
 *  - the releases (employee_release* tables) are read only inside reporting/anonymity/: every other
 *    module asks anonymity/index.ts;
 *  - the NPS rollup holds no employee rows: the table is named only by its reader and the
 *    migrations, and rollupCounts refuses the EMPLOYEE audience.
 */
const SRC = fileURLToPath(new URL('../../', import.meta.url));
const THE_READER = 'reporting/anonymity/release/store.ts';
const ANSWERING_PATH = 'survey/respondent/anonymous-answer.service.ts';
const ANSWERS = /employee_answers|employee_answer_staging/;
const WRITES = /^\s*(.*\bINSERT\s+INTO\s+employee_answer(s|_staging)\b.*|.*\bDELETE\s+FROM\s+employee_answer(s|_staging)\b.*|.*\bFROM\s+employee_answer_staging\s+WHERE\b.*\)\s*>=.*)\s*$/;
const COMMENT = /^\s*(\*|\/\/|\/\*)/;
const RELEASES = /\bemployee_release(s|_groups|_comments|_themes|_criteria)\b/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const sources = files(SRC).map((full) => ({ file: path.relative(SRC, full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') }));
const inside = (file: string, allowed: string[]) => allowed.some((a) => file === a || (a.endsWith('/') && file.startsWith(a)));
const mentions = (pattern: RegExp, allowed: string[], excused: RegExp | null = null) =>
  sources
    .filter((s) => !inside(s.file, allowed))
    .flatMap((s) => s.text.split('\n').flatMap((line, i) => (pattern.test(line) && !(excused && excused.test(line)) ? [`${s.file}:${i + 1}: ${line.trim()}`] : [])));

describe('who reads employee answers', () => {
  it('finds the one reader: the release input', () => {
    const reader = sources.find((s) => s.file === THE_READER)?.text ?? '';
    expect(reader).toMatch(/FROM employee_answers WHERE/);
    expect(reader).toMatch(/FROM employee_answer_staging WHERE/);
  });

  it('has the answering path only write them, and nothing else under src/ name them', () => {
    expect(mentions(ANSWERS, [THE_READER, 'db/migrations/', 'reporting/anonymity/readers.test.ts', ANSWERING_PATH])).toEqual([]);
    // In the answering path: writes only (comments aside).
    expect(mentions(ANSWERS, [THE_READER, 'db/migrations/', 'reporting/anonymity/readers.test.ts'], new RegExp(`${WRITES.source}|${COMMENT.source}`))).toEqual([]);
  });

  it('has the releases read only inside reporting/anonymity/', () => {
    expect(mentions(RELEASES, ['reporting/anonymity/', 'db/migrations/'])).toEqual([]);
  });
});

const ROLLUP_READER = 'reporting/base/nps-counts.ts';

describe('the NPS rollup', () => {
  it('is named only by its reader and the migrations', () => {
    expect(sources.find((s) => s.file === ROLLUP_READER)?.text).toMatch(/FROM nps_rollup\b/);
    expect(mentions(/\bnps_rollup\b/, [ROLLUP_READER, 'db/migrations/', 'reporting/anonymity/readers.test.ts'])).toEqual([]);
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
