import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { StoredEmailPage } from '@chargecars/contract';
import { z } from 'zod';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/client.ts';
import { listMessageLog } from '../../platform/messaging/message-log.ts';
import { subscribeTo, type ModuleWorkers } from '../../platform/events/subscribers.ts';
import {
  channelsFromConfig,
  configuredProviders,
  type Channels,
} from '../../platform/messaging/channels-from-config.ts';
import { createMessageSender } from '../../platform/messaging/message-sender.ts';
import { queueVisitReminders } from './visit-reminders.ts';
import { tellCustomerOfAppointment } from './visit-appointments.ts';
import { NOTIFYING_EVENTS } from './notification-rules.ts';
import { notifyUsersOf } from './notify-users.ts';
import { sendPaymentReminders } from './payment-reminders.ts';
import { confirmOrderToCustomer } from './order-confirmation.ts';
import { messageTemplatesService } from './message-templates.ts';
import { askCustomerSatisfaction } from './satisfaction-survey.ts';
import { tellCustomerTechnicianOnTheWay } from './technician-on-the-way.ts';
import { mailPartnerOfEvent } from './partner-event-mails.ts';
import { answerSurvey, customerSurvey } from './survey-answers.ts';
import { satisfactionOverview } from '../../read-models/satisfaction-scores.ts';
import type { TravelProvider } from '../planning/index.ts';

export { communicationsRoutes } from './communications.routes.ts';
export { notificationBellRoutes } from './notifications.routes.ts';
export { createNotificationBell } from './notification-inbox.ts';
export { messageTemplatesRoutes } from './message-templates.routes.ts';
export { inboundRepliesRoutes } from './inbound-replies.routes.ts';
export { satisfactionRoutes } from './satisfaction.routes.ts';

/**
 * Communications: the message log, customers' preferences, provider status reports, and the sender that
 * takes queued messages to their channel. Messages are written by the modules that cause them, through
 * `platform/mail.ts`, in their own transactions.
 */
export function createCommunicationsService(deps: {
  db: Db;
  config: Config;
  /** Travel times for the technician's arrival estimate (the optimiser's provider). */
  travel: TravelProvider;
  channels?: Channels;
}) {
  const channels = deps.channels ?? channelsFromConfig(deps.config);
  const sender = createMessageSender(deps.db, channels);
  return {
    db: deps.db,
    channels,
    templates: messageTemplatesService(deps.db),
    callbackSecret: deps.config.MESSAGE_CALLBACK_SECRET,
    /** The secrets replies are believed with: the SMS gateway signs them as it signs its delivery reports. */
    inbound: {
      emailSecret: deps.config.INBOUND_EMAIL_SECRET,
      smsSecret: deps.config.MESSAGE_CALLBACK_SECRET,
      whatsappAppSecret: deps.config.WHATSAPP_APP_SECRET,
      whatsappVerifyToken: deps.config.WHATSAPP_VERIFY_TOKEN,
    },
    sendDue: sender.sendDue,
    poke: () => sender.loop.poke(),
    providers: () => ({
      ...configuredProviders(deps.config),
      callbacksSigned: !!deps.config.MESSAGE_CALLBACK_SECRET,
      replies: {
        email: !!deps.config.INBOUND_EMAIL_SECRET,
        sms: !!deps.config.MESSAGE_CALLBACK_SECRET,
        whatsapp: !!deps.config.WHATSAPP_APP_SECRET,
      },
    }),
    /** The customer's survey by its link, and the scores for ops. */
    surveys: {
      open: (token: string) => customerSurvey(deps.db, token),
      answer: (token: string, answer: { score: number; remark?: string | undefined }) =>
        answerSurvey(deps.db, token, answer),
      overview: (opts: Parameters<typeof satisfactionOverview>[1]) => satisfactionOverview(deps.db, opts),
    },
    queueVisitReminders: (now?: Date) => queueVisitReminders(deps.db, now),
    /** The daily dunning run (app.ts runs it with the other daily jobs, after overdue invoices are marked). */
    async sendPaymentReminders(now?: Date) {
      const sent = await sendPaymentReminders(deps.db, now);
      sender.loop.poke();
      return sent;
    },
    workers: (): ModuleWorkers => ({
      subscribers: [
        subscribeTo({
          queue: 'event.notifications.order-confirmation',
          eventTypes: ['order.created'],
          handle: async (event) => {
            await confirmOrderToCustomer(deps.db, event, deps.config.PUBLIC_URL);
            sender.loop.poke();
          },
        }),
        subscribeTo({
          queue: 'event.notifications.satisfaction-survey',
          eventTypes: ['visit.completed'],
          handle: async (event) => {
            await askCustomerSatisfaction(deps.db, event, deps.config.PUBLIC_URL);
            sender.loop.poke();
          },
        }),
        subscribeTo({
          queue: 'event.notifications.visit-appointments',
          eventTypes: ['visit.scheduled', 'visit.unplanned'],
          handle: async (event) => {
            await tellCustomerOfAppointment(deps.db, event);
            sender.loop.poke();
          },
        }),
        subscribeTo({
          queue: 'event.notifications.technician-on-the-way',
          eventTypes: ['visit.executed'],
          handle: async (event) => {
            await tellCustomerTechnicianOnTheWay(deps.db, event, deps.travel);
            sender.loop.poke();
          },
        }),
        subscribeTo({
          queue: 'event.notifications.partner-mails',
          eventTypes: ['lead.qualified', 'order.created'],
          handle: async (event) => {
            await mailPartnerOfEvent(deps.db, event, deps.config.PUBLIC_URL);
            sender.loop.poke();
          },
        }),
        subscribeTo({
          queue: 'event.notifications.in-app',
          eventTypes: NOTIFYING_EVENTS,
          handle: async (event) => {
            await notifyUsersOf(deps.db, event);
          },
        }),
      ],
      // Every quarter of an hour: a visit's reminder goes within 15 minutes of 24 hours before its block.
      schedules: [
        {
          queue: 'communications.visit-reminders',
          cron: '*/15 * * * *',
          run: async () => {
            await queueVisitReminders(deps.db);
            sender.loop.poke();
          },
        },
      ],
      loops: [sender.loop],
    }),
    close: () => {
      for (const c of Object.values(channels)) c.close?.();
    },
  };
}
export type CommunicationsService = ReturnType<typeof createCommunicationsService>;

/** The email outbox as ops see it: with the offline mail adapter, this is where mail goes. */
export function notificationsRoutes(app: FastifyInstance, deps: { db: Db }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/outbox/emails',
    {
      config: { access: ['admin', 'operations'] },
      schema: {
        tags: ['notifications'],
        summary: 'Stored outgoing emails',
        querystring: z.object({
          page: z.coerce.number().int().min(1).max(100_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: StoredEmailPage },
      },
    },
    (request) =>
      listMessageLog(deps.db, request.query.page, request.query.pageSize, {
        channel: 'email',
        direction: 'outbound',
      }),
  );
}
