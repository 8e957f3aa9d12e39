import { ConfigError, loadConfig, type Config } from './config.js';
import type { Logger } from './logger.js';

/** The configuration from the environment; a bad variable is named on stderr and the process exits 1. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * On SIGTERM or SIGINT: `stop` once (a second signal is ignored), then exit 0; exit 1 if stopping
 * takes longer than 15 s. Shared by the API process (main.ts) and the worker process (worker.ts).
 */
export function stopOnSignals(logger: Logger, what: string, stop: () => Promise<void>): void {
  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `shutting down: ${what}`);
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 15 s; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    await stop();
    logger.info('stopped');
    process.exit(0);
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
