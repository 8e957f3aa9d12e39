import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { ExportRow } from './export.service.js';

@ObjectType('ExportJob', { description: 'An export being written, or written: GET its url with the same bearer token (CSV or NDJSON), until expiresAt' })
export class ExportJob {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'QUEUED, RUNNING, DONE, FAILED or EXPIRED' })
  status: string;

  @Field(() => String, { description: 'RESPONSES or FOLLOW_UPS' })
  kind: string;

  @Field(() => String, { description: 'CSV or NDJSON' })
  format: string;

  @Field(() => Int, { nullable: true, description: 'Rows written, once DONE' })
  rows: number | null;

  @Field(() => String, { nullable: true, description: 'Once DONE: where to GET the file (with the same bearer token)' })
  url: string | null;

  @Field(() => String, { nullable: true })
  error: string | null;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  expiresAt: Date | null;

  static from(row: ExportRow, publicUrl: string): ExportJob {
    return Object.assign(new ExportJob(), {
      id: row.id,
      status: row.status,
      kind: row.kind,
      format: row.format,
      rows: row.rows,
      url: row.status === 'DONE' ? `${publicUrl}/exports/${row.id}` : null,
      error: row.error,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    });
  }
}
