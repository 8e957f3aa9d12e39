import { describe, expect, it } from 'vitest';
import { changesNothing, namesOf, needsAcknowledgement, type ImportPreviewOutcome } from './csv-import';

const group = (names: string[], count = names.length) => ({ count, people: names.map((name) => ({ name, email: `${name}@x.test` })) });
const preview = (leaving: number): ImportPreviewOutcome => ({ errors: [], added: group(['A']), updated: group([]), leaving: group([], leaving) });

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
