import type { nlNotifications } from './messages-nl-notifications';

export const enNotifications: Record<keyof typeof nlNotifications, string> = {
  'notifications.bell': 'Notifications',
  'notifications.bellUnread': 'Notifications, {count} unread',
  'notifications.title': 'Notifications',
  'notifications.markAllRead': 'Mark all read',
  'notifications.markRead': 'Read',
  'notifications.markReadOf': 'Mark "{title}" as read',
  'notifications.unread': 'Unread',
  'notifications.none': 'No notifications.',
  'notifications.loadFailed': 'The notifications could not be loaded.',
  'messageType.payment_reminder': 'Payment reminder',
  'reminders.title': 'Payment reminders',
  'reminders.open': 'Set up reminders',
  'reminders.intro':
    'An open invoice gets a reminder by e-mail to its payer at these numbers of days past its due date, one per step. Paid and credited invoices get none.',
  'reminders.days': 'Days past due date',
  'reminders.daysHint': 'Rising, separated by commas, at most five (for example 7, 14, 30).',
  'reminders.daysOf': 'Days past due date for {name}',
  'reminders.save': 'Save',
  'reminders.saved': 'The steps of {name} are saved.',
  'reminders.invalid': 'Enter rising whole days between 1 and 365, at most five.',
  'reminders.sent': 'Reminder',
  'reminders.sentStep': 'Step {step} ({days} days past due) sent on {at}',
};
