import { z } from 'zod';
import { Text, Uuid } from './common.ts';
import { IdempotencyKey, Tracking } from './inventory-ledger.ts';

/** A supplier's UBL 2.1 DespatchAdvice (its delivery note), read into the receipt it announces. */
export const DespatchAdviceBody = z.object({ xml: Text.min(1).max(900_000) });
export const DespatchAdviceReceipt = z
  .object({
    despatchId: Text,
    issueDate: Text.nullable(),
    idempotencyKey: IdempotencyKey,
    lines: z.array(
      z.object({
        productId: Uuid,
        sku: Text,
        name: Text,
        tracking: Tracking,
        quantity: z.number().int(),
        serialNumbers: z.array(Text),
        batchCode: Text.nullable(),
      }),
    ),
    warnings: z.array(Text),
  })
  .meta({ id: 'DespatchAdviceReceipt' });
export type DespatchAdviceReceipt = z.infer<typeof DespatchAdviceReceipt>;
