import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

const intakeSchema = z.object({ leadNumber: z.string(), firstName: z.string(), completed: z.boolean() });

export type IntakeAnswers = {
  meterCabinetType: 'modern_groups' | 'old_fuses' | 'unknown';
  phases: '1' | '3' | 'unknown';
  distanceCabinetToParkingMeters: number;
  parking: 'driveway' | 'garage' | 'carport' | 'street';
  remarks?: string | undefined;
  photos: { fileName: string; contentType: string; dataBase64: string }[];
};

/** GET /api/intake/:token: public, the token in the customer's email is the only key. */
export function useIntake(token: string) {
  return useQuery({ queryKey: ['intake', token], queryFn: ({ signal }) => request(`/api/intake/${encodeURIComponent(token)}`, intakeSchema, { signal, allowUnauthorized: true }), retry: false });
}

export function useSubmitIntake(token: string) {
  return useMutation({ mutationFn: (answers: IntakeAnswers) => request(`/api/intake/${encodeURIComponent(token)}`, intakeSchema, { method: 'POST', body: answers, allowUnauthorized: true }) });
}
