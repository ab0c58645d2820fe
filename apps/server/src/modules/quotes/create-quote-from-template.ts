import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { activeQuoteTemplate, type INTAKE_ANSWERS } from '../catalog/index.ts';
import { createQuote } from './create-quote.ts';
import type { LineInput } from './price-quote-lines.ts';

export type IntakeAnswers = {
  cableMeters: number;
  groundWorkMeters: number;
  meterCabinetUpgrade: boolean;
  smartMeter: boolean;
  mountingPole: boolean;
};

/** The standard installation includes 10 m of cable; what the customer needs beyond it is theirs to pay. */
export const INCLUDED_CABLE_METERS = 10;

/** What each template answer key means in numbers, from the intake answers. */
function answerValues(a: IntakeAnswers): Record<(typeof INTAKE_ANSWERS)[number], number> {
  return {
    includedCableMeters: Math.min(a.cableMeters, INCLUDED_CABLE_METERS),
    extraCableMeters: Math.max(0, a.cableMeters - INCLUDED_CABLE_METERS),
    groundWorkMeters: a.groundWorkMeters,
    meterCabinetUpgrade: a.meterCabinetUpgrade ? 1 : 0,
    smartMeter: a.smartMeter ? 1 : 0,
    mountingPole: a.mountingPole ? 1 : 0,
  };
}

/** One click: a template plus the intake answers gives a complete, priced, allocated draft quote. */
export async function createQuoteFromTemplate(
  db: Db,
  actor: Actor,
  opts: {
    templateId: string;
    customerId: string;
    partnerId?: string | null | undefined;
    leadId?: string | null | undefined;
    answers: IntakeAnswers;
  },
) {
  const found = await activeQuoteTemplate(db, opts.templateId);
  if (!found) throw notFound('Offertesjabloon');
  const { template, lines: rows } = found;
  const values = answerValues(opts.answers);
  const lines: LineInput[] = rows.flatMap((row) => {
    if (!row.quantityAnswer) return [{ productId: row.productId, quantity: row.quantity }];
    const value = values[row.quantityAnswer];
    if (value <= 0) return [];
    const isFlag = ['meterCabinetUpgrade', 'smartMeter', 'mountingPole'].includes(row.quantityAnswer);
    return [
      {
        productId: row.productId,
        quantity: isFlag ? row.quantity : value,
        beyondStandard: row.quantityAnswer === 'extraCableMeters',
      },
    ];
  });
  return createQuote(db, actor, {
    entityId: template.entityId,
    customerId: opts.customerId,
    partnerId: opts.partnerId,
    leadId: opts.leadId,
    lines,
  });
}
