import 'reflect-metadata';
import { openDatabase } from '../src/db/data-source.js';
import { buildTandemSchema } from '../src/graphql/schema.js';
import { createLoaders } from '../src/graphql/loaders.js';
import { buildContext, createAppServices, type Context } from '../src/kernel/context.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';

/**
 * The in-process timing scripts' setup (board-phases.ts, breakdown-phases.ts): the seeded bench
 * database of DATABASE_URL, the app's services and schema, and a request context of the demo
 * leader, new for each execution (its own loaders), as a request has.
 */
export async function benchLeader(options: { poolSize: number; requestId: string }) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL: a seeded bench database');
  const db = await openDatabase({ databaseUrl: url, embeddedDir: null }, { poolSize: options.poolSize });
  const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(64), DATABASE_URL: url, LOG_LEVEL: 'warn' });
  const services = createAppServices(config, createLogger('warn'));
  const schema = await buildTandemSchema();
  const [leader] = await db.dataSource.query(`SELECT id, organization_id FROM users WHERE email = 'leader@demo.test'`);
  const context = (): Context =>
    buildContext({
      requestId: options.requestId,
      logger: services.logger,
      app: services,
      db: db.dataSource.manager,
      principal: { kind: 'user', id: leader.id, organizationId: leader.organization_id, roles: ['LEADER'], scopes: [] },
      authError: null,
      createLoaders,
    });
  return { db, schema, services, context };
}
