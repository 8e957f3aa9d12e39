import type { Logger as TypeOrmLogger } from 'typeorm';
import type { TestApp } from './test-app.js';

/** The SQL statements the data source runs while `run` is in flight, in order. */
export async function statementsOf(app: TestApp, run: () => Promise<unknown>): Promise<string[]> {
  const dataSource = app.db.dataSource;
  const original = dataSource.logger;
  const statements: string[] = [];
  const recording: TypeOrmLogger = {
    logQuery: (query, ...rest) => {
      statements.push(query);
      return original.logQuery(query, ...rest);
    },
    logQueryError: (...args) => original.logQueryError(...args),
    logQuerySlow: (...args) => original.logQuerySlow(...args),
    logSchemaBuild: (...args) => original.logSchemaBuild(...args),
    logMigration: (...args) => original.logMigration(...args),
    log: (...args) => original.log(...args),
  };
  (dataSource as { logger: TypeOrmLogger }).logger = recording;
  try {
    await run();
  } finally {
    (dataSource as { logger: TypeOrmLogger }).logger = original;
  }
  return statements;
}

/** Statements that read a table of answers row by row (a scan), rather than the rollup. */
export const scansOfAnswers = (statements: string[]) => statements.filter((sql) => /\bFROM\s+(responses|employee_answers)\b/i.test(sql));
