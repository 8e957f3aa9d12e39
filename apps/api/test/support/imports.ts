import { expect } from 'vitest';
import type { GqlResult } from './test-app.js';

/** What the import tests need of a running API: its URL and a way to send GraphQL. */
export interface ImportApi {
  url: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
}

export const CONTACTS_HEADER = 'email,name,language,owner_email,org_unit,region';
export const ROSTER_HEADER = 'email,name,language,org_unit,location,tenure_band';

/** A contacts file of n good rows (p0@…, p1@…), with some rows (by index, 0 = line 2) replaced. */
export function contactsCsv(n: number, options: { domain?: string; replace?: Record<number, string> } = {}): string {
  const domain = options.domain ?? 'bulk.test';
  const lines = [CONTACTS_HEADER];
  for (let i = 0; i < n; i++) lines.push(options.replace?.[i] ?? `p${i}@${domain},Person ${i},en,,,${i % 2 ? 'EU' : 'US'}`);
  return lines.join('\n') + '\n';
}

export interface UploadAnswer {
  status: number;
  body: { id?: string; byteSize?: number; expiresAt?: string; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

/** POSTs a file to /uploads. */
export async function upload(api: ImportApi, token: string | null, body: string | Buffer | ReadableStream, options: { contentType?: string; headers?: Record<string, string> } = {}): Promise<UploadAnswer> {
  const res = await fetch(`${api.url}/uploads`, {
    method: 'POST',
    headers: { 'content-type': options.contentType ?? 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: res.status, body: (await res.json()) as UploadAnswer['body'] };
}

export async function uploadOk(api: ImportApi, token: string, csv: string): Promise<string> {
  const answer = await upload(api, token, csv);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id!;
}

export const START_CONTACTS = `mutation($uploadId: ID!, $dryRun: Boolean) { startContactImport(uploadId: $uploadId, dryRun: $dryRun) { id kind dryRun status rowsDone } }`;
export const START_ROSTER = `mutation($uploadId: ID!, $dryRun: Boolean) { startRosterImport(uploadId: $uploadId, dryRun: $dryRun) { id kind dryRun status rowsDone } }`;
const GROUP = 'count people { email name }';
export const JOB = `query($id: ID!) { importJob(id: $id) { id kind dryRun status rowsTotal rowsDone progress errorCount
  errors { line field message reason params { name value } } result { imported created updated deactivated errors { line } }
  preview { errors { line } added { ${GROUP} } updated { ${GROUP} } leaving { ${GROUP} } } message finishedAt } }`;

export interface JobState {
  id: string;
  status: 'VALIDATING' | 'IMPORTING' | 'DONE' | 'FAILED';
  rowsTotal: number | null;
  rowsDone: number;
  progress: number;
  errorCount: number;
  errors: { line: number; field: string | null; message: string; reason: string; params: { name: string; value: string }[] }[];
  result: { imported: number; created: number; updated: number; deactivated: number } | null;
  preview: { added: { count: number }; updated: { count: number }; leaving: { count: number; people: { email: string; name: string }[] } } | null;
  message: string | null;
}

export async function startImport(api: ImportApi, token: string, kind: 'contacts' | 'roster', uploadId: string, dryRun = false): Promise<string> {
  const res = await api.gql(kind === 'contacts' ? START_CONTACTS : START_ROSTER, { uploadId, dryRun }, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return (res.data.startContactImport ?? res.data.startRosterImport).id;
}

/** Polls importJob until it is DONE or FAILED; every state seen is kept (the progress as it went). */
export async function waitForJob(api: ImportApi, token: string, id: string, options: { timeoutMs?: number; everyMs?: number } = {}): Promise<{ job: JobState; seen: JobState[] }> {
  const end = Date.now() + (options.timeoutMs ?? 120_000);
  const seen: JobState[] = [];
  for (;;) {
    const res = await api.gql<{ importJob: JobState }>(JOB, { id }, token);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const job = res.data!.importJob;
    seen.push(job);
    if (job.status === 'DONE' || job.status === 'FAILED') return { job, seen };
    if (Date.now() > end) throw new Error(`import job ${id} still ${job.status} (${job.rowsDone}/${job.rowsTotal}) after the timeout`);
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 100));
  }
}

/** Uploads, starts and waits: the whole flow of a client. */
export async function importFile(api: ImportApi, token: string, kind: 'contacts' | 'roster', csv: string, dryRun = false) {
  const uploadId = await uploadOk(api, token, csv);
  const id = await startImport(api, token, kind, uploadId, dryRun);
  return { uploadId, ...(await waitForJob(api, token, id)) };
}
