import { z } from 'zod';
import { LocalDate, Text, Timestamp, Uuid } from './common.ts';
import { DayBlock } from './planning.ts';
import { VisitType } from './quotes.ts';

/** A phone or tablet a technician logged in on; ops can revoke it, and its next sync wipes it. */
export const MobileDevice = z.object({
  id: Uuid,
  userId: Uuid,
  userName: Text,
  teamId: Uuid,
  label: Text,
  registeredAt: Timestamp,
  lastSyncAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export const RegisterDeviceBody = z.object({ label: Text.min(1).max(200) });
/** The outbox's ordered event id as a decimal string (a bigint); 0 or absent: everything. */
export const SyncCursor = Text.regex(/^\d{1,19}$/, 'verwacht een cursor uit een eerdere synchronisatie');
export const SyncQuery = z.object({ cursor: SyncCursor.optional(), deviceId: Uuid });

export const CHECKPOINT_KINDS = ['check', 'number', 'photo', 'text'] as const;
/** One step of a visit type's checklist; a mandatory one blocks completion until answered within its limits. */
export const ChecklistItem = z.object({
  key: Text,
  label: Text,
  /** The step in English (issue 16); an app that stored its templates before it existed shows `label`. */
  labelEn: Text.optional(),
  kind: z.enum(CHECKPOINT_KINDS),
  mandatory: z.boolean(),
  unit: Text.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});
export const ChecklistTemplates = z.record(VisitType, z.array(ChecklistItem));

export const VISIT_OUTCOMES = ['completed', 'partial', 'rescheduled', 'cancelled'] as const;
export const VisitOutcome = z.enum(VISIT_OUTCOMES);

const AnswerValue = z.union([z.boolean(), z.number().finite(), Text.max(2000)]);

/** What the team has recorded on a visit from the app, as ops and every team device see it. */
export const VisitExecution = z.object({
  onTheWayAt: Timestamp.nullable(),
  arrivedAt: Timestamp.nullable(),
  answers: z.record(Text, z.object({ value: AnswerValue, actedAt: Timestamp })),
  photos: z.array(z.object({ sha256: Text, step: Text })),
  parts: z.array(
    z.object({
      commandId: Uuid,
      productId: Uuid,
      productName: Text,
      productNameEn: Text.nullable(),
      quantity: z.number().int(),
      serialNumber: Text.nullable(),
    }),
  ),
  issues: z.array(z.object({ commandId: Uuid, category: Text, note: Text, photoSha256: Text.nullable() })),
  signature: z.object({ signerName: Text, imageSha256: Text, actedAt: Timestamp }).nullable(),
  satisfaction: z.number().int().nullable(),
  outcome: VisitOutcome.nullable(),
  outcomeReason: Text.nullable(),
});

export const SyncVisit = z.object({
  id: Uuid,
  number: Text,
  version: SyncCursor,
  type: VisitType,
  status: Text,
  date: LocalDate.nullable(),
  block: DayBlock.nullable(),
  durationMinutes: z.number().int(),
  instructions: Text.nullable(),
  orderNumber: Text,
  customer: z.object({ name: Text, phone: Text.nullable() }),
  address: z.object({
    street: Text,
    houseNumber: z.number().int(),
    houseNumberAddition: Text.nullable(),
    postcode: Text,
    city: Text,
    lat: z.number().nullable(),
    lon: z.number().nullable(),
  }),
  lines: z.array(
    z.object({ description: Text, descriptionEn: Text.nullable(), quantity: z.number(), productId: Uuid.nullable() }),
  ),
  execution: VisitExecution,
});
export const VanStockItem = z.object({
  productId: Uuid,
  sku: Text,
  name: Text,
  nameEn: Text.nullable(),
  tracking: Text,
  lot: Text,
  onHand: z.number().int(),
});
export const SyncAnswer = z.object({
  cursor: SyncCursor,
  visits: z.array(SyncVisit),
  removed: z.array(Uuid),
  vanStock: z.array(VanStockItem),
  templates: ChecklistTemplates,
});

/**
 * A phone's first contact: its id, and the team's week as a sync without a cursor answers it, so the
 * first screen needs no second round trip (issue 15: a phone on a slow link).
 */
export const DeviceRegistered = z.object({ deviceId: Uuid, firstSync: SyncAnswer });

export const COMMAND_KINDS = [
  'on_the_way',
  'arrive',
  'answer',
  'photo',
  'part',
  'issue',
  'signature',
  'satisfaction',
  'outcome',
] as const;
const Sha256 = Text.regex(/^[0-9a-f]{64}$/, 'verwacht een SHA-256 (64 hexadecimale tekens)');
export const CommandPayload = z.discriminatedUnion('kind', [
  // The team sets out for the visit: the customer is told when to expect it.
  z.object({ kind: z.literal('on_the_way') }),
  z.object({ kind: z.literal('arrive') }),
  z.object({ kind: z.literal('answer'), field: Text.min(1).max(100), value: AnswerValue }),
  z.object({ kind: z.literal('photo'), sha256: Sha256, step: Text.min(1).max(100) }),
  z.object({
    kind: z.literal('part'),
    productId: Uuid,
    quantity: z.number().int().min(1).max(1000),
    serialNumber: Text.trim().min(1).max(100).nullable(),
  }),
  z.object({
    kind: z.literal('issue'),
    category: z.enum(['material', 'access', 'customer', 'safety', 'other']),
    note: Text.max(2000),
    photoSha256: Sha256.nullable(),
  }),
  z.object({
    kind: z.literal('signature'),
    signerName: Text.min(1).max(200),
    imageSha256: Sha256,
    // signature_pad's point groups: each stroke a list of x, y, time.
    strokes: z.array(z.array(z.tuple([z.number(), z.number(), z.number()])).max(5000)).max(200),
  }),
  z.object({ kind: z.literal('satisfaction'), score: z.number().int().min(1).max(5) }),
  z.object({ kind: z.literal('outcome'), outcome: VisitOutcome, reason: Text.max(1000).nullable() }),
]);
export type CommandPayload = z.infer<typeof CommandPayload>;
export const MobileCommand = z.object({
  id: Uuid,
  deviceId: Uuid,
  visitId: Uuid,
  actedAt: Timestamp,
  baseVersion: SyncCursor,
  payload: CommandPayload,
});
export type MobileCommand = z.infer<typeof MobileCommand>;
export const CommandBatch = z.object({ deviceId: Uuid, commands: z.array(MobileCommand).min(1).max(100) });

export const COMMAND_RESULTS = ['applied', 'duplicate', 'conflict', 'rejected'] as const;
export const CommandAnswer = z.object({
  id: Uuid,
  result: z.enum(COMMAND_RESULTS),
  // rejected: why (code and message); conflict: what won.
  code: Text.nullable(),
  message: Text.nullable(),
  winner: z.unknown().optional(),
});
export type CommandAnswer = z.infer<typeof CommandAnswer>;
export const CommandBatchAnswer = z.object({ answers: z.array(CommandAnswer) });

export const PhotoStored = z.object({ sha256: Text, bytes: z.number().int(), created: z.boolean() });
export const Sha256Params = z.object({ sha256: Sha256 });

export const FIELD_CASE_KINDS = ['checklist_conflict', 'status_conflict', 'serial_twice', 'outcome_follow_up'] as const;
/** What a field change left for ops to look at: a lost checklist answer, a status clash, a serial used twice. */
export const FieldCase = z.object({
  id: Uuid,
  visitId: Uuid,
  visitNumber: Text,
  kind: z.enum(FIELD_CASE_KINDS),
  field: Text.nullable(),
  /** The checklist step `field` names, as people read it (issue 16: ops saw the raw key); null for other fields. */
  fieldLabel: z.object({ nl: Text, en: Text, unit: Text.nullable() }).nullable(),
  winner: z.unknown(),
  loser: z.unknown(),
  createdAt: Timestamp,
});
export const VisitExecutionView = z.object({
  visitId: Uuid,
  execution: VisitExecution,
  cases: z.array(FieldCase),
  reportAvailable: z.boolean(),
});
