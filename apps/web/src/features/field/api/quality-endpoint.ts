import { QualityItems } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';

/**
 * GET /api/mobile/quality: the team's open cases, unfinished visits and failed checkpoints. A file of its
 * own, imported only by the lazily loaded quality list, so its schema stays out of the app's first download.
 */
export const qualityEndpoint = endpoint('GET', '/api/mobile/quality', QualityItems);
