import { parentPort } from 'node:worker_threads';
import { compileThemes, matchCompiled, type CompiledThemes, type MatchableTheme } from '../../../survey/themes/matcher.js';
import { computeRelease } from './compute.js';
import type { Answer, ReleaseInput } from './model.js';
import type { ReleaseReply, ReleaseRequest } from './off-thread.js';

/**
 * The thread that computes releases (off-thread.ts starts it): the audit is synchronous WebAssembly
 * that can run for minutes, so it runs here, never on the event loop that answers requests.
 * Requests are taken one at a time, in the order they came.
 */

/** The catalogue frozen when the wave opened, as a matcher of one answer's texts (compiled once per language). */
function matcherOf(themes: readonly MatchableTheme[]): (answer: Answer) => string[] {
  const compiled = new Map<string, CompiledThemes | null>();
  return (a) => {
    if (!compiled.has(a.language)) compiled.set(a.language, compileThemes(themes, a.language));
    return matchCompiled(compiled.get(a.language)!, [a.reason, a.suggestion]);
  };
}

async function compute(input: ReleaseInput, themes: readonly MatchableTheme[]): Promise<ReleaseReply> {
  const findings: ReleaseReply['findings'] = [];
  const release = await computeRelease(input, {
    themesOf: matcherOf(themes),
    onFinding: (finding, hidden, about) => findings.push({ finding, hidden, about }),
  });
  return { release, findings };
}

let queue: Promise<unknown> = Promise.resolve();
parentPort!.on('message', ({ id, input, themes }: ReleaseRequest) => {
  queue = queue.then(async () => {
    try {
      parentPort!.postMessage({ id, ...(await compute(input, themes)) });
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      parentPort!.postMessage({ id, error: { message: e.message, stack: e.stack } });
    }
  });
});
