import { describe, expect, it, vi } from 'vitest';
import { messages } from '../../app/i18n';
import { ApiRequestError } from '../../api/errors';
import { createRespondentI18n, browserLocale, type MessageTree } from './respondent-i18n';
import { newSubmissionId, request, withRetries } from './respondent-api';

// The light respondent entry's own translator and its fetch transport with retries (issue 21).

const all = messages as unknown as Record<string, MessageTree>;

describe('the respondent translator', () => {
  it('fills named values, follows the language, and falls back to English, then to the key', () => {
    const i18n = createRespondentI18n({ en: { a: { b: 'Hello {name}', only: 'English' } }, pl: { a: { b: 'Cześć {name}' } } }, 'pl');
    expect(i18n.t('a.b', { name: 'Ola' })).toBe('Cześć Ola');
    expect(i18n.t('a.only')).toBe('English');
    expect(i18n.te('a.only')).toBe(false);
    expect(i18n.t('a.missing')).toBe('a.missing');
    expect(i18n.t('a.b', { name: 'Ann' }, { locale: 'en' })).toBe('Hello Ann');
  });

  it('speaks the app’s own respondent texts in every language', () => {
    const i18n = createRespondentI18n(all, 'sl');
    expect(i18n.t('survey.scoreLow', { n: 0 })).toBe(all.sl && '0 – sploh ni verjetno');
    expect(browserLocale(all, ['de-DE', 'ru-RU'])).toBe('ru');
    expect(browserLocale(all, ['fr'])).toBe('en');
  });
});

describe('the respondent transport', () => {
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('returns data, and turns GraphQL errors and failed fetches into typed errors', async () => {
    await expect(request('{ x }', {}, async () => json(200, { data: { x: 1 } }))).resolves.toEqual({ x: 1 });
    await expect(request('{ x }', {}, async () => json(200, { errors: [{ message: 'm', extensions: { code: 'CONFLICT', field: 'token' } }] }))).rejects.toMatchObject({
      error: { code: 'CONFLICT', field: 'token' },
    });
    await expect(request('{ x }', {}, async () => json(503, { errors: [{ message: 'busy', extensions: { code: 'OVERLOADED', retryAfter: 2 } }] }))).rejects.toMatchObject({
      error: { code: 'OVERLOADED' },
    });
    await expect(request('{ x }', {}, async () => Promise.reject(new TypeError('Failed to fetch')))).rejects.toMatchObject({ error: { code: 'NETWORK_ERROR' } });
  });

  it('retries a network failure or an overload with the same call, and gives up on the answer’s own errors at once', async () => {
    const sleep = vi.fn(async () => {});
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls < 3) throw new ApiRequestError({ code: calls === 1 ? 'NETWORK_ERROR' : 'OVERLOADED', message: '' });
      return 'ok';
    };
    await expect(withRetries(flaky, [1, 2, 3], sleep)).resolves.toBe('ok');
    expect(calls).toBe(3);
    expect(sleep).toHaveBeenCalledTimes(2);

    const conflict = vi.fn(async () => Promise.reject(new ApiRequestError({ code: 'CONFLICT', field: 'token', message: '' })));
    await expect(withRetries(conflict, [1, 2], sleep)).rejects.toBeInstanceOf(ApiRequestError);
    expect(conflict).toHaveBeenCalledTimes(1);
  });

  it('makes a UUID-shaped submission id', () => {
    expect(newSubmissionId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
