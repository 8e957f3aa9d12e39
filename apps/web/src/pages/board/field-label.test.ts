import { describe, expect, it } from 'vitest';
import { describeError, type ApiError } from '../../api/errors';
import { labelled } from './field-label';

const labels = { to: 'Date to', quarter: 'Quarter', 'period.year': 'Year of the period', segmentKey: 'Segment key' };

describe('field labels of the analytics pages', () => {
  it('names the field by the page label', () => {
    const error: ApiError = { code: 'BAD_USER_INPUT', field: 'filter.to', message: 'to must be on or after from' };
    expect(labelled(error, labels)).toEqual({ ...error, field: 'Date to' });
    expect(labelled({ ...error, field: 'period.quarter' }, labels)).toMatchObject({ field: 'Quarter' });
    expect(labelled({ ...error, field: 'period.year' }, labels)).toMatchObject({ field: 'Year of the period' });
  });

  it('leaves other errors as they are', () => {
    const unknown: ApiError = { code: 'BAD_USER_INPUT', field: 'filter.other', message: '' };
    expect(labelled(unknown, labels)).toBe(unknown);
    const forbidden: ApiError = { code: 'FORBIDDEN', message: '' };
    expect(labelled(forbidden, labels)).toBe(forbidden);
    expect(labelled(null, labels)).toBeNull();
  });

  it('reads as a sentence through describeError', () => {
    const t = (key: string, named?: Record<string, unknown>) => (key === 'errors.badUserInputField' ? `Check “${String(named?.field)}”` : key);
    const error = labelled({ code: 'BAD_USER_INPUT', field: 'filter.to', message: '' }, { to: 'Dat. do' })!;
    expect(describeError(error, t, () => false)).toBe('Check “Dat do”');
  });
});
