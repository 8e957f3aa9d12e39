import { describe, expect, it } from 'vitest';
import { adminUrl, databaseUrl } from './database.js';

describe('the bench database URL', () => {
  it('keeps the server and credentials and swaps the database', () => {
    expect(databaseUrl('postgres://postgres:pw@127.0.0.1:5432/test?sslmode=disable', 'tandem_bench')).toBe('postgres://postgres:pw@127.0.0.1:5432/tandem_bench?sslmode=disable');
  });

  it('drops and creates it from the given database, or from postgres when given the bench database itself', () => {
    expect(adminUrl('postgres://postgres@127.0.0.1:5432/test')).toBe('postgres://postgres@127.0.0.1:5432/test');
    expect(adminUrl('postgres://postgres@127.0.0.1:5432/tandem_bench')).toBe('postgres://postgres@127.0.0.1:5432/postgres');
  });
});
