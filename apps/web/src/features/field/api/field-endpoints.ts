import { CommandBatchAnswer, DeviceRegistered, PhotoStored, QualityItems, SyncAnswer } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';

export const registerDeviceEndpoint = endpoint('POST', '/api/mobile/devices', DeviceRegistered);
export const syncEndpoint = endpoint('GET', '/api/mobile/sync', SyncAnswer);
export const sendCommandsEndpoint = endpoint('POST', '/api/mobile/commands', CommandBatchAnswer);
export const uploadPhotoEndpoint = endpoint('POST', '/api/mobile/photos', PhotoStored);
/** The team's open cases, unfinished visits and failed checkpoints, kept on the phone for the Kwaliteit tab. */
export const qualityEndpoint = endpoint('GET', '/api/mobile/quality', QualityItems);
