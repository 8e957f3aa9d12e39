import { describe, expect, it, vi } from 'vitest';
import { pollDelay, useImportJob, type ImportJobRunner, type ImportJobState } from './use-import-job';

const state = (status: ImportJobState['status'], rowsDone = 0, rowsTotal: number | null = 100): ImportJobState => ({
  id: 'job-1',
  status,
  rowsDone,
  rowsTotal,
  progress: status === 'DONE' ? 1 : rowsTotal ? rowsDone / rowsTotal : 0,
});

function transport(polls: ImportJobState[]) {
  return {
    upload: vi.fn(async () => 'upload-1'),
    start: vi.fn(async () => state('VALIDATING')),
    poll: vi.fn(async () => polls.shift()!),
  };
}

describe('useImportJob', () => {
  it('uploads, starts and polls to the end, showing each step and its share', async () => {
    const api = transport([state('VALIDATING', 50), state('IMPORTING', 30), state('DONE', 100)]);
    const seen: [string, number][] = [];
    const runner = useImportJob(api, { sleep: async () => void seen.push([runner.step.value, runner.percent.value]) });
    const file = new Blob(['a']);
    const done = await runner.run(file, false);
    expect(done?.status).toBe('DONE');
    expect(seen).toEqual([
      ['VALIDATING', 0],
      ['VALIDATING', 50],
      ['IMPORTING', 30],
    ]);
    expect(runner.percent.value).toBe(100);
    expect(runner.busy.value).toBe(false);
    expect(api.start).toHaveBeenCalledWith('upload-1', false);
  });

  it('sends a file once for its check and its import, and again after the import took it', async () => {
    const api = transport([state('DONE'), state('DONE'), state('DONE'), state('DONE')]);
    const runner = useImportJob(api, { sleep: async () => {} });
    const file = new Blob(['a']);
    await runner.run(file, true);
    await runner.run(file, false);
    expect(api.upload).toHaveBeenCalledTimes(1);
    await runner.run(file, true);
    expect(api.upload).toHaveBeenCalledTimes(2);
    await runner.run(new Blob(['b']), true);
    expect(api.upload).toHaveBeenCalledTimes(3);
  });

  it('stops polling when cancelled, and goes back to idle when the upload is refused', async () => {
    const api = transport([state('VALIDATING', 10), state('DONE')]);
    const runner: ImportJobRunner<ImportJobState> = useImportJob(api, { sleep: async (): Promise<void> => runner.cancel() });
    expect(await runner.run(new Blob(['a']), false)).toBeNull();
    expect(api.poll).not.toHaveBeenCalled();
    expect(runner.step.value).toBe('idle');

    const refused = useImportJob({ ...api, upload: async () => Promise.reject(new Error('too large')) });
    await expect(refused.run(new Blob(['a']), false)).rejects.toThrow('too large');
    expect(refused.step.value).toBe('idle');
  });

  it('polls quickly at first, then once a second', () => {
    expect([0, 1, 2, 10].map(pollDelay)).toEqual([150, 300, 450, 1000]);
  });
});
