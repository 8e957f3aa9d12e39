import { describe, expect, it } from 'vitest';
import { ApolloError } from '@apollo/client/core';
import { GraphQLError } from 'graphql';
import { createAppI18n } from '../app/i18n';
import {
  ApiRequestError,
  ERROR_MESSAGE_KEYS,
  SERVER_ERROR_CODES,
  describeError,
  describeReason,
  errorField,
  fieldLabelKey,
  formField,
  isUnauthenticated,
  readExplained,
  toApiError,
  type ApiError,
} from './errors';

const gqlError = (code: string, extra: Record<string, unknown> = {}) =>
  new GraphQLError(`server says ${code}`, { extensions: { code, ...extra } });

describe('toApiError', () => {
  it.each(SERVER_ERROR_CODES)('maps the server code %s', (code) => {
    expect(toApiError(new ApolloError({ graphQLErrors: [gqlError(code)] })).code).toBe(code);
  });

  it('keeps every problem a field error lists', () => {
    const error = toApiError(
      gqlError('BAD_USER_INPUT', {
        field: 'input.email',
        problems: [{ field: 'input.email', message: 'bad' }, { field: 'input.language', message: 'worse' }, { nonsense: true }],
      }),
    );
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.email',
      problems: [
        { field: 'input.email', message: 'bad' },
        { field: 'input.language', message: 'worse' },
      ],
    });
    expect(toApiError(gqlError('BAD_USER_INPUT', { field: 'x' }))).not.toHaveProperty('problems');
    expect(formField('input.ratings[0].texts')).toBe('ratings[0].texts');
    expect(formField('filter.search')).toBe('search');
    expect(fieldLabelKey('input.ratings[0].texts')).toBe('fields.texts');
    expect(fieldLabelKey('name')).toBe('fields.name');
  });

  it('keeps the field of bad input', () => {
    expect(toApiError(new ApolloError({ graphQLErrors: [gqlError('BAD_USER_INPUT', { field: 'name' })] }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'name',
      message: 'server says BAD_USER_INPUT',
    });
    expect(toApiError(gqlError('BAD_USER_INPUT'))).toMatchObject({ code: 'BAD_USER_INPUT', field: null });
    expect(toApiError(gqlError('CONFLICT', { field: 'name' }))).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(toApiError(gqlError('NOT_FOUND', { field: 'parentId' }))).toMatchObject({ code: 'NOT_FOUND', field: 'parentId' });
    expect(errorField(toApiError(gqlError('FORBIDDEN', { field: 'x' })))).toBeNull();
  });

  it('maps unknown codes and errors without a code to UNKNOWN', () => {
    expect(toApiError(new ApolloError({ graphQLErrors: [gqlError('TEAPOT')] })).code).toBe('UNKNOWN');
    expect(toApiError({ errors: [{ message: 'no code' }] }).code).toBe('UNKNOWN');
    expect(toApiError(new Error('boom')).code).toBe('UNKNOWN');
    expect(toApiError(undefined).code).toBe('UNKNOWN');
  });

  it('maps a failed fetch to NETWORK_ERROR', () => {
    expect(toApiError(new ApolloError({ networkError: new TypeError('Failed to fetch') })).code).toBe('NETWORK_ERROR');
    expect(toApiError(new TypeError('Failed to fetch')).code).toBe('NETWORK_ERROR');
  });

  it('reads GraphQL errors from the body of an HTTP error', () => {
    const serverError = Object.assign(new Error('Response not successful: Received status code 401'), {
      name: 'ServerError',
      statusCode: 401,
      result: { errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] },
    });
    expect(toApiError(new ApolloError({ networkError: serverError })).code).toBe('UNAUTHENTICATED');
    expect(toApiError(serverError).code).toBe('UNAUTHENTICATED');
    expect(toApiError(Object.assign(new Error('502'), { statusCode: 502, result: 'Bad gateway' })).code).toBe('NETWORK_ERROR');
  });

  it('passes an ApiRequestError through', () => {
    const error: ApiError = { code: 'INVALID_CREDENTIALS', message: 'nope' };
    expect(toApiError(new ApiRequestError(error))).toBe(error);
  });

  it('recognises UNAUTHENTICATED in an error list and in caught errors', () => {
    expect(isUnauthenticated([gqlError('FORBIDDEN'), gqlError('UNAUTHENTICATED')])).toBe(true);
    expect(isUnauthenticated([gqlError('FORBIDDEN')])).toBe(false);
    expect(isUnauthenticated(new ApolloError({ graphQLErrors: [gqlError('UNAUTHENTICATED')] }))).toBe(true);
  });
});

describe('describeError', () => {
  const { t, te } = createAppI18n('en').global;
  const say = (error: ApiError) => describeError(error, t, te);

  it('gives every code its own message', () => {
    const codes = Object.keys(ERROR_MESSAGE_KEYS) as ApiError['code'][];
    const texts = codes.map((code) => say({ code, message: '' } as ApiError));
    expect(new Set(texts).size).toBe(codes.length);
    expect(say({ code: 'INVALID_CREDENTIALS', message: 'x' })).toBe('The email or password is not correct.');
    expect(say({ code: 'NETWORK_ERROR', message: 'x' })).toMatch(/could not reach the server/);
  });

  it('names the bad field, with its label when there is one', () => {
    expect(say({ code: 'BAD_USER_INPUT', field: 'name', message: '' })).toBe('Check the field “Name”: its value is not valid.');
    expect(say({ code: 'BAD_USER_INPUT', field: 'colour', message: '' })).toBe('Check the field “colour”: its value is not valid.');
    expect(say({ code: 'BAD_USER_INPUT', field: null, message: '' })).toMatch(/not valid/);
    expect(say({ code: 'CONFLICT', field: 'name', message: '' })).toBe('The value of “Name” is already in use. Choose another one.');
    expect(say({ code: 'NOT_FOUND', field: 'parentId', message: '' })).toBe(
      'The selected “Parent unit” was not found. It may have been removed.',
    );
    expect(say({ code: 'CONFLICT', field: null, message: '' })).toMatch(/conflicts with existing data/);
  });

  it('labels a field named by its path in the input', () => {
    expect(say({ code: 'BAD_USER_INPUT', field: 'input.closesAt', message: '' })).toBe('Check the field “Closes”: its value is not valid.');
    expect(say({ code: 'BAD_USER_INPUT', field: 'input.ratings[1].criterion', message: '' })).toBe(
      'Check the field “Criterion”: its value is not valid.',
    );
    expect(say({ code: 'CONFLICT', field: 'input.email', message: '' })).toBe('The value of “Email” is already in use. Choose another one.');
  });

  it('speaks the current language', () => {
    const ru = createAppI18n('ru').global;
    expect(describeError({ code: 'FORBIDDEN', message: '' }, ru.t, ru.te)).toBe('У вас нет прав на это действие.');
    expect(describeError({ code: 'BAD_USER_INPUT', field: 'name', message: '' }, ru.t, ru.te)).toBe(
      'Проверьте поле «Название»: значение недопустимо.',
    );
  });

  it('says a server reason with its values in the current language, and falls back to the server’s message', () => {
    const error = toApiError(gqlError('BAD_USER_INPUT', { field: 'input.name', reason: 'NAME_TOO_LONG', params: { max: 200 } }));
    expect(error).toMatchObject({ reason: 'NAME_TOO_LONG', params: { max: '200' } });
    expect(say(error)).toBe('The name is longer than 200 characters');
    const pl = createAppI18n('pl').global;
    expect(describeError(error, pl.t, pl.te)).toBe('Nazwa ma więcej niż 200 znaków');
    // A reason the app has no text for: the field message, as before.
    expect(say({ code: 'BAD_USER_INPUT', field: 'name', message: 'x', reason: 'SOMETHING_NEW' })).toBe('Check the field “Name”: its value is not valid.');
  });

  it('says when a lock-out ends, and why a new password is refused', () => {
    const locked = toApiError(gqlError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: 120 }));
    expect(say(locked)).toBe('Too many failed attempts. Try again in 120 seconds.');
    expect(say(toApiError(gqlError('TOTP_REQUIRED', { field: 'totpCode' })))).toBe('Enter the code from your authenticator app.');
    const breached = toApiError(gqlError('BAD_USER_INPUT', { field: 'password', reason: 'PASSWORD_BREACHED', params: {} }));
    expect(say(breached)).toMatch(/most common leaked passwords/);
  });
});

/** An import's row error as CsvImport shows it: in the user's language, or the server's English. */
const describeRowError = (row: { message: string; reason: string | null; params: { name: string; value: string }[] }, t: Parameters<typeof describeReason>[1], te: Parameters<typeof describeReason>[2]) =>
  describeReason(readExplained(row.reason, row.params), t, te) ?? row.message;

describe('describeReason for import rows', () => {
  const row = {
    message: 'Column name "email_name_language_owner_email_org_unit_region_business_area" is longer than 64 characters',
    reason: 'CSV_COLUMN_NAME_TOO_LONG',
    params: [{ name: 'column', value: 'email_name_language' }, { name: 'max', value: '64' }],
  };

  it.each(['en', 'pl', 'da', 'ru', 'sl'] as const)('says every import reason in %s, every value in it', (language) => {
    const { t, te } = createAppI18n(language).global;
    const text = describeRowError(row, t, te);
    expect(text).toContain('email_name_language');
    expect(text).toContain('64');
    if (language !== 'en') expect(text).not.toBe(describeRowError(row, createAppI18n('en').global.t, te));
  });

  it('keeps the server’s message for a row without a known reason', () => {
    const { t, te } = createAppI18n('da').global;
    expect(describeRowError({ message: 'Something odd', reason: null, params: [] }, t, te)).toBe('Something odd');
    expect(describeRowError({ message: 'Newer server', reason: 'UNKNOWN_TO_THIS_APP', params: [] }, t, te)).toBe('Newer server');
  });
});
