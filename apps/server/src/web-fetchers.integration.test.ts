import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webEndpointsByRoute } from './test/web-endpoints.ts';
import { closeWorld, openWorld, type Cases } from './web-fetchers/harness.ts';
import { relationsCases } from './web-fetchers/relations-cases.ts';
import { ordersAndPlanningCases } from './web-fetchers/orders-and-planning-cases.ts';
import { technicianAppCases } from './web-fetchers/technician-app-cases.ts';
import { fieldOpsCases } from './web-fetchers/field-ops-cases.ts';
import { quotesAndSigningCases } from './web-fetchers/quotes-and-signing-cases.ts';
import { leadsCases } from './web-fetchers/leads-cases.ts';
import { billingCases } from './web-fetchers/billing-cases.ts';
import { messagesCases } from './web-fetchers/messages-cases.ts';
import { partnerIntegrationCases } from './web-fetchers/partner-integration-cases.ts';
import { inventoryCases } from './web-fetchers/inventory-cases.ts';
import { transfersCases } from './web-fetchers/transfers-cases.ts';
import { administrationCases } from './web-fetchers/administration-cases.ts';
import { notificationsCases } from './web-fetchers/notifications-cases.ts';

const webEndpoints = await webEndpointsByRoute();

beforeAll(openWorld, 300_000);
afterAll(closeWorld);

/**
 * Every endpoint the web fetches, called as the web calls it, in an order where each case finds what it
 * needs (a quote an earlier case made, a link a mail carried). Each case answers the responses its parser
 * must read; list and detail reads are asked as every role whose portal shows them, since the server
 * shapes the answer by role. The cases live by use case in web-fetchers/.
 */
const cases: Cases = {
  ...relationsCases,
  ...ordersAndPlanningCases,
  ...technicianAppCases,
  ...fieldOpsCases,
  ...quotesAndSigningCases,
  ...leadsCases,
  ...billingCases,
  ...messagesCases,
  ...partnerIntegrationCases,
  ...inventoryCases,
  ...transfersCases,
  ...administrationCases,
  ...notificationsCases,
};

describe('every web fetcher reads the real answer of its endpoint', () => {
  it('has a case for every endpoint the web declares, and no case for one it does not', () => {
    expect([...webEndpoints.keys()].sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [route, run] of Object.entries(cases)) {
    it(route, async () => {
      const parsers = webEndpoints.get(route) ?? [];
      expect(parsers, `no web fetcher calls ${route}`).not.toHaveLength(0);
      for (const res of await run()) {
        expect(res.statusCode, res.body).toBeLessThan(300);
        for (const { name, endpoint } of parsers) {
          if (endpoint.response === null) expect(res.body, name).toBe('');
          else {
            const parsed = endpoint.response.safeParse(res.statusCode === 204 ? undefined : res.json());
            expect(parsed.error?.issues ?? [], `${name} cannot read ${route}`).toEqual([]);
          }
        }
      }
    });
  }
});
