// Push contacts from your CRM to Tandem by their CRM id (externalId), 1,000 per call.
// Each call is all or nothing: with any bad contact nothing of that batch is written and
// `errors` names each problem by index and field.
//
//   npx tsx examples/upsert-contacts.ts
import { TandemError, UpsertContactsDocument, type ContactInput } from '../src/index.js';
import { clientFromEnv } from './env.js';

const tandem = clientFromEnv();

/** Your CRM's contacts, in the shape Tandem takes (here: made up). */
function* contactsFromCrm(): Generator<ContactInput> {
  for (let i = 1; i <= 2500; i++) {
    yield { externalId: `crm-${i}`, email: `customer${i}@example.com`, name: `Customer ${i}`, language: 'en', segments: [{ key: 'plan', value: i % 3 === 0 ? 'gold' : 'basic' }] };
  }
}

let batch: ContactInput[] = [];
let created = 0;
let updated = 0;
async function push(): Promise<void> {
  const { upsertContacts: result } = await tandem.request(UpsertContactsDocument, { input: batch });
  for (const error of result.errors) console.error(`${batch[error.index]?.externalId}: ${error.field}: ${error.message}`);
  created += result.created;
  updated += result.updated;
  batch = [];
}

try {
  for (const contact of contactsFromCrm()) {
    batch.push(contact);
    if (batch.length === 1000) await push();
  }
  if (batch.length > 0) await push();
  console.log(`${created} contacts added, ${updated} updated`);
} catch (error) {
  // FORBIDDEN with requiredScopes ['contacts:write']: the API client lacks the scope.
  if (error instanceof TandemError) console.error(`${error.code}${error.requiredScopes ? ` (needs ${error.requiredScopes.join(' or ')})` : ''}: ${error.message}`);
  throw error;
}
