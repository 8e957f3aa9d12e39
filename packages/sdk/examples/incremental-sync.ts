// A nightly (or hourly) sync of responses and follow-ups into your warehouse: the first run
// reads everything, each next run only what changed since the last (filter.updatedSince, oldest
// first). Upsert each row by id on your side: a row changed during a run may come twice.
//
//   npx tsx examples/incremental-sync.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { FollowUpsDocument, ResponsesDocument } from '../src/index.js';
import { clientFromEnv } from './env.js';

const tandem = clientFromEnv();
const checkpointFile = '.tandem-sync.json';
const checkpoint: { responses: string | null; followUps: string | null } = existsSync(checkpointFile)
  ? JSON.parse(readFileSync(checkpointFile, 'utf8'))
  : { responses: null, followUps: null };

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

// Only after everything was stored: the next run starts here.
writeFileSync(checkpointFile, JSON.stringify(checkpoint));
console.error(`${count} rows synced; next run from ${checkpoint.responses}`);
