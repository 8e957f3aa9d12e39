import { describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from './errors';
import { MAX_UPLOAD_BYTES, uploadCsv } from './upload';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const session = (tokens: string[] = ['t1', 't2']) => {
  let i = 0;
  return { getAccessToken: vi.fn(async () => tokens[Math.min(i, tokens.length - 1)]), refresh: vi.fn(async () => (i++, true)) };
};
const caught = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return (error as ApiRequestError).error;
  }
  throw new Error('expected a failure');
};

describe('uploadCsv', () => {
  it('posts the file as text/csv with the bearer token and the file name, and answers the upload id', async () => {
    const fetchImpl = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => json(201, { id: 'u-1', byteSize: 4 }));
    const file = new Blob(['a,b\n']);
    expect(await uploadCsv(file, session(), { fileName: 'kontakty ł.csv', fetchImpl: fetchImpl as typeof fetch })).toBe('u-1');
    const [url, init] = fetchImpl.mock.calls[0];
    expect(url).toBe('/uploads');
    expect(init!.headers).toMatchObject({ 'content-type': 'text/csv', authorization: 'Bearer t1', 'x-file-name': encodeURIComponent('kontakty ł.csv') });
    expect(init!.body).toBe(file);
  });

  it('answers a refusal as the typed error the API sent (BAD_USER_INPUT on file, with its reason)', async () => {
    const fetchImpl = async () => json(415, { errors: [{ message: 'not CSV', extensions: { code: 'BAD_USER_INPUT', field: 'file', reason: 'UPLOAD_NOT_UTF8', params: {} } }] });
    expect(await caught(uploadCsv(new Blob(['x']), session(), { fetchImpl: fetchImpl as typeof fetch }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'file',
      reason: 'UPLOAD_NOT_UTF8',
    });
  });

  it('refuses a file over 50 MB without sending it', async () => {
    const fetchImpl = vi.fn();
    const big = { size: MAX_UPLOAD_BYTES + 1 } as Blob;
    expect(await caught(uploadCsv(big, session(), { fetchImpl: fetchImpl as typeof fetch }))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UPLOAD_TOO_LARGE' });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('refreshes the session once when the token expired, then sends again', async () => {
    const answers = [json(401, { errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] }), json(201, { id: 'u-2' })];
    const fetchImpl = vi.fn(async () => answers.shift()!);
    const s = session();
    expect(await uploadCsv(new Blob(['a']), s, { fetchImpl: fetchImpl as typeof fetch })).toBe('u-2');
    expect(s.refresh).toHaveBeenCalledTimes(1);
    expect((fetchImpl.mock.calls[1] as unknown as [string, RequestInit])[1].headers).toMatchObject({ authorization: 'Bearer t2' });
  });

  it('answers a network failure as NETWORK_ERROR', async () => {
    const fetchImpl = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await caught(uploadCsv(new Blob(['a']), session(), { fetchImpl: fetchImpl as typeof fetch }))).toMatchObject({ code: 'NETWORK_ERROR' });
  });
});
