import { nlField } from './messages-nl-field';
import { nlFieldOps } from './messages-nl-field-ops';
import { nlNotifications } from './messages-nl-notifications';
import { nlPortals } from './messages-nl-portals';

/** The Dutch texts every page needs, the login page and the technician app included; the rest comes with its portal. */
export const nlShell = { ...nlPortals, ...nlField, ...nlFieldOps, ...nlNotifications } as const;
