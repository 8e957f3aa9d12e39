export { TandemClient } from './client.js';
export type {
  ClientCredentialsOptions,
  Connection,
  PageVariables,
  SyncOptions,
  SyncRun,
  SyncVariables,
  TandemClientOptions,
  TokenOptions,
  TypedDocument,
  VariablesOf,
  WaitForExportOptions,
} from './client.js';
export { TandemError, type GraphQLErrorBody, type TandemErrorDetails } from './errors.js';
export { verifyWebhook, WebhookVerificationError, type VerifyWebhookOptions, type WebhookHeaders } from './webhooks.js';
// The operations (…Document) with their result (…Query, …Mutation) and variables types, and the schema's enums and inputs.
export * from './gql/graphql.js';
