import type { DataSource } from 'typeorm';

/** The data source each derived one stands for. */
const roots = new WeakMap<DataSource, DataSource>();

/**
 * A data source that inherits everything from `dataSource` and may override some of it (a
 * request's statement time limit, db/query-timeout.ts), while counting as `dataSource` for
 * rootDataSource.
 */
export function deriveDataSource(dataSource: DataSource): DataSource {
  const derived = Object.create(dataSource) as DataSource;
  roots.set(derived, rootDataSource(dataSource));
  return derived;
}

/**
 * The data source itself, or for a derived one the one it stands for. What is kept per data
 * source (its job queue, its answer writer) is kept under this.
 */
export function rootDataSource(dataSource: DataSource): DataSource {
  return roots.get(dataSource) ?? dataSource;
}
