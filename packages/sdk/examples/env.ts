// Shared by the examples: the client from the environment.
//   TANDEM_URL            the GraphQL endpoint, e.g. https://tandem.example.com/graphql
//   TANDEM_CLIENT_ID      an API client's id     (or TANDEM_TOKEN: a bearer token you already have)
//   TANDEM_CLIENT_SECRET  and its secret
// In your own code, import from '@tandem/sdk' instead of '../src/index.js'.
import { TandemClient } from '../src/index.js';

export function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} (see the top of examples/env.ts)`);
  return value;
}

export function clientFromEnv(): TandemClient {
  const url = required('TANDEM_URL');
  const token = process.env.TANDEM_TOKEN;
  return token ? new TandemClient({ url, token }) : new TandemClient({ url, clientId: required('TANDEM_CLIENT_ID'), clientSecret: required('TANDEM_CLIENT_SECRET') });
}
