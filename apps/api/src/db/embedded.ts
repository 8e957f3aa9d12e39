import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  /** The whole database as an uncompressed tarball, for loadDataDir (tests copy a seeded one). */
  dump(): Promise<Blob>;
  stop(): Promise<void>;
}

/**
 * PGlite, served on a loopback port so the ordinary pg driver talks to it through the same code
 * paths as a real server. PGlite is one session underneath: callers must use a pool of one, or
 * two connections would share (and interleave) one transaction.
 *
 * dataDir null keeps the database in memory (tests); otherwise it persists there. image starts it
 * from a dump() of another instance.
 */
export async function startEmbeddedPostgres(dataDir: string | null, image?: Blob): Promise<EmbeddedPostgres> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: dataDir ?? undefined, loadDataDir: image });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  const [host, port] = server.getServerConn().split(':');
  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    dump: () => db.dumpDataDir('none'),
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
