import { z } from 'zod';
import { listQuery, page } from './common.ts';

export const CustomerStatus = z.enum(['lead', 'prospect', 'customer', 'inactive']);

export const CustomerListQuery = listQuery(['name', 'createdAt', 'postcode', 'number'] as const).extend({
  entity: z.string().max(40).optional(),
  status: CustomerStatus.optional(),
});

export const CustomerListItem = z
  .object({
    id: z.string(),
    number: z.string(),
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    postcode: z.string().nullable(),
    houseNumber: z.number().int().nullable(),
    houseNumberAddition: z.string().nullable(),
    street: z.string().nullable(),
    city: z.string().nullable(),
    status: CustomerStatus,
    entities: z.array(z.string()),
    createdAt: z.string(),
  })
  .meta({ id: 'CustomerListItem' });

export const CustomerPage = page(CustomerListItem);

export const Address = z.object({
  id: z.string(),
  kind: z.enum(['installation', 'billing']),
  street: z.string(),
  houseNumber: z.number().int(),
  houseNumberAddition: z.string().nullable(),
  postcode: z.string(),
  city: z.string(),
  municipality: z.string().nullable(),
  province: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});

export const Interaction = z.object({ id: z.string(), entityId: z.string(), entityName: z.string(), channel: z.string(), summary: z.string(), occurredAt: z.string() });
export const Note = z.object({ id: z.string(), body: z.string(), authorName: z.string(), createdAt: z.string() });
export const NewNote = z.object({ body: z.string().trim().min(1, 'Vul een notitie in').max(5000) });

export const QuoteSummary = z.object({ id: z.string(), number: z.string(), entityId: z.string(), status: z.string(), customerTotalCents: z.number().int(), partnerTotalCents: z.number().int(), createdAt: z.string() });
export const OrderSummary = z.object({ id: z.string(), number: z.string(), entityId: z.string(), stage: z.string(), progress: z.number().int(), totalCents: z.number().int(), createdAt: z.string() });
export const VisitSummary = z.object({ id: z.string(), number: z.string(), type: z.string(), status: z.string(), date: z.string().nullable(), block: z.string().nullable(), teamName: z.string().nullable() });

export const CustomerDetail = CustomerListItem.extend({
  kind: z.enum(['consumer', 'business']),
  companyName: z.string().nullable(),
  sourceEntityId: z.string(),
  sourcePartnerName: z.string().nullable(),
  addresses: z.array(Address),
  interactions: z.array(Interaction),
  quotes: z.array(QuoteSummary),
  orders: z.array(OrderSummary),
  visits: z.array(VisitSummary),
  notes: z.array(Note),
  tags: z.array(z.string()),
}).meta({ id: 'CustomerDetail' });
