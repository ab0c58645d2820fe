import type { IntakeAnswers } from '../api/create-quote-from-template';

export const DEFAULT_ANSWERS: IntakeAnswers = {
  cableMeters: 10,
  groundWorkMeters: 0,
  meterCabinetUpgrade: false,
  smartMeter: false,
  mountingPole: false,
};

/**
 * A template's answers from what the customer told in the lead's intake questionnaire: the distance from
 * the meter cabinet to the parking place is the cable length, and a cabinet with old fuses needs an
 * upgrade. What the questionnaire does not ask keeps the template's default; the person can change all.
 */
export function answersFromIntake(intake: Record<string, unknown> | null | undefined): IntakeAnswers {
  if (!intake) return DEFAULT_ANSWERS;
  const distance = intake.distanceCabinetToParkingMeters;
  return {
    ...DEFAULT_ANSWERS,
    ...(typeof distance === 'number' && distance >= 0 ? { cableMeters: Math.min(200, Math.ceil(distance)) } : {}),
    meterCabinetUpgrade: intake.meterCabinetType === 'old_fuses',
  };
}
