import { z } from 'zod';
import { Text } from './common.ts';

// Building blocks the inventory contract files share; not exported from the package on their own.
export const Quantity = z.number().int().min(1).max(1_000_000);
export const Code = Text.trim().min(1).max(100);
