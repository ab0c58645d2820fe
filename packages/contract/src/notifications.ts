import { z } from 'zod';
import { Text, Uuid } from './common.ts';

/** One in-app notification, written in its recipient's language when it was made. */
export const InAppNotification = z.object({
  id: Uuid,
  type: Text,
  title: Text,
  body: Text,
  /** The portal page it concerns, a path of the recipient's own portal. */
  link: Text,
  createdAt: Text,
  readAt: Text.nullable(),
});
export type InAppNotification = z.infer<typeof InAppNotification>;

/** The bell: the most recent notifications of the caller and how many of all theirs are unread. */
export const NotificationInbox = z.object({
  items: z.array(InAppNotification),
  unreadCount: z.number().int().min(0),
});
export type NotificationInbox = z.infer<typeof NotificationInbox>;

export const NotificationsRead = z.object({ marked: z.number().int().min(0), unreadCount: z.number().int().min(0) });
export type NotificationsRead = z.infer<typeof NotificationsRead>;

/** An overdue count of days that triggers a payment reminder: from the day after the due date. */
export const ReminderDay = z.number().int().min(1).max(365);

/** An entity's payment reminder steps: at most five, rising, each a distinct number of days overdue. */
export const PaymentReminderSteps = z.object({
  days: z
    .array(ReminderDay)
    .min(1)
    .max(5)
    .refine((d) => d.every((x, i) => i === 0 || x > d[i - 1]!), 'de stappen moeten oplopen'),
});
export type PaymentReminderSteps = z.infer<typeof PaymentReminderSteps>;

export const EntityReminderSteps = z.object({ entityId: Text, name: Text, days: z.array(ReminderDay) });
export const EntityReminderStepsList = z.array(EntityReminderSteps);
export type EntityReminderSteps = z.infer<typeof EntityReminderSteps>;
