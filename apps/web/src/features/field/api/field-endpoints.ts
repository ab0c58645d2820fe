import { CommandBatchAnswer, DeviceRegistered, PhotoStored, SyncAnswer } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';

export const registerDeviceEndpoint = endpoint('POST', '/api/mobile/devices', DeviceRegistered);
export const syncEndpoint = endpoint('GET', '/api/mobile/sync', SyncAnswer);
export const sendCommandsEndpoint = endpoint('POST', '/api/mobile/commands', CommandBatchAnswer);
export const uploadPhotoEndpoint = endpoint('POST', '/api/mobile/photos', PhotoStored);
