// Live responses over graphql-ws: each identified response as it is submitted (detractors first
// thing in the morning, without polling). Needs graphql-ws (and ws on Node 20):
//   npm install graphql-ws ws
//
//   npx tsx examples/subscribe-responses.ts [waveId]
import { ResponseCreatedDocument } from '../src/index.js';
import { clientFromEnv } from './env.js';

const tandem = clientFromEnv();
process.on('SIGINT', () => void tandem.close().then(() => process.exit(0)));

console.error('waiting for responses (Ctrl-C to stop)');
for await (const { responseCreated: response } of tandem.subscribe(ResponseCreatedDocument, { waveId: process.argv[2] ?? null })) {
  const who = response.contact ? `${response.contact.name} <${response.contact.email}>` : 'unknown contact';
  console.log(`${response.submittedAt}  ${response.category.padEnd(9)} ${response.score}  ${who}  ${response.wave.name}: ${response.reason ?? ''}`);
}
