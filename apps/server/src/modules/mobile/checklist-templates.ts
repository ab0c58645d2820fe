import type { z } from 'zod';
import type { ChecklistItem } from '@chargecars/contract';

type Item = z.infer<typeof ChecklistItem>;

/**
 * The steps of each visit type. Mandatory ones block completion until answered; a measurement must lie
 * within its limits (NEN 1010: earth resistance of a TT system at most 166 Ω behind a 30 mA RCD, and a
 * type A RCD trips within 300 ms at its rated current), and a photo step needs a photo with its key.
 */
export const CHECKLIST_TEMPLATES: Record<'survey' | 'installation' | 'meter_replacement', Item[]> = {
  survey: [
    { key: 'meter_cupboard_photo', label: 'Foto van de meterkast', kind: 'photo', mandatory: true },
    { key: 'connection_type', label: 'Aansluiting (1x/3x, ampère)', kind: 'text', mandatory: true },
    { key: 'cable_length_m', label: 'Kabellengte', kind: 'number', mandatory: true, unit: 'm', min: 0, max: 200 },
    { key: 'parking_spot_photo', label: 'Foto van de laadplek', kind: 'photo', mandatory: false },
    { key: 'notes', label: 'Opmerkingen', kind: 'text', mandatory: false },
  ],
  installation: [
    { key: 'power_off_checked', label: 'Spanningsloos gemeten', kind: 'check', mandatory: true },
    { key: 'cable_routed', label: 'Kabel getrokken en bevestigd', kind: 'check', mandatory: true },
    {
      key: 'earth_resistance_ohm',
      label: 'Aardverspreidingsweerstand',
      kind: 'number',
      mandatory: true,
      unit: 'Ω',
      min: 0,
      max: 166,
    },
    {
      key: 'rcd_trip_ms',
      label: 'Uitschakeltijd aardlekschakelaar',
      kind: 'number',
      mandatory: true,
      unit: 'ms',
      min: 1,
      max: 300,
    },
    { key: 'charger_configured', label: 'Laadpaal geconfigureerd (OCPP)', kind: 'check', mandatory: false },
    { key: 'test_charge', label: 'Proeflading geslaagd', kind: 'check', mandatory: true },
    { key: 'finished_installation_photo', label: 'Foto van de afgeronde installatie', kind: 'photo', mandatory: true },
  ],
  meter_replacement: [
    { key: 'power_off_checked', label: 'Spanningsloos gemeten', kind: 'check', mandatory: true },
    { key: 'old_meter_photo', label: 'Foto van de oude meter', kind: 'photo', mandatory: true },
    { key: 'new_meter_photo', label: 'Foto van de nieuwe meter', kind: 'photo', mandatory: true },
    {
      key: 'rcd_trip_ms',
      label: 'Uitschakeltijd aardlekschakelaar',
      kind: 'number',
      mandatory: true,
      unit: 'ms',
      min: 1,
      max: 300,
    },
  ],
};

export type VisitType = keyof typeof CHECKLIST_TEMPLATES;

/** Whether a value fits a step; null when it does, the reason when it does not. */
export function answerProblem(item: Item, value: boolean | number | string): string | null {
  if (item.kind === 'check') return typeof value === 'boolean' ? null : 'verwacht ja of nee';
  if (item.kind === 'number') return typeof value === 'number' ? null : 'verwacht een getal';
  if (item.kind === 'text') return typeof value === 'string' ? null : 'verwacht tekst';
  return 'een fotostap wordt met een foto beantwoord';
}

/** The mandatory steps that are missing, or whose answer is outside its limits (as Dutch lines). */
export function missingCheckpoints(
  type: VisitType,
  answers: Map<string, boolean | number | string>,
  photoSteps: Set<string>,
): string[] {
  const missing: string[] = [];
  for (const item of CHECKLIST_TEMPLATES[type]) {
    if (!item.mandatory) continue;
    if (item.kind === 'photo') {
      if (!photoSteps.has(item.key)) missing.push(`${item.label}: foto ontbreekt`);
      continue;
    }
    const value = answers.get(item.key);
    if (value === undefined || value === '' || value === false) {
      missing.push(`${item.label}: niet ingevuld`);
      continue;
    }
    if (item.kind === 'number' && typeof value === 'number') {
      if ((item.min !== undefined && value < item.min) || (item.max !== undefined && value > item.max))
        missing.push(
          `${item.label}: ${value} ${item.unit ?? ''} valt buiten ${item.min}–${item.max} ${item.unit ?? ''}`.trim(),
        );
    }
  }
  return missing;
}
