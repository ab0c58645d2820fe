import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CustomerSurvey } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type { CustomerSurvey };

/** GET/POST /api/surveys/:token: public, the token in the survey mail is the only key. */
export const surveyEndpoint = endpoint('GET', '/api/surveys/:token', CustomerSurvey);
export const answerSurveyEndpoint = endpoint('POST', '/api/surveys/:token', CustomerSurvey);

export function useSurvey(token: string) {
  return useQuery({
    queryKey: ['survey', token],
    queryFn: ({ signal }) => request(surveyEndpoint, { params: { token }, signal, allowUnauthorized: true }),
    retry: false,
  });
}

export function useAnswerSurvey(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: { score: number; remark?: string }) =>
      request(answerSurveyEndpoint, { params: { token }, body: answer, allowUnauthorized: true }),
    onSuccess: (survey) => queryClient.setQueryData(['survey', token], survey),
  });
}
