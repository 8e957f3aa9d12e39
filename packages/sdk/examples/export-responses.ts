// A full history in one file: start an export, wait for the job, stream the file to disk.
// The file is written by the server a chunk at a time and downloaded as a stream, so memory stays
// flat on both sides whatever its size.
//
//   npx tsx examples/export-responses.ts [since-date]   e.g. 2026-01-01
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { ExportResponsesDocument } from '../src/index.js';
import { clientFromEnv } from './env.js';

const tandem = clientFromEnv();
const from = process.argv[2];

const { exportResponses } = await tandem.request(ExportResponsesDocument, { format: 'CSV', filter: from ? { from } : null });
console.error(`export ${exportResponses.id} ${exportResponses.status}`);
const job = await tandem.waitForExport(exportResponses.id);
await pipeline(await tandem.downloadExport(job), createWriteStream('responses.csv'));
console.error(`${job.rows} responses in responses.csv (the link expires at ${job.expiresAt})`);
