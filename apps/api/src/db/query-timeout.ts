import { performance } from 'node:perf_hooks';
import { EntityManager, type DataSource, type QueryRunner, type ReplicationMode } from 'typeorm';
import { deriveDataSource } from '../kernel/data-source-root.js';
import { DomainError } from '../kernel/errors.js';

/**
 * The per-operation time limit of GraphQL requests (QUERY_TIMEOUT_SECONDS, OWASP: DoS timeouts).
 * A request's context gets its own EntityManager (requestManager) whose connections run with
 * `statement_timeout` at the limit, so PostgreSQL cancels a statement that runs longer, and whose
 * statements are refused once the operation has used up the limit. The second is what the
 * embedded database has: PGlite runs in this process's thread and cannot cancel a statement (it
 * ignores statement_timeout), so there the limit ends the operation at its next statement.
 * Either way the operation answers QUERY_TIMEOUT and the connection goes back to the pool healthy
 * (PostgreSQL aborts only the statement; its transaction is rolled back as for any error).
 *
 * Everything else (background jobs: imports, exports, mail; migrations; the REST routes) runs
 * without a limit: every query runner of the data source sets its connection's statement_timeout
 * back to 0 when the connection last served a request. The setting is remembered on the pooled
 * connection, so a SET is sent only when a connection passes between the two kinds of use.
 */

export const queryTimedOut = () =>
  new DomainError('QUERY_TIMEOUT', 'The operation took longer than the server allows and was stopped; ask for less (a smaller page or a narrower filter), or try again later');

const TIMEOUT = Symbol('tandem.statementTimeout');
type Client = { query(sql: string): Promise<unknown>; [TIMEOUT]?: number };
type Runner = QueryRunner & { connect(): Promise<Client> };

/** Transaction control always runs: a ROLLBACK refused would leave the connection in a transaction. */
const TRANSACTION_CONTROL = /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT|SET TRANSACTION)\b/i;

const isStatementTimeout = (error: unknown) => {
  const e = error as { code?: string; driverError?: { code?: string } };
  return (e?.driverError?.code ?? e?.code) === '57014';
};

/** Gives a runner's connection the statement timeout (ms, 0: none) and, with a deadline, refuses statements past it. */
function limitRunner(runner: QueryRunner, timeoutMs: number, deadline: number | null): QueryRunner {
  const r = runner as Runner;
  const connect = r.connect.bind(r);
  r.connect = async () => {
    const client = await connect();
    if ((client[TIMEOUT] ?? 0) !== timeoutMs) {
      // Marked first: a second statement of the same runner, connecting meanwhile, queues behind the SET.
      client[TIMEOUT] = timeoutMs;
      await client.query(`SET statement_timeout = ${Math.floor(timeoutMs)}`);
    }
    return client;
  };
  if (deadline !== null) {
    const query = r.query.bind(r) as (...args: unknown[]) => Promise<unknown>;
    (r as { query: unknown }).query = async (sql: string, ...rest: unknown[]) => {
      if (performance.now() > deadline && !TRANSACTION_CONTROL.test(sql)) throw queryTimedOut();
      try {
        return await query(sql, ...rest);
      } catch (error) {
        throw isStatementTimeout(error) ? queryTimedOut() : error;
      }
    };
  }
  return runner;
}

/** The data source's own createQueryRunner, before installStatementTimeouts wrapped it. */
const unlimited = new WeakMap<DataSource, (mode?: ReplicationMode) => QueryRunner>();

/** Every query runner of the data source runs without a statement timeout (undoing a request's). Idempotent. */
export function installStatementTimeouts(dataSource: DataSource): (mode?: ReplicationMode) => QueryRunner {
  let create = unlimited.get(dataSource);
  if (!create) {
    create = dataSource.createQueryRunner.bind(dataSource);
    unlimited.set(dataSource, create);
    const own = create;
    dataSource.createQueryRunner = (mode?: ReplicationMode) => limitRunner(own(mode), 0, null);
  }
  return create;
}

/**
 * The EntityManager of one GraphQL operation: its statements are limited to timeoutMs each (on
 * PostgreSQL) and none starts after timeoutMs from now. timeoutMs 0: the data source's own manager.
 */
export function requestManager(dataSource: DataSource, timeoutMs: number): EntityManager {
  if (timeoutMs <= 0) return dataSource.manager;
  const create = installStatementTimeouts(dataSource);
  const deadline = performance.now() + timeoutMs;
  const scoped = deriveDataSource(dataSource);
  scoped.createQueryRunner = (mode?: ReplicationMode) => limitRunner(create(mode), timeoutMs, deadline);
  return new EntityManager(scoped);
}
