import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { ApiKeyPrincipal } from '../../platform/auth/auth.plugin.ts';
import { createApiKey } from './create-api-key.ts';
import { listApiKeys } from './list-api-keys.ts';
import { revokeApiKey } from './revoke-api-key.ts';
import { rotateApiKey } from './rotate-api-key.ts';
import { resolveApiKey } from './resolve-api-key.ts';
import { partnerPerformance } from '../../read-models/partner-performance.ts';
import { listPartners, type ListPartnersOptions } from '../../read-models/partner-list.ts';
import { assertActsForPartner } from './partner-scope.ts';
import { getPartner } from './get-partner.ts';
import { updatePartner, type PartnerChanges } from './update-partner.ts';
import { getPartnerMailSettings, savePartnerMailSettings } from './partner-mail-settings.ts';
import type { PartnerMailSettings } from '@chargecars/contract';

export { partnersRoutes } from './partners.routes.ts';
export { newApiKey, isWellFormedApiKey, hashApiKey, displayPrefix } from './api-key-format.ts';
export { qualifiesForReverseCharge } from './reverse-charge.ts';
export { agreementOn, findPartner, vatStandingOf } from './partner-terms.ts';
export { assertActsForPartner } from './partner-scope.ts';
export { mailSettingsOf } from './partner-mail-settings.ts';

/**
 * A resolved key is trusted this long on one instance: it saves two queries on every API call. A key
 * revoked here stops at once (the cache is cleared); on other instances within this time.
 */
const KEY_CACHE_MS = 5_000;

export function createPartnersService(deps: { db: Db }) {
  const keyCache = new Map<string, { at: number; principal: Promise<ApiKeyPrincipal | null> }>();
  const forgetKeys = <T>(result: Promise<T>) => result.finally(() => keyCache.clear());
  return {
    resolveApiKey(secret: string) {
      const hit = keyCache.get(secret);
      if (hit && Date.now() - hit.at < KEY_CACHE_MS) return hit.principal;
      if (keyCache.size > 10_000) keyCache.clear();
      const principal = resolveApiKey(deps.db, secret);
      keyCache.set(secret, { at: Date.now(), principal });
      principal.catch(() => keyCache.delete(secret));
      return principal;
    },
    list: (opts: ListPartnersOptions) => listPartners(deps.db, opts),
    get: (actor: Actor, id: string) => getPartner(deps.db, actor, id),
    update: (actor: Actor, partnerId: string, changes: PartnerChanges) =>
      updatePartner(deps.db, actor, { partnerId, changes }),
    listApiKeys: (actor: Actor, partnerId: string) => listApiKeys(deps.db, actor, partnerId),
    createApiKey: (actor: Actor, input: { partnerId: string; name: string; scopes: string[] }) =>
      createApiKey(deps.db, actor, input),
    rotateApiKey: (actor: Actor, input: { partnerId: string; keyId: string }) =>
      forgetKeys(rotateApiKey(deps.db, actor, input)),
    revokeApiKey: (actor: Actor, input: { partnerId: string; keyId: string }) =>
      forgetKeys(revokeApiKey(deps.db, actor, input)),
    mailSettings: (actor: Actor, partnerId: string) => getPartnerMailSettings(deps.db, actor, partnerId),
    saveMailSettings: (actor: Actor, partnerId: string, settings: PartnerMailSettings) =>
      savePartnerMailSettings(deps.db, actor, partnerId, settings),
    performance: (actor: Actor, partnerId: string, days: number) => partnerPerformance(deps.db, actor, partnerId, days),
    assertActsFor: assertActsForPartner,
  };
}
export type PartnersService = ReturnType<typeof createPartnersService>;
