import { CommandBatchAnswer, DeviceRegistered, PhotoStored, SyncAnswer } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';

export const registerDeviceEndpoint = endpoint('POST', '/api/mobile/devices', DeviceRegistered);
export const syncEndpoint = endpoint('GET', '/api/mobile/sync', SyncAnswer);
/** The team's week for a phone not registered yet; the server writes it into the app's first page. */
export const teamWeekEndpoint = endpoint('GET', '/api/mobile/week', SyncAnswer);
export const sendCommandsEndpoint = endpoint('POST', '/api/mobile/commands', CommandBatchAnswer);
export const uploadPhotoEndpoint = endpoint('POST', '/api/mobile/photos', PhotoStored);
