/**
 * The bench's command line:
 *
 *   npm run bench [-- --sizes 10000,100000,1000000] [--quick] [--database-url URL] [--clients N] [--submit-seconds S] [--no-releases]
 *
 * --sizes           ascending answer counts to fill the bench database to, one measurement each
 *                   (default 10000,100000,1000000; with --quick 10000,100000); 1_000_000 is allowed
 * --quick           fewer, shorter timing loops and submissions, for a try-out rather than a figure
 * --database-url    the PostgreSQL server to create tandem_bench on (default DATABASE_URL, else
 *                   postgres://postgres@127.0.0.1:5432/test)
 * --clients         concurrent submitResponse clients at the largest size (default 50; 0 skips them)
 * --submit-seconds  how long they submit (default 15; with --quick 5)
 * --no-releases     leave closed employee waves unreleased, marked open (their audit takes hours on a
 *                   small host; the identified queries do not read them, the board's employee rows
 *                   are empty). For one size only: a next size would plan them as open waves
 *
 * Each flag takes its value as `--name value` or `--name=value`.
 */
import type { TimingOptions } from './measure.js';

export const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/test';

export interface Options extends TimingOptions {
  sizes: number[];
  serverUrl: string;
  clients: number;
  submitSeconds: number;
  tokensPerClient: number;
  /** Whether the seed releases closed employee waves (default true). */
  releases: boolean;
}

/** `--name value` or `--name=value`. */
export function argValue(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === `--${name}`) return args[i + 1];
    if (args[i].startsWith(`--${name}=`)) return args[i].slice(name.length + 3);
  }
  return undefined;
}

/** The run's options from its arguments (and DATABASE_URL); throws on sizes that are not ascending whole numbers. */
export function parseOptions(args: string[], env: NodeJS.ProcessEnv = process.env): Options {
  const quick = args.includes('--quick');
  const sizes = (argValue(args, 'sizes') ?? (quick ? '10000,100000' : '10000,100000,1000000')).split(',').map((s) => Number(s.replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 0) || sizes.some((n, i) => i > 0 && n < sizes[i - 1])) {
    throw new Error('--sizes takes ascending whole numbers, e.g. --sizes 10000,100000');
  }
  const clients = Number(argValue(args, 'clients') ?? 50);
  return {
    sizes,
    serverUrl: argValue(args, 'database-url') ?? env.DATABASE_URL ?? DEFAULT_SERVER,
    warmup: quick ? 5 : 20,
    iterations: quick ? 30 : 200,
    minIterations: quick ? 10 : 20,
    budgetMs: quick ? 10_000 : 30_000,
    clients,
    submitSeconds: Number(argValue(args, 'submit-seconds') ?? (quick ? 5 : 15)),
    tokensPerClient: quick ? 200 : 600,
    releases: !args.includes('--no-releases'),
  };
}
