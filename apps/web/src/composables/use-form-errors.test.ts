import { describe, expect, it } from 'vitest';
import { useFormErrors, errorsByField } from './use-form-errors';

const gql = (code: string, extensions: Record<string, unknown> = {}) => ({ message: 'm', extensions: { code, ...extensions } });

describe('useFormErrors', () => {
  it('puts an error that names a form field at that field', () => {
    const errors = useFormErrors(['name', 'closesAt', 'ratings']);
    errors.fail(gql('BAD_USER_INPUT', { field: 'input.closesAt' }));
    expect(errors.at('closesAt')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.closesAt' });
    expect(errors.at('name')).toBeNull();
    expect(errors.general.value).toBeNull();
  });

  it('finds errors inside a list field', () => {
    const errors = useFormErrors(['ratings']);
    errors.fail(gql('BAD_USER_INPUT', { field: 'input.ratings[1].criterion' }));
    expect(errors.at('ratings[1].criterion')).not.toBeNull();
    expect(errors.at('ratings')).toBeNull();
    expect(errors.within('ratings')).toBe(true);
    expect(errors.general.value).toBeNull();
  });

  it('shows an error about another field, or none, above the form', () => {
    const errors = useFormErrors(['name']);
    errors.fail(gql('FORBIDDEN'));
    expect(errors.general.value).toMatchObject({ code: 'FORBIDDEN' });
    errors.fail(gql('NOT_FOUND', { field: 'waveId' }));
    expect(errors.general.value).toMatchObject({ code: 'NOT_FOUND', field: 'waveId' });
    errors.clear();
    expect(errors.general.value).toBeNull();
  });

  it('marks every field of extensions.problems', () => {
    const error = {
      code: 'BAD_USER_INPUT' as const,
      field: 'input.email',
      message: 'bad email',
      problems: [
        { field: 'input.email', message: 'bad email' },
        { field: 'input.language', message: 'bad language' },
      ],
    };
    const byField = errorsByField(error);
    expect([...byField.keys()]).toEqual(['email', 'language']);
    expect(byField.get('language')).toMatchObject({ code: 'BAD_USER_INPUT', message: 'bad language' });

    const errors = useFormErrors(['email', 'language']);
    errors.fail(gql('BAD_USER_INPUT', { field: 'input.email', problems: error.problems }));
    expect(errors.at('language')?.message).toBe('bad language');
  });
});
