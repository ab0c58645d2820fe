import { RequestableProduct, VanRequest, VanRequestCreated } from '@chargecars/contract';
import { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';

/**
 * The van replenishment requests of the technician's own team (online only, not through the outbox): a
 * file of its own, imported only by the lazily loaded stock tab.
 */
export const myVanRequestsEndpoint = endpoint('GET', '/api/inventory/van-requests', z.array(VanRequest));
export const vanProductsEndpoint = endpoint('GET', '/api/inventory/van-requests/products', z.array(RequestableProduct));
export const askVanReplenishmentEndpoint = endpoint('POST', '/api/inventory/van-requests', VanRequestCreated);
