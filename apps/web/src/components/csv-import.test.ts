import { describe, expect, it } from 'vitest';
import { changesNothing, fileSize, namesOf, needsAcknowledgement, progressText, type ImportPreviewOutcome } from './csv-import';

const group = (names: string[], count = names.length) => ({ count, people: names.map((name) => ({ name, email: `${name}@x.test` })) });
const preview = (leaving: number): ImportPreviewOutcome => ({ added: group(['A']), updated: group([]), leaving: group([], leaving) });

describe('csv import preview', () => {
  it('names the first people of a group and counts the rest, including those the server did not list', () => {
    expect(namesOf(group(['A', 'B', 'C']), 2)).toEqual({ names: ['A', 'B'], more: 1 });
    expect(namesOf(group(['A', 'B'], 500), 8)).toEqual({ names: ['A', 'B'], more: 498 });
    expect(namesOf(group([]))).toEqual({ names: [], more: 0 });
  });

  it('asks for an acknowledgement only when someone would leave', () => {
    expect(needsAcknowledgement(preview(0))).toBe(false);
    expect(needsAcknowledgement(preview(3))).toBe(true);
  });

  it('knows a file that changes nothing', () => {
    expect(changesNothing({ ...preview(0), added: group([]) })).toBe(true);
    expect(changesNothing(preview(0))).toBe(false);
  });
});

describe('csv import progress', () => {
  const t = (key: string, named?: Record<string, unknown>) => `${key}${named ? ` ${JSON.stringify(named)}` : ''}`;
  const count = (n: number) => n.toLocaleString('en');
  const job = (rowsDone: number, rowsTotal: number | null) => ({ rowsDone, rowsTotal, progress: rowsTotal ? rowsDone / rowsTotal : 0 });

  it('says what the server is doing, with rows done of all and the share of the bar', () => {
    expect(progressText('uploading', null, count, t)).toEqual({ text: 'csvImport.uploading', percent: 0 });
    expect(progressText('VALIDATING', job(0, null), count, t)).toEqual({ text: 'csvImport.validatingStart', percent: 0 });
    expect(progressText('VALIDATING', job(25_000, 100_000), count, t)).toEqual({ text: 'csvImport.validating {"done":"25,000","total":"100,000"}', percent: 25 });
    expect(progressText('IMPORTING', job(99_999, 100_000), count, t).percent).toBe(99);
    expect(progressText('IMPORTING', job(100_000, 100_000), count, t)).toEqual({ text: 'csvImport.writing', percent: 100 });
  });

  it('sizes files in KB and MB', () => {
    expect(fileSize(300, 'en')).toBe('1 KB');
    expect(fileSize(20_480, 'en')).toBe('20 KB');
    expect(fileSize(5.5 * 1024 * 1024, 'pl')).toBe('5,5 MB');
    expect(fileSize(48 * 1024 * 1024, 'en')).toBe('48 MB');
  });
});
