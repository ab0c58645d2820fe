import { nlPortalExtras } from './messages-nl-portal-extras';
import { nlShell } from './messages-nl-shell';

// The Dutch texts are the source: every key exists here, English must match (messages-en.ts).
// Split by area to keep each file readable; the parts never share a key (a test checks). The app
// loads them in two parts (i18n.tsx): the shell's at once, the office portals' with those portals.
export const nl = { ...nlShell, ...nlPortalExtras } as const;

export type MessageKey = keyof typeof nl;
