import { computed, getCurrentScope, onScopeDispose, shallowRef, type ComputedRef, type ShallowRef } from 'vue';

// A CSV import run as a job on the server (issue 17): the file goes up (POST /uploads), a job
// checks every row (VALIDATING) and, unless it is a dry run, writes them (IMPORTING), and this
// polls the job until it is DONE or FAILED. The upload is kept for the same file: a dry run
// (the check the user reads first) and the import that follows send it once.

export type ImportJobStatus = 'VALIDATING' | 'IMPORTING' | 'DONE' | 'FAILED';
export type ImportStep = 'idle' | 'uploading' | ImportJobStatus;

/** What the poll needs of a job; the page's query gives more (errors, result, preview). */
export interface ImportJobState {
  id: string;
  status: ImportJobStatus;
  rowsTotal?: number | null;
  rowsDone: number;
  progress: number;
}

export interface ImportJobTransport<J extends ImportJobState> {
  /** Sends the file; answers its upload id. */
  upload(file: Blob): Promise<string>;
  start(uploadId: string, dryRun: boolean): Promise<J>;
  poll(id: string): Promise<J>;
}

export interface ImportJobRunner<J extends ImportJobState> {
  readonly step: Readonly<ShallowRef<ImportStep>>;
  /** The job as last polled. */
  readonly job: Readonly<ShallowRef<J | null>>;
  /** 0–100 within the current step (VALIDATING, then IMPORTING). */
  readonly percent: ComputedRef<number>;
  readonly busy: ComputedRef<boolean>;
  /** Uploads the file (unless it is the one uploaded last), starts the job and polls it to its end; null when cancelled. */
  run(file: Blob, dryRun: boolean): Promise<J | null>;
  /** Stops polling (the job goes on on the server). */
  cancel(): void;
}

/** Poll quickly at first (a small file is done in a moment), then once a second. */
export const pollDelay = (attempt: number) => Math.min(1000, 150 * (attempt + 1));

export function useImportJob<J extends ImportJobState>(
  transport: ImportJobTransport<J>,
  options: { delay?: (attempt: number) => number; sleep?: (ms: number) => Promise<void> } = {},
): ImportJobRunner<J> {
  const delay = options.delay ?? pollDelay;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const step = shallowRef<ImportStep>('idle');
  const job = shallowRef(null) as ShallowRef<J | null>;
  let uploaded: { file: Blob; id: string } | null = null;
  let generation = 0;

  async function run(file: Blob, dryRun: boolean): Promise<J | null> {
    const mine = ++generation;
    const current = () => mine === generation;
    job.value = null;
    try {
      if (uploaded?.file !== file) {
        step.value = 'uploading';
        uploaded = null;
        const id = await transport.upload(file);
        uploaded = { file, id };
      }
      if (!current()) return null;
      let state: J;
      try {
        state = await transport.start(uploaded.id, dryRun);
      } catch (error) {
        uploaded = null; // expired or taken: the next run sends the file again
        throw error;
      }
      // A real import takes the upload; the next run of this file sends it again.
      if (!dryRun) uploaded = null;
      for (let attempt = 0; ; attempt++) {
        if (!current()) return null;
        job.value = state;
        step.value = state.status;
        if (state.status === 'DONE' || state.status === 'FAILED') return state;
        await sleep(delay(attempt));
        if (!current()) return null;
        state = await transport.poll(state.id);
      }
    } catch (error) {
      if (current()) step.value = 'idle';
      throw error;
    }
  }

  function cancel() {
    generation++;
    step.value = 'idle';
  }

  if (getCurrentScope()) onScopeDispose(cancel);

  return {
    step,
    job,
    percent: computed(() => (job.value ? Math.floor(Math.min(1, Math.max(0, job.value.progress)) * 100) : 0)),
    busy: computed(() => step.value === 'uploading' || step.value === 'VALIDATING' || step.value === 'IMPORTING'),
    run,
    cancel,
  };
}
