import { ApiRequestError, fromGraphQLError } from './errors';

// Uploads an import file to POST /uploads (the API streams it to disk) and answers its id, for
// startContactImport or startRosterImport. A refusal comes back as the API's errors do
// (BAD_USER_INPUT on `file` with a reason: UPLOAD_TOO_LARGE, UPLOAD_NOT_CSV, UPLOAD_NOT_UTF8,
// UPLOAD_EMPTY), so the page says it like any other error.

export const UPLOAD_ENDPOINT = '/uploads';
/** The server's limit (platform/imports/uploads.ts); a larger file is refused before it is sent. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export interface UploadSession {
  /** The access token to send, refreshed first when about to expire. */
  getAccessToken(): Promise<string | null>;
  /** Refreshes the session once when the upload met UNAUTHENTICATED; false when it could not. */
  refresh(): Promise<boolean>;
}

export interface UploadOptions {
  fileName?: string | null;
  fetchImpl?: typeof fetch;
}

const tooLarge = () =>
  new ApiRequestError({
    code: 'BAD_USER_INPUT',
    field: 'file',
    message: 'The file is larger than 50 MB',
    reason: 'UPLOAD_TOO_LARGE',
    params: { max: String(MAX_UPLOAD_BYTES) },
  });

export async function uploadCsv(file: Blob, session: UploadSession, options: UploadOptions = {}): Promise<string> {
  if (file.size > MAX_UPLOAD_BYTES) throw tooLarge();
  const fetchImpl = options.fetchImpl ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const send = async (): Promise<{ status: number; body: { id?: unknown; errors?: unknown[] } | null }> => {
    const token = await session.getAccessToken();
    const headers: Record<string, string> = { 'content-type': 'text/csv', accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.fileName) headers['x-file-name'] = encodeURIComponent(options.fileName);
    let response: Response;
    try {
      response = await fetchImpl(UPLOAD_ENDPOINT, { method: 'POST', headers, credentials: 'same-origin', body: file });
    } catch (error) {
      throw new ApiRequestError({ code: 'NETWORK_ERROR', message: error instanceof Error ? error.message : String(error) });
    }
    const body = (await response.json().catch(() => null)) as { id?: unknown; errors?: unknown[] } | null;
    return { status: response.status, body };
  };

  let answer = await send();
  if (answer.status === 401 && (await session.refresh())) answer = await send();
  const first = Array.isArray(answer.body?.errors) ? answer.body!.errors[0] : undefined;
  if (first && typeof first === 'object') throw new ApiRequestError(fromGraphQLError(first as Parameters<typeof fromGraphQLError>[0]));
  if (answer.status !== 201 || typeof answer.body?.id !== 'string') {
    throw new ApiRequestError({ code: 'NETWORK_ERROR', message: `HTTP ${answer.status}` });
  }
  return answer.body.id;
}
