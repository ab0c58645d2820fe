import { useMutation, useQuery } from '@tanstack/react-query';
import { IntakeView } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type IntakeAnswers = {
  meterCabinetType: 'modern_groups' | 'old_fuses' | 'unknown';
  phases: '1' | '3' | 'unknown';
  distanceCabinetToParkingMeters: number;
  parking: 'driveway' | 'garage' | 'carport' | 'street';
  remarks?: string | undefined;
  photos: { fileName: string; contentType: string; dataBase64: string }[];
};

/** GET /api/intake/:token: public, the token in the customer's email is the only key. */
export const intakeEndpoint = endpoint('GET', '/api/intake/:token', IntakeView);
export const submitIntakeEndpoint = endpoint('POST', '/api/intake/:token', IntakeView);

export function useIntake(token: string) {
  return useQuery({
    queryKey: ['intake', token],
    queryFn: ({ signal }) => request(intakeEndpoint, { params: { token }, signal, allowUnauthorized: true }),
    retry: false,
  });
}

export function useSubmitIntake(token: string) {
  return useMutation({
    mutationFn: (answers: IntakeAnswers) =>
      request(submitIntakeEndpoint, { params: { token }, body: answers, allowUnauthorized: true }),
  });
}
