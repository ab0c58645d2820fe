// Worker threads on Node 20 do not inherit the TypeScript loader of the server, so the database
// thread registers tsx itself before it loads its TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./pglite-thread.ts');
