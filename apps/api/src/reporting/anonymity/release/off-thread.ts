import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MatchableTheme } from '../../../survey/themes/matcher.js';
import type { Finding } from './audit.js';
import type { ComputedRelease } from './compute.js';
import type { ReleaseInput } from './model.js';

/**
 * Computes releases on a thread of their own (release-thread.ts). A release's audit solves integer
 * programs in synchronous WebAssembly — seconds for a few hundred people in small cells, and more
 * with more cells — and on the event loop it would stop every request of the process for that long.
 * One thread per process, started on the first release and kept while there is work; it does not
 * keep the process alive when idle.
 */

export interface ReleaseRequest {
  id: number;
  input: ReleaseInput;
  themes: readonly MatchableTheme[];
}

export interface ReleaseReply {
  release: ComputedRelease;
  /** Each finding of the audit and the group hidden for it, for the log. */
  findings: { finding: Finding; hidden: string; about: string }[];
}

type Message = { id: number } & (ReleaseReply | { error: { message: string; stack?: string } });

let thread: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (reply: ReleaseReply) => void; reject: (error: Error) => void }>();

function failAll(error: Error): void {
  thread = null;
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
}

/**
 * Built, this module is .js beside the thread's .js. From source (tests, `npm run dev`) both are .ts,
 * and the thread runs its file through tsx's require hook: Node 20 does not apply module hooks
 * (`--import tsx`) in a worker thread, while the CommonJS hook is the thread's own.
 */
function start(): Worker {
  const file = fileURLToPath(new URL(`./release-thread${extname(fileURLToPath(import.meta.url))}`, import.meta.url));
  const options = { name: 'tandem-releases' };
  const worker = file.endsWith('.ts')
    ? new Worker(`require(${JSON.stringify(createRequire(import.meta.url).resolve('tsx/cjs'))}); require(${JSON.stringify(file)});`, { ...options, eval: true })
    : new Worker(file, options);
  worker.on('message', (message: Message) => {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (pending.size === 0) worker.unref();
    if (!waiting) return;
    if ('error' in message) waiting.reject(Object.assign(new Error(message.error.message), { stack: message.error.stack }));
    else waiting.resolve(message);
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`The release thread stopped (exit code ${code})`)));
  return worker;
}

/** Computes a release (compute.ts computeRelease, with the frozen theme catalogue) on the release thread. */
export function computeReleaseOffThread(input: ReleaseInput, themes: readonly MatchableTheme[]): Promise<ReleaseReply> {
  thread ??= start();
  const worker = thread;
  const id = nextId++;
  return new Promise<ReleaseReply>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Kept alive while a release is being made (a script awaiting one must not exit under it).
    worker.ref();
    worker.postMessage({ id, input, themes } satisfies ReleaseRequest);
  });
}
