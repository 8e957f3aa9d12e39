/** Where a run's figures come from: the commit measured and the machine it ran on. */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import type { BenchResults } from './report.js';
import { REPO_ROOT } from './seed.js';

/** The short HEAD of the repository, "with local changes" when the work tree is dirty. */
export function commit(): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim() || 'unknown';
  const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim() !== '';
  return dirty ? `${head} with local changes` : head;
}

export function machine(postgres: string): BenchResults['machine'] {
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, postgres };
}
