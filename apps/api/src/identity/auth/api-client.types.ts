import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { ApiClientEntity } from './api-client.entity.js';

/** An integrator's API client as an admin sees it: never its secret or the secret's hash. */
@ObjectType('ApiClient')
export class ApiClient {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'The id the client presents to issueApiToken' })
  clientId: string;

  @Field(() => [String], { description: 'Scopes its tokens carry (responses:read, ...)' })
  scopes: string[];

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Its last token or request, to the minute' })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Its tokens stopped working at this moment' })
  revokedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'After a rotation, the secret before it works until this moment' })
  previousSecretExpiresAt: Date | null;

  static from(entity: ApiClientEntity, now: Date): ApiClient {
    const client = new ApiClient();
    client.id = entity.id;
    client.name = entity.name;
    client.clientId = entity.clientId;
    client.scopes = [...entity.scopes];
    client.createdAt = entity.createdAt;
    client.lastUsedAt = entity.lastUsedAt;
    client.revokedAt = entity.revokedAt;
    const overlap = entity.previousSecretExpiresAt;
    client.previousSecretExpiresAt = overlap && overlap.getTime() > now.getTime() && !entity.revokedAt ? overlap : null;
    return client;
  }
}

@ObjectType('ApiClientSecret', { description: 'A new secret: shown once, only its hash is kept' })
export class ApiClientSecret {
  @Field(() => ApiClient)
  client: ApiClient;

  @Field(() => String)
  clientSecret: string;
}

@InputType('CreateApiClientInput')
export class CreateApiClientInput {
  @Field(() => String)
  name: string;

  @Field(() => [String], { description: 'One or more of the scopes: responses:read, responses:write, contacts:write, analytics:read, waves:write, surveys:send' })
  scopes: string[];
}
