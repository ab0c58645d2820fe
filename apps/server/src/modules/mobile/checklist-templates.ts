import type { z } from 'zod';
import type { ChecklistItem } from '@chargecars/contract';

type Item = z.infer<typeof ChecklistItem> & { labelEn: string };

/**
 * The steps of each visit type. Mandatory ones block completion until answered; a measurement must lie
 * within its limits (NEN 1010: earth resistance of a TT system at most 166 Ω behind a 30 mA RCD, and a
 * type A RCD trips within 300 ms at its rated current), and a photo step needs a photo with its key.
 */
export const CHECKLIST_TEMPLATES: Record<'survey' | 'installation' | 'meter_replacement', Item[]> = {
  survey: [
    {
      key: 'meter_cupboard_photo',
      label: 'Foto van de meterkast',
      labelEn: 'Photo of the meter cupboard',
      kind: 'photo',
      mandatory: true,
    },
    {
      key: 'connection_type',
      label: 'Aansluiting (1x/3x, ampère)',
      labelEn: 'Connection (1x/3x, amperes)',
      kind: 'text',
      mandatory: true,
    },
    {
      key: 'cable_length_m',
      label: 'Kabellengte',
      labelEn: 'Cable length',
      kind: 'number',
      mandatory: true,
      unit: 'm',
      min: 0,
      max: 200,
    },
    {
      key: 'parking_spot_photo',
      label: 'Foto van de laadplek',
      labelEn: 'Photo of the charging spot',
      kind: 'photo',
      mandatory: false,
    },
    { key: 'notes', label: 'Opmerkingen', labelEn: 'Remarks', kind: 'text', mandatory: false },
  ],
  installation: [
    {
      key: 'power_off_checked',
      label: 'Spanningsloos gemeten',
      labelEn: 'Measured voltage-free',
      kind: 'check',
      mandatory: true,
    },
    {
      key: 'cable_routed',
      label: 'Kabel getrokken en bevestigd',
      labelEn: 'Cable run and fixed',
      kind: 'check',
      mandatory: true,
    },
    {
      key: 'earth_resistance_ohm',
      label: 'Aardverspreidingsweerstand',
      labelEn: 'Earth electrode resistance',
      kind: 'number',
      mandatory: true,
      unit: 'Ω',
      min: 0,
      max: 166,
    },
    {
      key: 'rcd_trip_ms',
      label: 'Uitschakeltijd aardlekschakelaar',
      labelEn: 'RCD trip time',
      kind: 'number',
      mandatory: true,
      unit: 'ms',
      min: 1,
      max: 300,
    },
    {
      key: 'charger_configured',
      label: 'Laadpaal geconfigureerd (OCPP)',
      labelEn: 'Charger configured (OCPP)',
      kind: 'check',
      mandatory: false,
    },
    {
      key: 'test_charge',
      label: 'Proeflading geslaagd',
      labelEn: 'Test charge successful',
      kind: 'check',
      mandatory: true,
    },
    {
      key: 'finished_installation_photo',
      label: 'Foto van de afgeronde installatie',
      labelEn: 'Photo of the finished installation',
      kind: 'photo',
      mandatory: true,
    },
  ],
  meter_replacement: [
    {
      key: 'power_off_checked',
      label: 'Spanningsloos gemeten',
      labelEn: 'Measured voltage-free',
      kind: 'check',
      mandatory: true,
    },
    {
      key: 'old_meter_photo',
      label: 'Foto van de oude meter',
      labelEn: 'Photo of the old meter',
      kind: 'photo',
      mandatory: true,
    },
    {
      key: 'new_meter_photo',
      label: 'Foto van de nieuwe meter',
      labelEn: 'Photo of the new meter',
      kind: 'photo',
      mandatory: true,
    },
    {
      key: 'rcd_trip_ms',
      label: 'Uitschakeltijd aardlekschakelaar',
      labelEn: 'RCD trip time',
      kind: 'number',
      mandatory: true,
      unit: 'ms',
      min: 1,
      max: 300,
    },
  ],
};

export type VisitType = keyof typeof CHECKLIST_TEMPLATES;

/** A step by its key, in both languages with its unit, whatever the visit type (a key means the same step in each). */
export function stepLabel(key: string): { nl: string; en: string; unit: string | null } | null {
  const item = Object.values(CHECKLIST_TEMPLATES)
    .flat()
    .find((i) => i.key === key);
  return item ? { nl: item.label, en: item.labelEn, unit: item.unit ?? null } : null;
}

/** Whether a value fits a step; null when it does, the reason when it does not. */
export function answerProblem(item: Item, value: boolean | number | string): string | null {
  if (item.kind === 'check') return typeof value === 'boolean' ? null : 'verwacht ja of nee';
  if (item.kind === 'number') return typeof value === 'number' ? null : 'verwacht een getal';
  if (item.kind === 'text') return typeof value === 'string' ? null : 'verwacht tekst';
  return 'een fotostap wordt met een foto beantwoord';
}

/** The mandatory steps that are missing, or whose answer is outside its limits, as lines in both languages. */
export function missingCheckpoints(
  type: VisitType,
  answers: Map<string, boolean | number | string>,
  photoSteps: Set<string>,
): { nl: string; en: string }[] {
  const missing: { nl: string; en: string }[] = [];
  for (const item of CHECKLIST_TEMPLATES[type]) {
    if (!item.mandatory) continue;
    if (item.kind === 'photo') {
      if (!photoSteps.has(item.key))
        missing.push({ nl: `${item.label}: foto ontbreekt`, en: `${item.labelEn}: photo missing` });
      continue;
    }
    const value = answers.get(item.key);
    if (value === undefined || value === '' || value === false) {
      missing.push({ nl: `${item.label}: niet ingevuld`, en: `${item.labelEn}: not answered` });
      continue;
    }
    if (item.kind === 'number' && typeof value === 'number') {
      const unit = item.unit ?? '';
      if ((item.min !== undefined && value < item.min) || (item.max !== undefined && value > item.max))
        missing.push({
          nl: `${item.label}: ${value} ${unit} valt buiten ${item.min}–${item.max} ${unit}`.trim(),
          en: `${item.labelEn}: ${value} ${unit} is outside ${item.min}–${item.max} ${unit}`.trim(),
        });
    }
  }
  return missing;
}
