import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CustomerSurvey,
  Problem,
  SatisfactionOverview,
  SatisfactionQuery,
  SurveyAnswer,
  SurveyTokenParams,
} from '@chargecars/contract';
import type { CommunicationsService } from './index.ts';

/** The customer's survey by its link (public: the token is the key), and the scores for ops. */
export function satisfactionRoutes(app: FastifyInstance, comms: CommunicationsService) {
  const { surveys } = comms;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['communications'];
  r.get(
    '/api/surveys/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The satisfaction survey a customer opens from its mail',
        params: SurveyTokenParams,
        response: { 200: CustomerSurvey, 404: Problem },
      },
    },
    (request) => surveys.open(request.params.token),
  );
  r.post(
    '/api/surveys/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The customer answers: a score from 1 to 10 and a remark, once',
        params: SurveyTokenParams,
        body: SurveyAnswer,
        response: { 200: CustomerSurvey, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    (request) => surveys.answer(request.params.token, request.body),
  );
  r.get(
    '/api/satisfaction',
    {
      config: { access: ['admin', 'operations'] },
      schema: {
        tags,
        summary: 'Surveys asked and answered per visit, order and team, with averages',
        querystring: SatisfactionQuery,
        response: { 200: SatisfactionOverview },
      },
    },
    (request) => surveys.overview(request.query),
  );
}
