/**
 * What the single-purpose benchmarks (invite.ts, export.ts) share: their flags, the API process's
 * memory, and their block in docs/performance.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from './seed.js';

/** `--name value` from the command line, or the fallback. */
export function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** Replaces (or appends, under `title`) the block between `<!-- bench:<name>:start -->` and its end marker in docs/performance.md. */
export function updatePerformanceBlock(name: string, title: string, lines: string[]): void {
  const path = resolve(REPO_ROOT, 'docs/performance.md');
  const doc = readFileSync(path, 'utf8');
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = [start, ...lines, end].join('\n');
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  writeFileSync(path, a === -1 || b === -1 ? `${doc.trimEnd()}\n\n## ${title}\n\n${block}\n` : doc.slice(0, a) + block + doc.slice(b + end.length));
}
