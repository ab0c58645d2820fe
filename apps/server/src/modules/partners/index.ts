import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { createApiKey, listApiKeys, revokeApiKey, rotateApiKey } from './manage-api-keys.ts';
import { resolveApiKey } from './resolve-api-key.ts';
import { partnerPerformance } from './partner-performance.ts';
import { assertActsForPartner } from './partner-scope.ts';

export { partnersRoutes } from './partners.routes.ts';
export { newApiKey, isWellFormedApiKey, hashApiKey, displayPrefix } from './api-key-format.ts';

export function createPartnersService(deps: { db: Db }) {
  return {
    resolveApiKey: (secret: string) => resolveApiKey(deps.db, secret),
    listApiKeys: (actor: Actor, partnerId: string) => listApiKeys(deps.db, actor, partnerId),
    createApiKey: (actor: Actor, input: { partnerId: string; name: string; scopes: string[] }) => createApiKey(deps.db, actor, input),
    rotateApiKey: (actor: Actor, input: { partnerId: string; keyId: string }) => rotateApiKey(deps.db, actor, input),
    revokeApiKey: (actor: Actor, input: { partnerId: string; keyId: string }) => revokeApiKey(deps.db, actor, input),
    performance: (actor: Actor, partnerId: string, days: number) => partnerPerformance(deps.db, actor, partnerId, days),
    assertActsFor: assertActsForPartner,
  };
}
export type PartnersService = ReturnType<typeof createPartnersService>;
