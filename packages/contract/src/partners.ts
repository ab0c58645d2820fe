import { z } from 'zod';
import { listQuery, page, Text } from './common.ts';
import { VatNumber } from './vat.ts';

export const ApiScope = z.enum(['leads:write', 'leads:read', 'orders:write', 'performance:read', 'webhooks:manage']);
export const PartnerParams = z.object({ id: Text.uuid() });
export const PartnerKeyParams = z.object({ id: Text.uuid(), keyId: Text.uuid() });

export const NewApiKey = z
  .object({ name: Text.trim().min(1).max(80), scopes: z.array(ApiScope).min(1).max(5) })
  .strict();
export const ApiKey = z
  .object({
    id: Text,
    name: Text,
    prefix: Text,
    scopes: z.array(Text),
    createdAt: Text,
    lastUsedAt: Text.nullable(),
    revokedAt: Text.nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'ApiKey' });
/** Only the answer to create and rotate carries the secret: it is shown once. */
export const ApiKeyWithSecret = ApiKey.extend({ secret: Text }).meta({ id: 'ApiKeyWithSecret' });
export const ApiKeyList = z.object({ items: z.array(ApiKey) });

export const PerformanceQuery = z.object({ days: z.coerce.number().int().min(1).max(730).default(90) });
export const PartnerPerformance = z
  .object({
    partnerId: Text,
    since: Text,
    days: z.number().int(),
    leads: z.object({
      total: z.number().int(),
      byStatus: z.record(Text, z.number().int()),
      qualificationRate: z.number(),
      conversionRate: z.number(),
      averageScore: z.number().int().nullable(),
    }),
    orders: z.object({ total: z.number().int(), completed: z.number().int() }),
  })
  .meta({ id: 'PartnerPerformance' });

/** A B2B order a partner places on behalf of its customer (PRD: POST /api/partners/:id/orders). */
export const NewPartnerOrder = z
  .object({
    customer: z
      .object({
        name: Text.trim().min(1).max(120),
        email: Text.trim().max(254).email('ongeldig e-mailadres'),
        phone: Text.trim().min(6).max(30).optional(),
      })
      .strict(),
    installationAddress: z
      .object({
        postcode: Text.trim().regex(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/, 'postcode moet het formaat 1234 AB hebben'),
        houseNumber: z.number().int().min(1).max(99_999),
        addition: Text.trim().max(10).optional(),
        street: Text.trim().min(1).max(120),
        city: Text.trim().min(1).max(80),
      })
      .strict(),
    partnerReference: Text.trim().min(1).max(100).optional(),
    lines: z
      .array(
        z
          .object({
            description: Text.trim().min(1).max(200),
            quantity: z.number().positive().max(1000),
            unitPriceCents: z.number().int().min(0).max(100_000_000),
            vatRate: z.union([z.literal(0), z.literal(9), z.literal(21)]),
            billTo: z.enum(['customer', 'partner']),
          })
          .strict(),
      )
      .min(1)
      .max(50),
  })
  .strict()
  .meta({ id: 'NewPartnerOrder' });
export const PartnerOrderCreated = z
  .object({ id: Text, number: Text, stage: Text, totalCents: z.number().int(), customerId: Text })
  .meta({ id: 'PartnerOrderCreated' });

export const PartnerCategory = z.enum(['LeadTransfer', 'Automotive', 'Energy', 'B2BContractor']);
export const PartnerListQuery = listQuery(['name', 'number', 'createdAt'] as const).extend({
  category: PartnerCategory.optional(),
});
export const PartnerListItem = z
  .object({
    id: Text,
    number: Text,
    name: Text,
    category: PartnerCategory,
    entityId: Text,
    status: Text,
    email: Text,
    orders: z.number().int(),
    createdAt: Text,
  })
  .meta({ id: 'PartnerListItem' });
export const PartnerPage = page(PartnerListItem);

/** One partner as ops (and the partner itself) see it; `reverseCharge` says whether its invoices carry "Btw verlegd". */
export const PartnerDetail = PartnerListItem.extend({
  phone: Text.nullable(),
  kvkNumber: Text,
  vatNumber: Text.nullable(),
  reverseCharge: z.boolean(),
}).meta({ id: 'PartnerDetail' });
/** What ops change on a partner; null clears the VAT number. */
export const UpdatePartnerBody = z
  .object({ vatNumber: VatNumber.nullable().optional() })
  .strict()
  .meta({ id: 'UpdatePartnerBody' });

/**
 * How a partner hears from us by e-mail: its contact's address and language (every mail to the partner is
 * written in it), and which events it also wants by mail besides its webhooks.
 */
export const PartnerMailSettings = z
  .object({
    email: Text.trim()
      .toLowerCase()
      .max(254)
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'geen geldig e-mailadres'),
    language: z.enum(['nl', 'en']),
    leadQualified: z.boolean(),
    orderCreated: z.boolean(),
  })
  .strict()
  .meta({ id: 'PartnerMailSettings' });
export type PartnerMailSettings = z.infer<typeof PartnerMailSettings>;
