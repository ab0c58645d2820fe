import { z } from 'zod';
import { listQuery, page, Text } from './common.ts';

export const CustomerStatus = z.enum(['lead', 'prospect', 'customer', 'inactive']);

export const CustomerListQuery = listQuery(['name', 'createdAt', 'postcode', 'number'] as const).extend({
  entity: Text.max(40).optional(),
  status: CustomerStatus.optional(),
});

export const CustomerListItem = z
  .object({
    id: Text,
    number: Text,
    name: Text,
    email: Text,
    phone: Text.nullable(),
    postcode: Text.nullable(),
    houseNumber: z.number().int().nullable(),
    houseNumberAddition: Text.nullable(),
    street: Text.nullable(),
    city: Text.nullable(),
    status: CustomerStatus,
    entities: z.array(Text),
    createdAt: Text,
  })
  .meta({ id: 'CustomerListItem' });

export const CustomerPage = page(CustomerListItem);

export const Address = z.object({
  id: Text,
  kind: z.enum(['installation', 'billing']),
  street: Text,
  houseNumber: z.number().int(),
  houseNumberAddition: Text.nullable(),
  postcode: Text,
  city: Text,
  municipality: Text.nullable(),
  province: Text.nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});

export const Interaction = z.object({
  id: Text,
  entityId: Text,
  entityName: Text,
  channel: Text,
  summary: Text,
  occurredAt: Text,
});
export const Note = z.object({ id: Text, body: Text, authorName: Text, createdAt: Text });
export const NewNote = z.object({ body: Text.trim().min(1, 'Vul een notitie in').max(5000) });

export const QuoteSummary = z.object({
  id: Text,
  number: Text,
  entityId: Text,
  status: Text,
  customerTotalCents: z.number().int(),
  partnerTotalCents: z.number().int(),
  createdAt: Text,
});
export const OrderSummary = z.object({
  id: Text,
  number: Text,
  entityId: Text,
  stage: Text,
  progress: z.number().int(),
  totalCents: z.number().int(),
  createdAt: Text,
});
export const VisitSummary = z.object({
  id: Text,
  number: Text,
  type: Text,
  status: Text,
  date: Text.nullable(),
  block: Text.nullable(),
  teamName: Text.nullable(),
  durationMinutes: z.number().int(),
  requiredSkills: z.array(Text),
});

export const CustomerDetail = CustomerListItem.extend({
  kind: z.enum(['consumer', 'business']),
  companyName: Text.nullable(),
  sourceEntityId: Text,
  sourcePartnerName: Text.nullable(),
  addresses: z.array(Address),
  interactions: z.array(Interaction),
  quotes: z.array(QuoteSummary),
  orders: z.array(OrderSummary),
  visits: z.array(VisitSummary),
  notes: z.array(Note),
  tags: z.array(Text),
}).meta({ id: 'CustomerDetail' });
