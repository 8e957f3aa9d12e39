// An admin creates an API client for an integration, with a user's access token (sign in to the
// web app, or `login`), and gets its secret: shown in this answer only, so store it in your
// secret manager now. The integration then authenticates with the client id and secret.
//
//   TANDEM_URL=... TANDEM_TOKEN=<an admin's access token> npx tsx examples/create-client.ts "CRM sync" contacts:write responses:read
import { ApiClientsDocument, CreateApiClientDocument, OrganizationDocument, TandemClient, ViewerDocument } from '../src/index.js';
import { required } from './env.js';

const admin = new TandemClient({ url: required('TANDEM_URL'), token: required('TANDEM_TOKEN') });
const [name = 'Integration', ...scopes] = process.argv.slice(2);

const { createApiClient } = await admin.request(CreateApiClientDocument, { input: { name, scopes: scopes.length ? scopes : ['responses:read'] } });
console.log(`client id:     ${createApiClient.client.clientId}`);
console.log(`client secret: ${createApiClient.clientSecret}   (shown once)`);
console.log(`scopes:        ${createApiClient.client.scopes.join(', ')}`);

// The integration's side: the new credentials, and what the token may do.
const integration = new TandemClient({ url: required('TANDEM_URL'), clientId: createApiClient.client.clientId, clientSecret: createApiClient.clientSecret });
const { viewer } = await integration.request(ViewerDocument);
const { organization } = await integration.request(OrganizationDocument);
console.log(`${viewer.kind} "${viewer.name}" of ${organization.name} may: ${viewer.scopes.join(', ')}`);

const { apiClients } = await admin.request(ApiClientsDocument);
for (const client of apiClients) console.log(`${client.clientId}  ${client.name}  last used ${client.lastUsedAt ?? 'never'}${client.revokedAt ? '  (revoked)' : ''}`);
