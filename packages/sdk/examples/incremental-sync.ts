// A nightly (or hourly) sync of responses and follow-ups into your warehouse: the first run
// reads everything, each next run only what changed since the last (filter.updatedSince, oldest
// first). Upsert each row by id on your side: a row changed during a run may come twice.
//
//   npx tsx examples/incremental-sync.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DeletedSinceDocument, FollowUpsDocument, ResponsesDocument } from '../src/index.js';
import { clientFromEnv } from './env.js';

const tandem = clientFromEnv();
const checkpointFile = '.tandem-sync.json';
const checkpoint: { responses: string | null; followUps: string | null } = existsSync(checkpointFile)
  ? JSON.parse(readFileSync(checkpointFile, 'utf8'))
  : { responses: null, followUps: null };
// Erasures (a contact deleted on request) are listed apart, by deletedSince (below).
const previousRun = checkpoint.responses;

const responses = tandem.sync(ResponsesDocument, { since: checkpoint.responses, variables: { first: 100 } }, (data) => data.responses);
let count = 0;
for await (const response of responses) {
  // Your upsert by response.id goes here.
  console.log(response.id, response.updatedAt, response.score, response.contact?.externalId ?? '', response.themes.map((t) => t.name).join('|'));
  count++;
}
checkpoint.responses = responses.nextSince;

const followUps = tandem.sync(FollowUpsDocument, { since: checkpoint.followUps }, (data) => data.followUps);
for await (const followUp of followUps) {
  console.log(followUp.id, followUp.updatedAt, followUp.status, followUp.response.id);
  count++;
}
checkpoint.followUps = followUps.nextSince;

if (previousRun) {
  // At most 10,000 per call, oldest first: ask again from the last deletedAt until fewer come.
  for (let since = previousRun; ; ) {
    const { deletedSince } = await tandem.request(DeletedSinceDocument, { since });
    for (const record of deletedSince) console.log('deleted', record.kind, record.id, record.deletedAt);
    if (deletedSince.length < 10_000) break;
    since = deletedSince[deletedSince.length - 1]!.deletedAt;
  }
}

// Only after everything was stored: the next run starts here.
writeFileSync(checkpointFile, JSON.stringify(checkpoint));
console.error(`${count} rows synced; next run from ${checkpoint.responses}`);
