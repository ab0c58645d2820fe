import { nlPortals } from './messages-nl-portals';
import { nlSales } from './messages-nl-sales';
import { nlInventory } from './messages-nl-inventory';

// The Dutch texts are the source: every key exists here, English must match (messages-en.ts).
// Split by area to keep each file readable; the two parts never share a key (a test checks).
export const nl = { ...nlPortals, ...nlSales, ...nlInventory } as const;

export type MessageKey = keyof typeof nl;
