/** What the main thread asks the embedded database thread (pglite-thread.ts); `tx` names an open transaction. */
export type ThreadRequest =
  | { id: number; op: 'query'; tx?: number; sql: string; params: unknown[]; rowMode: 'array' | 'object'; textTypes: number[] }
  | { id: number; op: 'exec'; tx?: number; sql: string }
  | { id: number; op: 'begin'; tx?: undefined }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'listen'; tx?: undefined; channel: string }
  | { id: number; op: 'unlisten'; tx?: undefined; channel: string }
  | { id: number; op: 'dump'; tx?: undefined; compression: 'gzip' | 'none' }
  | { id: number; op: 'close'; tx?: undefined };

export type PlainError = { name: string; message: string } & Record<string, unknown>;

export type ThreadReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: PlainError }
  | { notify: string; payload: string }
  | { ready: true };
